import { type Job, Queue, QueueEvents } from 'bullmq';
import { InputError } from '../errors.js';
import { checkOutputFile } from '../fsutil.js';
import { pointKey, type SweepPoint, type SweepRecord, type SweepSpec } from '../sweep/spec.js';
import { runSweep, type SweepResult } from '../sweep/sweep.js';
import { checkReachable, QUEUE_NAME, redisOptions } from './connection.js';
import { realRoot } from './files.js';
import { jobId, pointJob, type QueueJob, type SweepInputs, sweepInputs } from './job.js';
import { checkResult } from './schema.js';
import type { QueueAddress } from './url.js';

/**
 * `addersim sweep --queue`: the local sweep (src/sweep/sweep.ts: results file, header, resume
 * from the file, final rewrite in point order) with its points computed by queue workers
 * instead of local threads. So the file is the same bytes as a local run's. The coordinator
 * enqueues the points missing from the file (ids are content hashes: enqueueing again adds
 * nothing, and a point already completed in the queue is taken from there), retries points
 * that failed in an earlier run, then waits, appending each result as it arrives. When some
 * points fail it still waits for the rest, then reports the failures in one line; the file keeps
 * every finished point, so a rerun resumes.
 */
export interface QueueSweepOptions {
  readonly address: QueueAddress;
  /** The folder the workers' --root mirrors; job files are named relative to it. */
  readonly root: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** How often every outstanding job is looked at, besides the queue's events. */
  readonly pollMs?: number;
}

/** Attempts per job: one retry for an internal error; user errors fail at once (worker.ts). */
const ATTEMPTS = 2;

export async function runQueuedSweep(
  spec: SweepSpec,
  out: string,
  options: QueueSweepOptions,
): Promise<SweepResult> {
  checkOutputFile('--out', out);
  const inputs = sweepInputs(spec, realRoot(options.root));
  await checkReachable(options.address);
  return runSweep(spec, out, {
    onProgress: options.onProgress,
    compute: (todo, onRecord) =>
      awaitPoints(spec, inputs, todo, onRecord, options.address, options.pollMs ?? 2000),
  });
}

async function awaitPoints(
  spec: SweepSpec,
  inputs: SweepInputs,
  todo: readonly SweepPoint[],
  onRecord: (record: SweepRecord) => void,
  address: QueueAddress,
  pollMs: number,
): Promise<void> {
  const connection = redisOptions(address);
  const queue = new Queue(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  const jobs = new Map<string, QueueJob>(
    todo.map((p) => {
      const job = pointJob(spec, p, inputs);
      return [jobId(job), job];
    }),
  );
  const failures: string[] = [];
  let wake: (() => void) | undefined;
  const dirty = new Set<string>();
  const touched = ({ jobId: id }: { jobId: string }) => {
    if (!jobs.has(id)) return;
    dirty.add(id);
    wake?.();
  };
  events.on('completed', touched);
  events.on('failed', touched);
  try {
    await events.waitUntilReady();
    await enqueue(queue, jobs, true);
    let lastScan = Date.now();
    let scanAll = true;
    while (jobs.size > 0) {
      const ids = scanAll ? [...jobs.keys()] : [...dirty].filter((id) => jobs.has(id));
      dirty.clear();
      const lost = new Map<string, QueueJob>();
      for (const id of ids) {
        const job = (await queue.getJob(id)) as Job | undefined;
        const data = jobs.get(id) as QueueJob;
        if (!job) {
          // Gone from Redis (flushed, or a restarted Redis without persistence): enqueue again.
          lost.set(id, data);
          continue;
        }
        const state = await job.getState();
        if (state === 'completed') {
          // As for failures below: a job that completed after the read above carries no result.
          const done = ((await queue.getJob(id)) as Job | undefined) ?? job;
          onRecord(checkResult(done.returnvalue, data));
          jobs.delete(id);
        } else if (state === 'failed') {
          // Read again: the job may have failed between the read above and getState.
          const failed = ((await queue.getJob(id)) as Job | undefined) ?? job;
          failures.push(`${pointKey(data.point)}: ${String(failed.failedReason).split('\n')[0]}`);
          jobs.delete(id);
        }
      }
      if (lost.size > 0) await enqueue(queue, lost, false);
      if (jobs.size === 0) break;
      await new Promise<void>((resolve) => {
        if (dirty.size > 0) {
          resolve();
          return;
        }
        const timer = setTimeout(resolve, Math.max(0, pollMs - (Date.now() - lastScan)));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
      scanAll = Date.now() - lastScan >= pollMs;
      if (scanAll) lastScan = Date.now();
    }
  } finally {
    await events.close();
    await queue.close();
  }
  if (failures.length > 0) {
    throw new InputError(
      `${failures.length} of ${todo.length} points failed on the workers (the results file keeps the others; run again to retry): ${failures[0]}`,
    );
  }
}

/**
 * Adds the jobs (a job id already in the queue is left as it is); with `retryFailed`, jobs
 * that failed in an earlier run go back to waiting: running the sweep again is asking again.
 */
async function enqueue(
  queue: Queue,
  jobs: ReadonlyMap<string, QueueJob>,
  retryFailed: boolean,
): Promise<void> {
  if (retryFailed) {
    for (const id of jobs.keys()) {
      const job = await queue.getJob(id);
      if (job && (await job.getState()) === 'failed') {
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      }
    }
  }
  await queue.addBulk(
    [...jobs].map(([id, data]) => ({
      name: 'point',
      data,
      opts: { jobId: id, attempts: ATTEMPTS, removeOnComplete: false, removeOnFail: false },
    })),
  );
}
