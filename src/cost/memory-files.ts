import { existsSync, readFileSync, statSync } from 'node:fs';
import { InputError, show } from '../errors.js';
import { readInputFile } from '../fsutil.js';
import { fromRoot } from '../paths.js';

/**
 * The two data files behind memory pricing (cost-tables/memory/):
 *
 * | file                     | says                                                         |
 * |--------------------------|--------------------------------------------------------------|
 * | memory-45nm.json         | energy per 64-bit access: SRAM at published capacities, DRAM |
 * | accelerator-default.json | the buffers an accelerator has (KiB), and which memory table |
 *
 * Each is checked where it enters; a broken file is an InputError naming the file and field:
 * `accelerator.json: weightBufferKiB must be a finite number > 0, not -1`.
 */
export interface SramPoint {
  readonly capacityKiB: number;
  readonly energyPj: number;
  readonly source: string;
}

export interface MemoryTable {
  readonly name: string;
  readonly description: string;
  readonly sources: readonly string[];
  readonly accessBits: number;
  /** Ascending, distinct capacities. */
  readonly sram: readonly SramPoint[];
  readonly sramWriteFactor: number;
  readonly sramWriteDerivation: string;
  readonly dram: {
    readonly energyPj: number;
    readonly source: string;
    readonly writeFactor: number;
    readonly writeDerivation: string;
  };
}

export interface Accelerator {
  readonly name: string;
  readonly description: string;
  readonly reasoning: string;
  /** Name of the memory table in cost-tables/memory/. */
  readonly memory: string;
  readonly weightBufferKiB: number;
  readonly activationBufferKiB: number;
}

const DIR = 'cost-tables/memory';
export const DEFAULT_ACCELERATOR = 'accelerator-default';

/** The shipped default accelerator, or a description file by path (`flag` names it in errors). */
export function loadAccelerator(
  nameOrPath = DEFAULT_ACCELERATOR,
  flag = 'accelerator',
): Accelerator {
  const { data, file } = readJson(nameOrPath, flag);
  const a = object(data, file);
  for (const k of ['name', 'description', 'reasoning', 'memory'] as const) text(a, k, file);
  for (const k of ['weightBufferKiB', 'activationBufferKiB'] as const) positive(a, k, file);
  if (!/^[a-z0-9-]+$/.test(a.memory as string)) {
    throw new InputError(`${file}: memory must name a table in ${DIR}, not ${show(a.memory)}`);
  }
  return a as unknown as Accelerator;
}

/** A shipped memory table by name. */
export function loadMemoryTable(name: string): MemoryTable {
  const { data, file } = readJson(name, 'memory table');
  const t = object(data, file);
  for (const k of ['name', 'description', 'sramWriteDerivation'] as const) text(t, k, file);
  positive(t, 'accessBits', file);
  positive(t, 'sramWriteFactor', file);
  if (!Array.isArray(t.sources) || t.sources.length === 0) {
    throw new InputError(`${file}: sources must be a non-empty list, not ${show(t.sources)}`);
  }
  if (!Array.isArray(t.sram) || t.sram.length < 2) {
    throw new InputError(`${file}: sram must list at least two capacities, not ${show(t.sram)}`);
  }
  t.sram.forEach((p: unknown, i: number) => {
    const o = object(p, `${file}: sram[${i}]`);
    positive(o, 'capacityKiB', `${file}: sram[${i}]`);
    positive(o, 'energyPj', `${file}: sram[${i}]`);
    text(o, 'source', `${file}: sram[${i}]`);
    const prev = i > 0 ? (t.sram as SramPoint[])[i - 1] : undefined;
    if (prev && !((o.capacityKiB as number) > prev.capacityKiB)) {
      throw new InputError(
        `${file}: sram[${i}].capacityKiB must exceed the previous capacity ${prev.capacityKiB}, not ${show(o.capacityKiB)}`,
      );
    }
  });
  const d = object(t.dram, `${file}: dram`);
  positive(d, 'energyPj', `${file}: dram`);
  positive(d, 'writeFactor', `${file}: dram`);
  text(d, 'source', `${file}: dram`);
  text(d, 'writeDerivation', `${file}: dram`);
  return t as unknown as MemoryTable;
}

function readJson(nameOrPath: string, what: string): { data: unknown; file: string } {
  const shipped = `${DIR}/${nameOrPath}.json`;
  let file: string;
  let body: string;
  if (/^[a-z0-9-]+$/.test(nameOrPath) && existsSync(fromRoot(shipped))) {
    file = shipped;
    body = readFileSync(fromRoot(shipped), 'utf8');
  } else if (existsSync(nameOrPath) && statSync(nameOrPath).isFile()) {
    file = nameOrPath;
    body = readInputFile(nameOrPath, `${what} ${nameOrPath}`).toString('utf8');
  } else {
    throw new InputError(
      `${what} must be a file in ${DIR} by name or the path of a JSON file, not ${show(nameOrPath)}`,
    );
  }
  try {
    return { data: JSON.parse(body), file };
  } catch (err) {
    throw new InputError(
      `${file} must be valid JSON, not text that fails to parse (${(err as Error).message})`,
    );
  }
}

function object(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new InputError(`${where} must be a JSON object, not ${show(v)}`);
  }
  return v as Record<string, unknown>;
}

function text(o: Record<string, unknown>, key: string, where: string): void {
  if (typeof o[key] !== 'string' || (o[key] as string).length === 0) {
    throw new InputError(`${where}: ${key} must be a non-empty string, not ${show(o[key])}`);
  }
}

function positive(o: Record<string, unknown>, key: string, where: string): void {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new InputError(`${where}: ${key} must be a finite number > 0, not ${show(v)}`);
  }
}
