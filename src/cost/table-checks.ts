import { show } from '../errors.js';
import { CELL_ARITY, CELL_KINDS } from '../ir/gates.js';
import type { CostTable } from './table-types.js';

/**
 * Checks a schema-valid table for what a JSON Schema cannot say: each op or cell priced once,
 * rows that reference other rows, per-output arrays matching the cell's outputs. Returns the
 * first problem as "<pointer> must be ..., not ..." or undefined.
 */
export function firstTableProblem(table: CostTable): string | undefined {
  switch (table.kind) {
    case 'asic-op':
      return checkAsicOp(table);
    case 'asic-cell':
      return checkCells(table);
    case 'fpga':
      return firstDuplicate(
        table.ops.map((r) => r.op),
        (i) => `/ops/${i}/op`,
        'op',
      );
    case 'cpu':
      return checkCpu(table);
  }
}

function firstDuplicate(
  names: readonly string[],
  pointer: (i: number) => string,
  what: string,
): string | undefined {
  const seen = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    if (seen.has(names[i])) {
      return `${pointer(i)} must name each ${what} once, not ${show(names[i])} a second time`;
    }
    seen.add(names[i]);
  }
  return undefined;
}

function checkAsicOp(table: Extract<CostTable, { kind: 'asic-op' }>): string | undefined {
  const dup = firstDuplicate(
    table.ops.map((r) => r.op),
    (i) => `/ops/${i}/op`,
    'op',
  );
  if (dup) return dup;
  for (let i = 0; i < table.ops.length; i++) {
    const row = table.ops[i];
    const at = `/ops/${i}`;
    const priced = row.points !== undefined || row.scaling !== undefined;
    if (row.derivedFrom && priced) {
      return `${at} must have either points and scaling or derivedFrom, not both`;
    }
    if (!row.derivedFrom && (row.points === undefined || row.scaling === undefined)) {
      return `${at} must have points and scaling (or derivedFrom), not ${row.points === undefined ? 'no points' : 'no scaling'}`;
    }
    if (row.derivedFrom) {
      const base = table.ops.find((r) => r.op === row.derivedFrom?.op);
      if (!base?.points) {
        return `${at}/derivedFrom/op must name a row of this table that has points, not ${show(row.derivedFrom.op)}`;
      }
      if (!row.derivation) return `${at}/derivation must be a non-empty string, not nothing`;
    }
    const scaling = row.scaling;
    if (
      scaling?.rule === 'polynomial' &&
      (scaling.ab === undefined || scaling.meanWidth === undefined)
    ) {
      return `${at}/scaling must give ab and meanWidth for the polynomial rule, not ${show(scaling)}`;
    }
    const points = row.points ?? [];
    const widths = points.map((pt) => `${pt.bits}x${pt.bitsB ?? pt.bits}`);
    const dupPoint = firstDuplicate(widths, (p) => `${at}/points/${p}`, `${row.op} width`);
    if (dupPoint) return dupPoint;
    for (let p = 0; p < points.length; p++) {
      if (points[p].bitsB !== undefined && row.op !== 'mul') {
        return `${at}/points/${p}/bitsB must only be given for mul, not for ${row.op}`;
      }
    }
  }
  return undefined;
}

function checkCells(table: Extract<CostTable, { kind: 'asic-cell' }>): string | undefined {
  const dup = firstDuplicate(
    table.cells.map((c) => c.kind),
    (i) => `/cells/${i}/kind`,
    'cell kind',
  );
  if (dup) return dup;
  const missing = CELL_KINDS.filter((k) => !table.cells.some((c) => c.kind === k));
  if (missing.length > 0) {
    return `/cells must price every cell kind (${CELL_KINDS.join(', ')}), not leave out ${missing.join(', ')}`;
  }
  for (let i = 0; i < table.cells.length; i++) {
    const cell = table.cells[i];
    const outputs = CELL_ARITY[cell.kind].outputs;
    for (const field of ['outputSwitchingEnergyPj', 'outputDelayPs'] as const) {
      const values = cell[field];
      if (values && values.length !== outputs) {
        return `/cells/${i}/${field} must have ${outputs} entries (one per output of ${cell.kind}), not ${values.length}`;
      }
    }
  }
  return undefined;
}

function checkCpu(table: Extract<CostTable, { kind: 'cpu' }>): string | undefined {
  const dup = firstDuplicate(
    table.instructions.map((x) => x.name),
    (i) => `/instructions/${i}/name`,
    'instruction',
  );
  if (dup) return dup;
  const names = table.instructions.map((x) => x.name);
  for (let s = 0; s < table.tapSequences.length; s++) {
    const seq = table.tapSequences[s];
    for (let k = 0; k < seq.instructions.length; k++) {
      if (!names.includes(seq.instructions[k].name)) {
        return `/tapSequences/${s}/instructions/${k}/name must be one of the table's instructions (${names.join(', ')}), not ${show(seq.instructions[k].name)}`;
      }
    }
  }
  return undefined;
}

/** Deepest nesting a table has (its schema needs 5 levels). */
const MAX_DEPTH = 32;
/**
 * Largest magnitude of any number in a table. Far above any physical price (pJ, um2, ps, LUT
 * counts), and small enough that a price times any operation count of a network and every
 * scaling factor stays finite.
 */
const MAX_MAGNITUDE = 1e15;

/**
 * Checks parsed JSON before the schema walks it: no nesting deeper than a table can be (the
 * schema check and error messages recurse) and no number so large that scaling it overflows.
 * Iterative, so a 100,000-deep array is refused rather than overflowing the stack.
 */
export function firstValueProblem(data: unknown): string | undefined {
  const stack: { value: unknown; pointer: string; depth: number }[] = [
    { value: data, pointer: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, pointer, depth } = stack.pop()!;
    if (typeof value === 'number' && !(Math.abs(value) <= MAX_MAGNITUDE)) {
      return `${pointer || '/'}: number out of range (expected at most ${MAX_MAGNITUDE} in magnitude, found ${value})`;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) {
      return `${pointer || '/'}: nested too deeply (expected at most ${MAX_DEPTH} levels, found more)`;
    }
    const entries = Array.isArray(value) ? value.map((v, i) => [`${i}`, v]) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, v] = entries[i];
      stack.push({ value: v, pointer: `${pointer}/${key}`, depth: depth + 1 });
    }
  }
  return undefined;
}
