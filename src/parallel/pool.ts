import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';

/**
 * Worker threads for any job that is plain data (typed arrays travel by structured clone). A
 * worker script is a module that calls `serveJobs(handler)`; the calling side names the script
 * by URL and runs the same handler inline when one thread is asked for or the compiled script is
 * absent (running from the TypeScript sources), so results never depend on where a job ran.
 *
 * This folder knows no job kinds: the engine's image slices and the sweep's points each bring
 * their own script, so nothing here imports a later stage (no import circle through workers).
 */
export type JobHandler<J, R> = (job: J, progress: (done: number) => void) => Promise<R>;

interface Message<R> {
  readonly type: 'progress' | 'result' | 'error';
  readonly done?: number;
  readonly result?: R;
  readonly name?: string;
  readonly message?: string;
}

/** Whether a compiled worker script exists at `script`. */
export function workerScriptExists(script: URL): boolean {
  return existsSync(fileURLToPath(script));
}

/**
 * Worker entry: runs the jobs posted by the main thread one at a time, in the order received,
 * posting progress and results back. An InputError keeps its name, so the caller can rethrow it
 * as the one-line refusal it is.
 */
export function serveJobs<J, R>(handler: JobHandler<J, R>): void {
  const port = parentPort;
  if (!port) return;
  let queue = Promise.resolve();
  port.on('message', (job: J) => {
    queue = queue.then(async () => {
      try {
        const result = await handler(job, (done) => port.postMessage({ type: 'progress', done }));
        port.postMessage({ type: 'result', result });
      } catch (err) {
        const e = err as Error;
        port.postMessage({ type: 'error', name: e.name, message: e.message });
      }
    });
  });
}

function failure(m: Message<unknown>): Error {
  return m.name === 'InputError' ? new InputError(m.message as string) : new Error(m.message);
}

/** Posts one job to a fresh worker and resolves with its result; the worker then exits. */
export function inWorker<J, R>(script: URL, job: J, progress: (done: number) => void): Promise<R> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    worker.on('message', (m: Message<R>) => {
      if (m.type === 'progress') progress(m.done as number);
      else {
        if (m.type === 'result') resolve(m.result as R);
        else reject(failure(m));
        void worker.terminate();
      }
    });
    worker.on('error', reject);
    worker.postMessage(job);
  });
}

/**
 * A fixed set of long-lived workers taking jobs from one queue, each result handed to `onResult`
 * as soon as it arrives (in completion order, which varies: callers that need a fixed order
 * sort by the job's own key). With one thread, or without the compiled worker script, jobs run
 * one by one on the calling thread through `inline`.
 */
export async function runPool<J, R>(
  script: URL,
  jobs: readonly J[],
  threads: number,
  inline: JobHandler<J, R>,
  onResult: (result: R, job: J) => void,
): Promise<void> {
  if (threads <= 1 || jobs.length <= 1 || !workerScriptExists(script)) {
    for (const job of jobs) onResult(await inline(job, () => {}), job);
    return;
  }
  let next = 0;
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () => new Worker(script));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= jobs.length) {
                resolve();
                return;
              }
              const job = jobs[next++];
              const listener = (m: Message<R>) => {
                if (m.type === 'progress') return;
                worker.off('message', listener);
                if (m.type === 'error') {
                  reject(failure(m));
                  return;
                }
                onResult(m.result as R, job);
                feed();
              };
              worker.on('message', listener);
              worker.postMessage(job);
            };
            worker.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
