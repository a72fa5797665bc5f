import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { shippedTableFile } from '../cost/tables.js';
import { InputError } from '../errors.js';
import { packageVersion } from '../paths.js';
import { pointKey, type SweepPoint, type SweepSpec } from '../sweep/spec.js';
import { type FileRef, fileRef, sha256 } from './files.js';

/**
 * One sweep point as a queue job: the whole sweep spec exactly as the coordinator was given it
 * (its settings go into every record), the point, and every input file by name and hash. The
 * job says which addersim version made it; a worker of another version refuses it, since the
 * same point may give other bytes there.
 *
 * Its id is `pt-` + the SHA-256 of the job's canonical JSON (`canonicalJob`): the point's
 * canonical option set together with everything else its record depends on. Re-enqueueing the
 * same sweep adds nothing; a changed model, table, setting or grid is another job. (BullMQ ids
 * may not contain `:`, which option sets with paths can, hence the hash.)
 */
export const JOB_KIND = 'addersim-sweep-point';

/** A cost table: a shipped one by name (hash of the shipped file), or a file under the root. */
export interface TableRef {
  readonly name: string;
  readonly shipped: boolean;
  /** null for a shipped table. */
  readonly file: string | null;
  readonly sha256: string;
}

export interface QueueJob {
  readonly kind: typeof JOB_KIND;
  readonly version: string;
  readonly spec: SweepSpec;
  readonly point: SweepPoint;
  readonly model: FileRef;
  readonly tables: readonly TableRef[];
}

/** The inputs every job of one sweep shares, hashed once. */
export interface SweepInputs {
  readonly model: FileRef;
  readonly tables: readonly TableRef[];
}

/** Hashes the sweep's inputs; files must lie under `root` (a real path). */
export function sweepInputs(spec: SweepSpec, root: string): SweepInputs {
  const model = fileRef(spec.model, root, '--model');
  const tables = spec.tables.map((name): TableRef => {
    const shipped = shippedTableFile(name);
    if (shipped !== undefined) {
      return { name, shipped: true, file: null, sha256: sha256(readFileSync(shipped)) };
    }
    const ref = fileRef(name, root, '--table');
    return { name, shipped: false, file: ref.file, sha256: ref.sha256 };
  });
  return { model, tables };
}

export function pointJob(spec: SweepSpec, point: SweepPoint, inputs: SweepInputs): QueueJob {
  return {
    kind: JOB_KIND,
    version: packageVersion(),
    spec,
    point,
    model: inputs.model,
    tables: inputs.tables,
  };
}

/** The job's data with its keys in one fixed order: the text its id hashes. */
export function canonicalJob(job: QueueJob): string {
  const s = job.spec;
  return JSON.stringify([
    job.kind,
    job.version,
    [s.model, s.bits, s.accBits, s.adders, s.absdiffs, s.tables],
    [s.limit, s.bn, s.overflow, s.groups, s.gateImages],
    job.point.index,
    pointKey(job.point),
    [job.model.file, job.model.sha256],
    job.tables.map((t) => [t.name, t.shipped, t.file, t.sha256]),
  ]);
}

export function jobId(job: QueueJob): string {
  return `pt-${createHash('sha256').update(canonicalJob(job)).digest('hex')}`;
}

/** Refuses a job meant for another version of addersim. */
export function checkVersion(job: QueueJob): void {
  const mine = packageVersion();
  if (job.version !== mine) {
    throw new InputError(
      `job version must be this worker's addersim ${mine}, not ${JSON.stringify(job.version)} (run workers of the coordinator's version)`,
    );
  }
}
