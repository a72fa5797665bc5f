import { tableNames } from '../cost/tables.js';
import { InputError, show } from '../errors.js';
import { ABSDIFF_VARIANTS } from '../gen/absdiff/index.js';
import { ADDER_ARCHS } from '../gen/adders/index.js';
import {
  ACC_OVERFLOW_MODES,
  BN_MODES,
  MAX_GROUPS,
  MAX_QUANT_BITS,
  MIN_QUANT_BITS,
} from '../quant/options.js';
import {
  pointKey,
  type SweepRecord,
  type SweepSpec,
  sweepPoints,
  sweepSettings,
} from '../sweep/spec.js';
import { isRelativeName } from './files.js';
import { JOB_KIND, jobId, type QueueJob, type TableRef } from './job.js';

/**
 * The schema a worker holds every job to before it reads a file or runs anything: anyone who can
 * write to the Redis can put data there, so a job is hostile until it passes. Exact key sets,
 * every number an integer in the range the CLI accepts, every name one addersim knows, the
 * point one of the spec's own points at its own index, file names relative and hashes
 * well-formed, and the job id the hash of the job's canonical form (a job cannot pose as
 * another). The first problem is the one-line reason the job fails with.
 */

/** A grid beyond this many points is refused (the sweep CLI never makes one). */
const MAX_POINTS = 100_000;

type Obj = Record<string, unknown>;

function fail(where: string, expected: string, found: unknown): never {
  throw new InputError(`job ${where} must be ${expected}, not ${show(found)}`);
}

function object(value: unknown, where: string, keys: readonly string[]): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(where, 'an object', value);
  }
  const o = value as Obj;
  const extra = Object.keys(o).filter((k) => !keys.includes(k));
  if (extra.length > 0) fail(where, `an object with only ${keys.join(', ')}`, extra.join(', '));
  for (const k of keys) if (!(k in o)) fail(`${where}.${k}`, 'present', undefined);
  return o;
}

function int(value: unknown, where: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(where, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

function text(value: unknown, where: string, max = 4096): string {
  if (typeof value !== 'string' || value === '' || value.length > max || value.includes('\0')) {
    fail(where, `a non-empty string of at most ${max} characters`, value);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, where: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    fail(where, `one of ${choices.join(', ')}`, value);
  }
  return value as T;
}

function list<T>(value: unknown, where: string, item: (v: unknown, at: string) => T): T[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 1000) {
    fail(where, 'a list of 1 to 1000 items', value);
  }
  return value.map((v, i) => item(v, `${where}[${i}]`));
}

function hash(value: unknown, where: string): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) {
    fail(where, 'a SHA-256 as 64 lowercase hex digits', value);
  }
  return value;
}

function relativeName(value: unknown, where: string): string {
  const file = text(value, where, 1024);
  if (!isRelativeName(file)) fail(where, 'a relative path without . or .. segments', file);
  return file;
}

const SPEC_KEYS = [
  'model',
  'bits',
  'accBits',
  'adders',
  'absdiffs',
  'tables',
  'limit',
  'bn',
  'overflow',
  'groups',
  'gateImages',
] as const;

function spec(value: unknown): SweepSpec {
  const s = object(value, 'spec', SPEC_KEYS);
  const checked: SweepSpec = {
    model: text(s.model, 'spec.model'),
    bits: list(s.bits, 'spec.bits', (v, at) => int(v, at, MIN_QUANT_BITS, MAX_QUANT_BITS)),
    accBits: list(s.accBits, 'spec.accBits', (v, at) => (v === null ? null : int(v, at, 1, 64))),
    adders: list(s.adders, 'spec.adders', (v, at) => oneOf(v, at, ADDER_ARCHS)),
    absdiffs: list(s.absdiffs, 'spec.absdiffs', (v, at) => oneOf(v, at, ABSDIFF_VARIANTS)),
    tables: list(s.tables, 'spec.tables', (v, at) => text(v, at)),
    limit: int(s.limit, 'spec.limit', 1, 10_000),
    bn: oneOf(s.bn, 'spec.bn', BN_MODES),
    overflow: oneOf(s.overflow, 'spec.overflow', ACC_OVERFLOW_MODES),
    groups: int(s.groups, 'spec.groups', 1, MAX_GROUPS),
    gateImages: int(s.gateImages, 'spec.gateImages', 1, 10_000),
  };
  const size = [checked.bits, checked.accBits, checked.adders, checked.absdiffs, checked.tables]
    .map((l) => l.length)
    .reduce((a, b) => a * b, 1);
  if (size > MAX_POINTS) fail('spec', `a grid of at most ${MAX_POINTS} points`, size);
  return checked;
}

function table(value: unknown, where: string, name: string): TableRef {
  const t = object(value, where, ['name', 'shipped', 'file', 'sha256']);
  if (t.name !== name) fail(`${where}.name`, show(name), t.name);
  if (t.shipped === true) {
    if (!tableNames().includes(name)) fail(`${where}.name`, 'a shipped table', name);
    if (t.file !== null) fail(`${where}.file`, 'null for a shipped table', t.file);
    return { name, shipped: true, file: null, sha256: hash(t.sha256, `${where}.sha256`) };
  }
  if (t.shipped !== false) fail(`${where}.shipped`, 'true or false', t.shipped);
  return {
    name,
    shipped: false,
    file: relativeName(t.file, `${where}.file`),
    sha256: hash(t.sha256, `${where}.sha256`),
  };
}

/** Checks a job's data against the schema and its id; returns it typed, or throws InputError. */
export function validateJob(data: unknown, id: unknown): QueueJob {
  const o = object(data, 'data', ['kind', 'version', 'spec', 'point', 'model', 'tables']);
  if (o.kind !== JOB_KIND) fail('kind', show(JOB_KIND), o.kind);
  const version = text(o.version, 'version', 64);
  const s = spec(o.spec);
  const p = object(o.point, 'point', ['index', 'bits', 'accBits', 'adder', 'absdiff', 'table']);
  const points = sweepPoints(s);
  const index = int(p.index, 'point.index', 0, points.length - 1);
  const point = points[index];
  if (pointKey(p as never) !== pointKey(point)) {
    fail('point', `point ${index} of its spec, ${pointKey(point)}`, pointKey(p as never));
  }
  const m = object(o.model, 'model', ['file', 'sha256']);
  const model = {
    file: relativeName(m.file, 'model.file'),
    sha256: hash(m.sha256, 'model.sha256'),
  };
  if (!Array.isArray(o.tables) || o.tables.length !== s.tables.length) {
    fail('tables', `a list of ${s.tables.length} table references (one per spec.tables)`, o.tables);
  }
  const tables = o.tables.map((t, i) => table(t, `tables[${i}]`, s.tables[i]));
  const job: QueueJob = { kind: JOB_KIND, version, spec: s, point, model, tables };
  const expected = jobId(job);
  if (id !== expected) fail('id', `the hash of its content, ${expected}`, id);
  return job;
}

const RECORD_NUMBERS = ['images', 'correct', 'accuracy', 'overflowEvents'] as const;
const RECORD_NULLABLE = ['energyPj', 'computePj', 'memoryPj', 'cycles', 'peAreaUm2'] as const;

/**
 * The coordinator's check of a result a worker left in Redis before it enters the results
 * file: a record of this very point with this sweep's settings, every number finite. Its
 * index is the job's (the record's position in the file).
 */
export function checkResult(value: unknown, job: QueueJob): SweepRecord {
  const where = `result of point ${pointKey(job.point)}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${where} must be a sweep record, not ${show(value)}`);
  }
  const r = value as Obj;
  const bad = (field: string) =>
    new InputError(`${where}: ${field} must match the job, not ${show(r[field])}`);
  if (r.index !== job.point.index) throw bad('index');
  if (JSON.stringify(r.settings) !== JSON.stringify(sweepSettings(job.spec))) throw bad('settings');
  if (pointKey(r as never) !== pointKey(job.point)) throw bad('bits');
  for (const k of RECORD_NUMBERS) {
    if (typeof r[k] !== 'number' || !Number.isFinite(r[k])) throw bad(k);
  }
  for (const k of RECORD_NULLABLE) {
    if (r[k] !== null && (typeof r[k] !== 'number' || !Number.isFinite(r[k]))) throw bad(k);
  }
  if (!Array.isArray(r.notPriced) || !r.notPriced.every((n) => typeof n === 'string')) {
    throw bad('notPriced');
  }
  return value as SweepRecord;
}
