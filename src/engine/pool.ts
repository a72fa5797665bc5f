import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { type Job, runJob } from './jobs.js';
import { WORKER_URL, workersAvailable } from './parallel.js';

/**
 * A fixed set of long-lived workers taking jobs from one queue, each result handed to `onResult`
 * as soon as it arrives (in completion order, which varies: callers that need a fixed order
 * sort by the job's own key). With one thread, or without the compiled worker script, jobs run
 * one by one on the calling thread.
 */
export async function runPool<T>(
  jobs: readonly Job[],
  threads: number,
  onResult: (result: T, job: Job) => void,
): Promise<void> {
  if (threads <= 1 || jobs.length <= 1 || !workersAvailable()) {
    for (const job of jobs) onResult((await runJob(job, () => {})) as T, job);
    return;
  }
  let next = 0;
  const workers = Array.from(
    { length: Math.min(threads, jobs.length) },
    () => new Worker(WORKER_URL),
  );
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
              const listener = (m: {
                type: string;
                result?: T;
                name?: string;
                message?: string;
              }) => {
                if (m.type === 'progress') return;
                worker.off('message', listener);
                if (m.type === 'error') {
                  reject(
                    m.name === 'InputError'
                      ? new InputError(m.message as string)
                      : new Error(m.message),
                  );
                  return;
                }
                onResult(m.result as T, job);
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
