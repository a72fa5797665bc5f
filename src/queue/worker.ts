import { readFileSync } from 'node:fs';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { shippedTableFile } from '../cost/tables.js';
import { InputError } from '../errors.js';
import { workerScriptExists } from '../parallel/pool.js';
import { StandingPool } from '../parallel/standing-pool.js';
import { pointKey, type SweepRecord } from '../sweep/spec.js';
import { computeVerified, type VerifiedJob } from './compute.js';
import { QUEUE_NAME, redisOptions } from './connection.js';
import { readRef, sha256 } from './files.js';
import { checkVersion, type QueueJob } from './job.js';
import { validateJob } from './schema.js';
import type { QueueAddress } from './url.js';

/**
 * A queue worker: takes sweep points from the queue, `threads` at a time, each on its own worker
 * thread (the main thread stays free to renew its claim on the jobs in flight). Every job is
 * validated (schema.ts) and its files read from under `root` and matched by hash before anything
 * runs. A job the worker refuses, or whose point fails with a user error (bad model, bad table),
 * fails at once with its one-line reason; any other error is retried once (attempts 2, set by
 * the coordinator). A worker that dies mid-job (kill -9) stops renewing its claim: after
 * `lockSeconds` another worker's stalled-job check puts the job back and it runs again there; a
 * job that stalls `MAX_STALLS` times fails, so a point that kills its workers is not retried
 * forever. The worker connects out to Redis and listens on nothing.
 */
export interface QueueWorkerOptions {
  readonly address: QueueAddress;
  /** Real path of the folder job files are read from. */
  readonly root: string;
  readonly threads: number;
  /** How long a claim lasts without renewal (and how often stalled jobs are looked for). */
  readonly lockSeconds: number;
  /** Told of every job taken, finished or failed, and of connection trouble. */
  readonly report?: (event: WorkerEvent) => void;
}

/** What a worker reports: `point` is the point's canonical key, `job` the job id. */
export type WorkerEvent =
  | { readonly event: 'took'; readonly point: string }
  | {
      readonly event: 'done';
      readonly point: string;
      readonly seconds: number;
      readonly done: number;
      readonly failed: number;
    }
  | { readonly event: 'failed'; readonly job: string; readonly reason: string }
  | { readonly event: 'redis'; readonly reason: string };

export interface QueueWorker {
  /** Finishes the jobs in flight, then disconnects. */
  close(): Promise<void>;
}

const MAX_STALLS = 2;
const THREAD_URL = new URL('./thread.js', import.meta.url);

/** Reads a job's inputs from under the root, each matched by its hash. */
function verify(job: QueueJob, root: string): VerifiedJob {
  const model = readRef(job.model, root, 'model file');
  const tables = job.tables.map((t) => {
    if (!t.shipped) {
      return Buffer.from(
        readRef({ file: t.file as string, sha256: t.sha256 }, root, 'table file'),
      ).toString('utf8');
    }
    const bytes = readFileSync(shippedTableFile(t.name) as string);
    const found = sha256(bytes);
    if (found !== t.sha256) {
      throw new InputError(
        `table ${t.name} must have SHA-256 ${t.sha256} (the coordinator's), not this worker's ${found}`,
      );
    }
    return bytes.toString('utf8');
  });
  return { job, model, tables };
}

export function startWorker(options: QueueWorkerOptions): QueueWorker {
  const report = options.report ?? (() => {});
  const pool = workerScriptExists(THREAD_URL)
    ? new StandingPool<VerifiedJob, SweepRecord>(THREAD_URL, options.threads)
    : undefined;
  let done = 0;
  let failed = 0;
  const process = async (job: Job): Promise<SweepRecord> => {
    const started = Date.now();
    let verified: VerifiedJob;
    try {
      const data = validateJob(job.data, job.id);
      checkVersion(data);
      verified = verify(data, options.root);
    } catch (err) {
      // A refused job is never retried: another attempt would read the same data.
      if (err instanceof InputError) throw new UnrecoverableError(err.message);
      throw err;
    }
    const key = pointKey(verified.job.point);
    report({ event: 'took', point: key });
    try {
      // Without the compiled thread script (running from sources) the point runs here.
      const record = await (pool ? pool.run(verified) : computeVerified(verified));
      done++;
      report({
        event: 'done',
        point: key,
        seconds: (Date.now() - started) / 1000,
        done,
        failed,
      });
      return record;
    } catch (err) {
      if (err instanceof InputError) throw new UnrecoverableError(err.message);
      throw err;
    }
  };
  const worker = new Worker(QUEUE_NAME, process, {
    connection: redisOptions(options.address),
    concurrency: options.threads,
    lockDuration: options.lockSeconds * 1000,
    stalledInterval: options.lockSeconds * 1000,
    maxStalledCount: MAX_STALLS - 1,
  });
  worker.on('failed', (job, err) => {
    failed++;
    report({ event: 'failed', job: job?.id ?? '', reason: err.message.split('\n')[0] });
  });
  // A lost connection is retried by ioredis; say so instead of crashing.
  worker.on('error', (err) => report({ event: 'redis', reason: err.message.split('\n')[0] }));
  return {
    async close() {
      await worker.close();
      await pool?.close();
    },
  };
}
