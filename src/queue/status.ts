import { existsSync } from 'node:fs';
import { Queue } from 'bullmq';
import { pointKey, type SweepSpec, sweepPoints, sweepSettings } from '../sweep/spec.js';
import { readRecords } from '../sweep/sweep.js';
import { checkReachable, QUEUE_NAME, redisOptions } from './connection.js';
import { realRoot } from './files.js';
import { jobId, pointJob, sweepInputs } from './job.js';
import type { QueueAddress } from './url.js';

/**
 * Where a queued sweep stands, without waiting: points done (in the results file or completed
 * in the queue), running (claimed by a worker), waiting (queued, not yet taken), failed, and
 * not queued (no coordinator has enqueued them yet).
 */
export interface QueueStatus {
  readonly total: number;
  readonly done: number;
  readonly running: number;
  readonly waiting: number;
  readonly failed: number;
  readonly notQueued: number;
}

export async function queueStatus(
  spec: SweepSpec,
  out: string,
  address: QueueAddress,
  root: string,
): Promise<QueueStatus> {
  const inputs = sweepInputs(spec, realRoot(root));
  await checkReachable(address);
  const settings = JSON.stringify(sweepSettings(spec));
  const inFile = new Set(
    (existsSync(out) ? readRecords(out) : [])
      .filter((r) => JSON.stringify(r.settings) === settings)
      .map(pointKey),
  );
  const counts = { done: 0, running: 0, waiting: 0, failed: 0, notQueued: 0 };
  const points = sweepPoints(spec);
  const queue = new Queue(QUEUE_NAME, { connection: redisOptions(address) });
  try {
    for (const point of points) {
      if (inFile.has(pointKey(point))) {
        counts.done++;
        continue;
      }
      const state = await queue.getJobState(jobId(pointJob(spec, point, inputs)));
      if (state === 'completed') counts.done++;
      else if (state === 'active') counts.running++;
      else if (state === 'failed') counts.failed++;
      else if (state === 'unknown') counts.notQueued++;
      else counts.waiting++;
    }
  } finally {
    await queue.close();
  }
  return { total: points.length, ...counts };
}
