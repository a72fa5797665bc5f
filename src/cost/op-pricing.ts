import { InputError } from '../errors.js';
import { formatNumber } from './estimate.js';
import { type OpCount, opKey, type Primitive } from './ops.js';
import type { AsicOpTable, OpPoint, OpRow, OpScaling } from './table-types.js';

/**
 * Prices one operation of one width through an op-level ASIC table.
 *
 * Published points are used exactly at their widths. Any other width is scaled from the point
 * nearest in width, measured as a ratio (|ln(w / w_point)|, on a*b for two-operand multiplies),
 * ties going to the wider point, by the row's rule:
 *   linear      E(w) = E_p * w / w_p
 *   bilinear    E(a, b) = E_p * (a * b) / (a_p * b_p)
 *   polynomial  E(a, b) = E_p * P(a, b) / P(a_p, b_p),  P = ab*a*b + meanWidth*(a+b)/2 + constant
 *   none        published widths only
 * Derived rows price through their base row: `same` widths, `per-bit` (bits x the 1-bit price)
 * or `popcount-tree` ((bits - ones(bits)) x the 1-bit price), times a factor. Area, where the
 * point has one, scales by the same factor as energy. Every step is returned for provenance.
 */
export interface UnitPrice {
  readonly energyPj: number;
  readonly areaUm2?: number;
  readonly row: string;
  readonly source: string;
  readonly steps: readonly string[];
}

export function priceOp(
  table: AsicOpTable,
  op: OpCount | { op: Primitive; bits: number; bitsB?: number },
): UnitPrice {
  const index = table.ops.findIndex((r) => r.op === op.op);
  if (index < 0) {
    throw new InputError(
      `table ${table.name} cannot price ${opKey(op)}: it has no ${op.op} row (it prices ${table.ops.map((r) => r.op).join(', ')})`,
    );
  }
  if (op.op !== 'mul' && op.bitsB !== undefined && op.bitsB !== op.bits) {
    throw new InputError(`${opKey(op)} must have one width: only mul takes two, not ${op.op}`);
  }
  const row = table.ops[index];
  const derived = row.derivedFrom;
  if (!derived)
    return pricePoints(table, index, op.bits, op.op === 'mul' ? (op.bitsB ?? op.bits) : undefined);
  const baseIndex = table.ops.findIndex((r) => r.op === derived.op);
  const note = `${op.op} priced from the ${derived.op} row (${row.derivation})`;
  if (derived.widths === 'same') {
    const base = pricePoints(table, baseIndex, op.bits, undefined);
    return scaled(base, derived.factor, `/ops/${index}`, row, [note, `x ${derived.factor}`]);
  }
  const one = pricePoints(table, baseIndex, 1, undefined);
  const units = derived.widths === 'per-bit' ? op.bits : op.bits - ones(op.bits);
  const how =
    derived.widths === 'per-bit'
      ? `${op.bits} bits x the 1-bit ${derived.op}`
      : `${op.bits} - ones(${op.bits}) = ${units} one-bit ${derived.op} cells`;
  return scaled(one, units * derived.factor, `/ops/${index}`, row, [
    note,
    how,
    `x ${derived.factor}`,
  ]);
}

function scaled(
  base: UnitPrice,
  factor: number,
  row: string,
  derivedRow: OpRow,
  extra: string[],
): UnitPrice {
  return {
    energyPj: base.energyPj * factor,
    areaUm2: base.areaUm2 === undefined ? undefined : base.areaUm2 * factor,
    row,
    source: `${derivedRow.source ?? 'derived'}; base ${base.row}: ${base.source}`,
    steps: [...extra, ...base.steps],
  };
}

/** Set bits of n: ones(8) = 1, ones(7) = 3. */
export function ones(n: number): number {
  let count = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) count += x % 2;
  return count;
}

function pricePoints(
  table: AsicOpTable,
  index: number,
  bits: number,
  bitsB: number | undefined,
): UnitPrice {
  const row = table.ops[index];
  const points = row.points ?? [];
  const scaling = row.scaling as OpScaling;
  const b = bitsB ?? bits;
  const size = (p: { bits: number; bitsB?: number }) =>
    p.bits * (bitsB === undefined ? 1 : (p.bitsB ?? p.bits));
  const wanted = bits * (bitsB === undefined ? 1 : b);
  const exact = points.findIndex(
    (p) => p.bits === bits && (bitsB === undefined || (p.bitsB ?? p.bits) === b),
  );
  const widthText = bitsB === undefined ? `${bits}` : `${bits}x${b}`;
  if (exact >= 0) {
    const p = points[exact];
    return {
      energyPj: p.energyPj,
      areaUm2: p.areaUm2,
      row: `/ops/${index}/points/${exact}`,
      source: p.source,
      steps: [`published point at ${widthText} bits`],
    };
  }
  if (scaling.rule === 'none') {
    throw new InputError(
      `table ${table.name} cannot price ${row.op}:${widthText}: its ${row.op} row has published widths ${points.map(pointWidth).join(', ')} only`,
    );
  }
  let best = 0;
  for (let i = 1; i < points.length; i++) {
    const d = Math.abs(Math.log(wanted / size(points[i])));
    const dBest = Math.abs(Math.log(wanted / size(points[best])));
    if (d < dBest - 1e-12 || (Math.abs(d - dBest) <= 1e-12 && size(points[i]) > size(points[best])))
      best = i;
  }
  const p = points[best];
  const pb = p.bitsB ?? p.bits;
  let factor: number;
  let how: string;
  switch (scaling.rule) {
    case 'linear':
      factor = bits / p.bits;
      how = `linear in width from ${p.bits} to ${bits} bits: x ${formatNumber(factor)}`;
      break;
    case 'bilinear':
      factor = (bits * b) / (p.bits * pb);
      how = `linear in each operand width from ${p.bits}x${pb} to ${bits}x${b}: x ${formatNumber(factor)}`;
      break;
    case 'polynomial': {
      const poly = (x: number, y: number) =>
        (scaling.ab ?? 0) * x * y +
        ((scaling.meanWidth ?? 0) * (x + y)) / 2 +
        (scaling.constant ?? 0);
      factor = poly(bits, b) / poly(p.bits, pb);
      how = `polynomial ${scaling.ab}*a*b + ${scaling.meanWidth}*(a+b)/2 from ${p.bits}x${pb} to ${bits}x${b}: x ${formatNumber(factor)}`;
      break;
    }
  }
  // A polynomial whose value at the published point is 0 gives 0/0 or x/0: no price at all.
  if (!Number.isFinite(factor) || !(factor >= 0)) {
    throw new InputError(
      `table ${table.name}: /ops/${index}/scaling: cannot scale ${row.op} from ${pointWidth(p)} to ${widthText} bits (expected a finite factor >= 0, found ${factor})`,
    );
  }
  return {
    energyPj: p.energyPj * factor,
    areaUm2: p.areaUm2 === undefined ? undefined : p.areaUm2 * factor,
    row: `/ops/${index}/points/${best}`,
    source: `${p.source}; scaling: ${scaling.source}`,
    steps: [`nearest published point ${pointWidth(p)} bits`, how],
  };
}

function pointWidth(p: OpPoint): string {
  return p.bitsB !== undefined && p.bitsB !== p.bits ? `${p.bits}x${p.bitsB}` : `${p.bits}`;
}
