import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { loadTable } from '../cost/tables.js';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';
import { loadCheckpoint } from '../nn/checkpoint.js';
import { runPool } from '../parallel/pool.js';
import { computePoint, type PointJob } from './point.js';
import { type SweepRecord, type SweepSpec, sweepPoints, sweepSettings } from './spec.js';

/**
 * A resumable sweep. Every finished point is appended to `out` as one JSON line the moment it
 * completes, so an interrupted run loses at most the points in flight; a rerun reads the file,
 * keeps the complete lines of this sweep (a torn last line is dropped), and computes only the
 * missing points. When every point is done the file is rewritten atomically in point order, so
 * the final file is byte-identical whether or not the run was interrupted, and whatever order the
 * worker threads finished in. A file holding points of another sweep (other model, image count,
 * BatchNorm mode, ...) is an error, never mixed in.
 */
/** The compiled worker script (absent when running from the TypeScript sources). */
const WORKER_URL = new URL('./worker.js', import.meta.url);

export interface SweepOptions {
  readonly threads?: number;
  /** Called with the points done (including those found in the file) and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SweepResult {
  readonly records: readonly SweepRecord[];
  /** Points found already done in the file. */
  readonly resumed: number;
  readonly computed: number;
}

export async function runSweep(
  spec: SweepSpec,
  out: string,
  options: SweepOptions = {},
): Promise<SweepResult> {
  // Check the inputs every point reads before the results file is touched: a bad checkpoint or
  // table must leave no file behind.
  loadCheckpoint(spec.model);
  for (const table of spec.tables) loadTable(table);
  const points = sweepPoints(spec);
  const settings = JSON.stringify(sweepSettings(spec));
  const done = new Map<number, SweepRecord>();
  const key = (p: Pick<SweepRecord, 'bits' | 'accBits' | 'adder' | 'absdiff' | 'table'>) =>
    JSON.stringify([p.bits, p.accBits, p.adder, p.absdiff, p.table]);
  const byKey = new Map(points.map((p) => [key(p), p]));
  for (const record of readRecords(out)) {
    const point = byKey.get(key(record));
    if (JSON.stringify(record.settings) !== settings || !point) {
      throw new InputError(
        `--out ${out} must hold points of this sweep or none, not ${point ? `points with other settings (${JSON.stringify(record.settings)})` : `the point ${key(record)}`}`,
      );
    }
    done.set(point.index, { ...record, index: point.index });
  }
  // Start from a file of whole lines of this sweep only (drops a torn last line).
  writeFileAtomic(out, [...done.values()].map(line).join(''));
  const resumed = done.size;
  options.onProgress?.(done.size, points.length);
  const todo = points.filter((p) => !done.has(p.index));
  const jobs: PointJob[] = todo.map((point) => ({ spec, point }));
  const threads = options.threads ?? availableParallelism();
  await runPool<PointJob, SweepRecord>(WORKER_URL, jobs, threads, computePoint, (record) => {
    appendFileSync(out, line(record));
    done.set(record.index, record);
    options.onProgress?.(done.size, points.length);
  });
  const records = [...done.values()].sort((a, b) => a.index - b.index);
  writeFileAtomic(out, records.map(line).join(''));
  return { records, resumed, computed: todo.length };
}

function line(record: SweepRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/** The complete JSON lines of a results file (a missing file holds none). */
export function readRecords(path: string): SweepRecord[] {
  if (!existsSync(path)) return [];
  const records: SweepRecord[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      // Only the last line can be torn by an interruption; anything else is not our file.
      if (i < lines.length - 1 && lines.slice(i + 1).some((l) => l.trim() !== '')) {
        throw new InputError(
          `--out ${path}: line ${i + 1} must be a JSON sweep record, not ${JSON.stringify(text.slice(0, 40))}`,
        );
      }
      return;
    }
    // Parsed but not a record (`null`, a number, a list): not a torn line, not our file.
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new InputError(
        `--out ${path}: line ${i + 1}: not a sweep record (expected a JSON object, found ${JSON.stringify(text.slice(0, 40))})`,
      );
    }
    records.push(record as SweepRecord);
  });
  return records;
}
