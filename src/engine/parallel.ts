import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import type { IntegerGraph } from '../quant/graph.js';
import { type RunJob, runJob } from './jobs.js';
import { mergeRuns, type RunOptions, type RunResult, runIntegerGraph } from './run.js';

/**
 * Runs an integer graph over images on several worker threads: the images are cut into
 * contiguous slices, one per thread, and the results merged in slice order, so predictions and
 * counters are identical to a single-thread run (counters are integer sums). Falls back to the
 * calling thread when one thread is asked for, when there are too few images to share, or when
 * the compiled worker script is not present (running from TypeScript sources).
 */
export interface ParallelOptions extends RunOptions {
  /** Worker threads; default: the machine's available parallelism. */
  readonly threads?: number;
}

/** The compiled worker script (absent when running from the TypeScript sources). */
export const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Whether worker threads can be used (the compiled worker script exists). */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

export async function runParallel(
  graph: IntegerGraph,
  images: Uint8Array,
  count: number,
  options: ParallelOptions = {},
): Promise<RunResult> {
  const { threads: asked, onProgress, onNode, ...run } = options;
  // Node outputs cannot leave a worker: a run that inspects them stays on this thread.
  if (onNode) return runIntegerGraph(graph, images, count, { ...run, onNode, onProgress });
  const threads = Math.max(1, Math.min(asked ?? availableParallelism(), Math.floor(count / 32)));
  const perImage = graph.nodes[0].shape.reduce((a, b) => a * b, 1);
  if (threads <= 1 || !workersAvailable()) {
    return runJob({ type: 'run', graph, images, count, options: run }, (d) => onProgress?.(d));
  }
  const size = Math.ceil(count / threads);
  const slices = Array.from({ length: threads }, (_, i) => {
    const start = i * size;
    return { start, count: Math.max(0, Math.min(size, count - start)) };
  }).filter((s) => s.count > 0);
  const done = slices.map(() => 0);
  const results = await Promise.all(
    slices.map((slice, i) => {
      const job: RunJob = {
        type: 'run',
        graph,
        images: images.slice(slice.start * perImage, (slice.start + slice.count) * perImage),
        count: slice.count,
        options: run,
      };
      return inWorker<RunResult>(job, (d) => {
        done[i] = d;
        onProgress?.(done.reduce((a, b) => a + b, 0));
      });
    }),
  );
  return mergeRuns(results);
}

/** Posts one job to a fresh worker and resolves with its result; the worker then exits. */
export function inWorker<T>(job: unknown, progress: (done: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    worker.on(
      'message',
      (m: { type: string; done?: number; result?: T; name?: string; message?: string }) => {
        if (m.type === 'progress') progress(m.done as number);
        else if (m.type === 'result') {
          resolve(m.result as T);
          void worker.terminate();
        } else if (m.type === 'error') {
          reject(
            m.name === 'InputError' ? new InputError(m.message as string) : new Error(m.message),
          );
          void worker.terminate();
        }
      },
    );
    worker.on('error', reject);
    worker.postMessage(job);
  });
}
