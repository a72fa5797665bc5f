import type { IntegerGraph } from '../quant/graph.js';
import { type RunOptions, type RunResult, runIntegerGraph } from './run.js';
import { PointComputer } from './sweep-point.js';
import type { SweepPoint, SweepRecord, SweepSpec } from './sweep-spec.js';

/**
 * Work a worker thread can do, as plain data (typed arrays travel by structured clone), so the
 * same function runs in the main thread when no worker is used:
 * - `run`: an integer graph over a slice of images;
 * - `sweep-point`: one point of a sweep (the worker keeps its calibration and shared runs
 *   between points of the same sweep).
 */
export type Job = RunJob | SweepJob;

export interface RunJob {
  readonly type: 'run';
  readonly graph: IntegerGraph;
  readonly images: Uint8Array;
  readonly count: number;
  readonly options: Omit<RunOptions, 'onProgress' | 'onNode'>;
}

export interface SweepJob {
  readonly type: 'sweep-point';
  readonly spec: SweepSpec;
  readonly point: SweepPoint;
}

const computers = new Map<string, PointComputer>();

export function runJob(job: RunJob, progress: (done: number) => void): Promise<RunResult>;
export function runJob(job: SweepJob, progress: (done: number) => void): Promise<SweepRecord>;
export function runJob(
  job: Job,
  progress: (done: number) => void,
): Promise<RunResult | SweepRecord>;
export async function runJob(
  job: Job,
  progress: (done: number) => void,
): Promise<RunResult | SweepRecord> {
  if (job.type === 'run') {
    return runIntegerGraph(job.graph, job.images, job.count, {
      ...job.options,
      onProgress: progress,
    });
  }
  const key = JSON.stringify(job.spec);
  let computer = computers.get(key);
  if (!computer) {
    computer = new PointComputer(job.spec);
    computers.set(key, computer);
  }
  return computer.compute(job.point);
}
