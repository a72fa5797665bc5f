import { parseTable } from '../cost/tables.js';
import { decodeCheckpoint } from '../nn/checkpoint.js';
import { PointComputer } from '../sweep/point.js';
import type { SweepRecord } from '../sweep/spec.js';
import type { QueueJob } from './job.js';

/**
 * A validated job with the bytes of its inputs, read and matched by hash on the worker's main
 * thread; what a worker thread computes. The thread decodes exactly these bytes.
 */
export interface VerifiedJob {
  readonly job: QueueJob;
  readonly model: Uint8Array;
  /** The text of each table, in the order of `job.spec.tables`. */
  readonly tables: readonly string[];
}

/** How a table is labelled in messages: as `loadTable` labels the same table on a local run. */
export function tableLabel(job: QueueJob, index: number): string {
  const t = job.tables[index];
  return t.shipped ? `cost-tables/${t.name}.json` : t.name;
}

// A thread keeps its calibration and shared runs between points of the same sweep and inputs,
// as the local sweep's threads do; the key holds the hashes, so other bytes never share them.
const computers = new Map<string, PointComputer>();

/** Computes one point through the sweep's own point evaluation (src/sweep/point.ts). */
export async function computeVerified(v: VerifiedJob): Promise<SweepRecord> {
  const { job } = v;
  const key = JSON.stringify([job.spec, job.model.sha256, job.tables.map((t) => t.sha256)]);
  let computer = computers.get(key);
  if (!computer) {
    const tables = new Map(job.spec.tables.map((name, i) => [name, i]));
    computer = new PointComputer(job.spec, {
      checkpoint: () => decodeCheckpoint(v.model, job.spec.model),
      table: (name) => {
        const i = tables.get(name) as number;
        return parseTable(v.tables[i], tableLabel(job, i));
      },
    });
    computers.set(key, computer);
  }
  return computer.compute(job.point);
}
