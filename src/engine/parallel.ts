import { availableParallelism } from 'node:os';
import { inWorker, workerScriptExists } from '../parallel/pool.js';
import type { IntegerGraph } from '../quant/graph.js';
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

/** One slice of images through an integer graph, as plain data for a worker thread. */
export interface SliceJob {
  readonly graph: IntegerGraph;
  readonly images: Uint8Array;
  readonly count: number;
  readonly options: Omit<RunOptions, 'onProgress' | 'onNode'>;
}

/** The compiled worker script (absent when running from the TypeScript sources). */
const WORKER_URL = new URL('./worker.js', import.meta.url);

export async function runSlice(
  job: SliceJob,
  progress: (done: number) => void,
): Promise<RunResult> {
  return runIntegerGraph(job.graph, job.images, job.count, {
    ...job.options,
    onProgress: progress,
  });
}

/** The worker threads a run of `count` images uses: as asked (default all cores), 32 images each at least. */
export function threadsFor(asked: number | undefined, count: number): number {
  return Math.max(1, Math.min(asked ?? availableParallelism(), Math.floor(count / 32)));
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
  const threads = threadsFor(asked, count);
  const perImage = graph.nodes[0].shape.reduce((a, b) => a * b, 1);
  if (threads <= 1 || !workerScriptExists(WORKER_URL)) {
    return runSlice({ graph, images, count, options: run }, (d) => onProgress?.(d));
  }
  const size = Math.ceil(count / threads);
  const slices = Array.from({ length: threads }, (_, i) => {
    const start = i * size;
    return { start, count: Math.max(0, Math.min(size, count - start)) };
  }).filter((s) => s.count > 0);
  const done = slices.map(() => 0);
  const results = await Promise.all(
    slices.map((slice, i) => {
      const job: SliceJob = {
        graph,
        images: images.slice(slice.start * perImage, (slice.start + slice.count) * perImage),
        count: slice.count,
        options: run,
      };
      return inWorker<SliceJob, RunResult>(WORKER_URL, job, (d) => {
        done[i] = d;
        onProgress?.(done.reduce((a, b) => a + b, 0));
      });
    }),
  );
  return mergeRuns(results);
}
