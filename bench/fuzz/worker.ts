import { parentPort, workerData } from 'node:worker_threads';
import { inputsOf, judge } from './harness.js';
import { FUZZ_PATHS } from './registry.js';

export interface FuzzJob {
  readonly name: string;
  readonly count: number;
  readonly seed: number;
  readonly from: number;
  readonly scratch: string;
}

/**
 * The worker side of bench/fuzz.ts: runs the inputs `from`..`count`-1 of one fuzz path and
 * reports each: 'start' before an input (so the parent's watchdog knows which one hangs) and
 * 'done' with its verdict after.
 */
export async function runFuzzJob(): Promise<void> {
  const job = workerData as FuzzJob;
  const path = FUZZ_PATHS.find((p) => p.name === job.name)!;
  const inputs = inputsOf(path, job.count, job.seed);
  for (let i = job.from; i < job.count; i++) {
    parentPort!.postMessage({ type: 'start', i });
    const v = await judge(path, inputs[i], job.scratch);
    parentPort!.postMessage({ type: 'done', i, outcome: v.outcome, detail: v.detail });
  }
  parentPort!.postMessage({ type: 'end' });
}
