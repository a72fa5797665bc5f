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
