import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { loadTable } from '../cost/tables.js';
import { InputError } from '../errors.js';
import { formatDuration, formatSig } from '../format.js';
import { checkOutputFile, writeFileAtomic } from '../fsutil.js';
import { loadCheckpoint } from '../nn/checkpoint.js';
import { runPool } from '../parallel/pool.js';
import { gateSeconds } from '../pipeline/gate-time.js';
import { computePoint, PointComputer, type PointJob } from './point.js';
import {
  pointKey,
  type SweepPoint,
  type SweepRecord,
  type SweepSpec,
  sweepPoints,
  sweepSettings,
} from './spec.js';

/**
 * A resumable sweep. Every finished point is appended to `out` as one JSON line the moment it
 * completes, so an interrupted run loses at most the points in flight; a rerun reads the file,
 * keeps the complete lines of this sweep (a torn last line is dropped), and computes only the
 * missing points. The file starts with a header line naming the sweep and its shared settings; a
 * file without it is not ours and is refused, never overwritten. When every point is done the
 * file is rewritten atomically (header, then points in point order), so
 * the final file is byte-identical whether or not the run was interrupted, and whatever order the
 * worker threads finished in. A file holding points of another sweep (other model, image count,
 * BatchNorm mode, ...) is an error, never mixed in.
 */
/** The compiled worker script (absent when running from the TypeScript sources). */
const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * Computes the given points (those not yet in the results file), handing each record to
 * `onRecord` as it completes, in any order. The default runs them on worker threads here; a
 * queue coordinator hands them to workers elsewhere.
 */
export type PointExecutor = (
  points: readonly SweepPoint[],
  onRecord: (record: SweepRecord) => void,
) => Promise<void>;

export interface SweepOptions {
  /** Worker threads of the default executor. */
  readonly threads?: number;
  readonly compute?: PointExecutor;
  /**
   * Refuse, before any point runs, a sweep whose gate-level runs (the points left on cell
   * tables) are estimated to take longer on this machine's threads (seconds); default no limit.
   * (Slot circuits are checked against the network before any point runs either way.)
   */
  readonly maxSeconds?: number;
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
  // The results path is checked first (a link, device, FIFO or folder is refused unread), then
  // the inputs every point reads: a bad checkpoint or table must leave no file behind.
  checkOutputFile('--out', out);
  loadCheckpoint(spec.model);
  for (const table of spec.tables) loadTable(table);
  const points = sweepPoints(spec);
  const settings = JSON.stringify(sweepSettings(spec));
  const header = sweepHeader(spec);
  const done = new Map<number, SweepRecord>();
  const byKey = new Map(points.map((p) => [pointKey(p), p]));
  const file = readSweepFile(out);
  if (file.header !== null && file.header !== header) {
    throw new InputError(
      `--out ${out} must hold points of this sweep or none, not points with other settings (${settingsOf(file.header)})`,
    );
  }
  for (const record of file.records) {
    const point = byKey.get(pointKey(record));
    if (JSON.stringify(record.settings) !== settings || !point) {
      throw new InputError(
        `--out ${out} must hold points of this sweep or none, not ${point ? `points with other settings (${JSON.stringify(record.settings)})` : `the point ${pointKey(record)}`}`,
      );
    }
    done.set(point.index, { ...record, index: point.index });
  }
  const todo = points.filter((p) => !done.has(p.index));
  if (options.compute === undefined)
    checkPoints(spec, todo, options.threads ?? availableParallelism(), options.maxSeconds);
  // Start from the header and the whole lines of this sweep only (drops a torn last line).
  const write = () =>
    writeFileAtomic(
      out,
      header +
        [...done.values()]
          .sort((a, b) => a.index - b.index)
          .map(line)
          .join(''),
      '--out',
    );
  write();
  const resumed = done.size;
  options.onProgress?.(done.size, points.length);
  const onRecord = (record: SweepRecord) => {
    // A record arriving twice (a queue job taken over after its worker went silent) is kept once.
    if (done.has(record.index)) return;
    appendFileSync(out, line(record));
    done.set(record.index, record);
    options.onProgress?.(done.size, points.length);
  };
  const compute =
    options.compute ?? ((todo, emit) => computeOnThreads(spec, todo, options.threads, emit));
  await compute(todo, onRecord);
  write();
  const records = [...done.values()].sort((a, b) => a.index - b.index);
  return { records, resumed, computed: todo.length };
}

/**
 * Before any point runs (and before the results file is written): the points' slot circuits
 * against the network, and the gate-level runs they need against `maxSeconds` — the estimate
 * of pipeline/gate-time.ts summed over the distinct runs, over the threads. Sweeps with neither
 * circuits nor cell tables have nothing to check (and skip preparing the network here).
 */
function checkPoints(
  spec: SweepSpec,
  todo: readonly SweepPoint[],
  threads: number,
  maxSeconds: number | undefined,
): void {
  const circuits = todo.some(
    (p) => p.sub !== undefined || p.acc !== undefined || p.mul !== undefined,
  );
  const cells =
    maxSeconds !== undefined && spec.tables.some((t) => loadTable(t).kind === 'asic-cell');
  if (!circuits && !cells) return;
  const computer = new PointComputer(spec);
  const runs = new Map<string, number>();
  for (const point of todo) {
    const work = computer.check(point);
    if (work !== null) runs.set(work.key, work.netLanes);
  }
  if (maxSeconds === undefined) return;
  const lanes = [...runs.values()].reduce((a, b) => a + b, 0);
  const used = Math.max(1, Math.min(threads, runs.size));
  const seconds = gateSeconds(lanes, used);
  if (seconds <= maxSeconds) return;
  throw new InputError(
    `--gate-images ${Math.min(spec.gateImages, spec.limit)} over ${runs.size} gate-level runs of ${spec.model} (${formatSig(lanes)} net evaluations) takes about ${formatDuration(seconds)} on ${used} thread${used === 1 ? '' : 's'}, over the --max-seconds limit of ${maxSeconds} s; give fewer --gate-images or points, or raise --max-seconds`,
  );
}

/** The default executor: the points on worker threads of this machine. */
function computeOnThreads(
  spec: SweepSpec,
  todo: readonly SweepPoint[],
  threads: number | undefined,
  onRecord: (record: SweepRecord) => void,
): Promise<void> {
  const jobs: PointJob[] = todo.map((point) => ({ spec, point }));
  return runPool<PointJob, SweepRecord>(
    WORKER_URL,
    jobs,
    threads ?? availableParallelism(),
    computePoint,
    onRecord,
  );
}

/** The settings a header names, as records carry them (without the `addersim` kind). */
function settingsOf(header: string): string {
  const { addersim: _kind, ...settings } = JSON.parse(header) as Record<string, unknown>;
  return JSON.stringify(settings);
}

function line(record: SweepRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/**
 * The first line of a results file: what makes it recognisably a sweep's, with the settings
 * every point shares, so that a rerun resumes only the same sweep and never a foreign file.
 */
function sweepHeader(spec: SweepSpec): string {
  return `${JSON.stringify({ addersim: 'sweep', ...sweepSettings(spec) })}\n`;
}

interface SweepFile {
  /** The header line (with its newline), or null for a missing or empty file. */
  readonly header: string | null;
  readonly records: SweepRecord[];
}

/**
 * Reads a results file: its header and its complete records (a torn last line is dropped). A
 * file that does not start with a sweep header is not ours: refused, never overwritten.
 */
function readSweepFile(path: string): SweepFile {
  checkOutputFile('--out', path);
  if (!existsSync(path)) return { header: null, records: [] };
  const text = readFileSync(path, 'utf8');
  if (text === '') return { header: null, records: [] };
  const lines = text.split('\n');
  let head: unknown;
  try {
    head = JSON.parse(lines[0]);
  } catch {
    head = undefined;
  }
  const isHeader = isObject(head) && head.addersim === 'sweep';
  // Files of earlier versions have no header; their first line is already a record (its
  // settings are checked like every record's), and the rewrite adds the header.
  const isRecord = isObject(head) && isObject(head.settings) && typeof head.index === 'number';
  if (!isHeader && !isRecord) {
    throw new InputError(
      `--out ${path} must be a results file of addersim sweep (its first line a sweep header) or a new path, not a file starting ${JSON.stringify(lines[0].slice(0, 40))}`,
    );
  }
  const records: SweepRecord[] = [];
  for (let i = isHeader ? 1 : 0; i < lines.length; i++) {
    const text = lines[i];
    if (text.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      // Only the last line can be torn by an interruption; anything else is not our file.
      if (lines.slice(i + 1).every((l) => l.trim() === '')) continue;
      record = undefined;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new InputError(
        `--out ${path}: line ${i + 1} must be a JSON sweep record, not ${JSON.stringify(text.slice(0, 40))}`,
      );
    }
    records.push(record as SweepRecord);
  }
  return { header: isHeader ? `${JSON.stringify(head)}\n` : null, records };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The complete records of a results file (a missing file holds none). */
export function readRecords(path: string): SweepRecord[] {
  return readSweepFile(path).records;
}
