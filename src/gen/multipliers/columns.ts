import { wrapBigInt } from '../../bits/raw.js';
import type { NetlistBuilder } from '../../ir/builder.js';
import { NET_ONE, NET_ZERO, type Net } from '../../ir/netlist.js';
import type { AdderFn } from '../adders/types.js';
import { foldFullAdd, foldHalfAdd } from './folding.js';

/**
 * Bit columns ("dot diagrams"): `columns[k]` holds the nets of weight 2^k still to be summed.
 * A multiplier's partial products are columns; a reduction tree compresses them
 * to two rows, and one carry-propagate adder merges the rows. Everything is modulo
 * 2^columns.length: bits and carries of higher weight are dropped, which is exact whenever the
 * true result fits (a full-width product always does).
 */
export type Columns = Net[][];

export const REDUCTIONS = ['wallace', 'dadda'] as const;
/** Column-compression schedule of a tree multiplier. */
export type Reduction = (typeof REDUCTIONS)[number];

export function emptyColumns(width: number): Columns {
  return Array.from({ length: width }, () => []);
}

/** Adds one bit of weight 2^weight; bits at or above the width and constant zeros are dropped. */
export function addBit(columns: Columns, weight: number, net: Net): void {
  if (weight < columns.length && net !== NET_ZERO) columns[weight].push(net);
}

/**
 * Adds a constant (taken modulo 2^width) as at most one constant-1 bit per column. Placed first
 * in its column so that the first compressor absorbs it (a full adder with a constant 1 input
 * folds to xnor + or).
 */
export function addConstant(columns: Columns, value: bigint): void {
  const v = wrapBigInt(value, columns.length, false);
  for (let k = 0; k < columns.length; k++) if ((v >> BigInt(k)) & 1n) columns[k].unshift(NET_ONE);
}

export function maxHeight(columns: Columns): number {
  return Math.max(0, ...columns.map((c) => c.length));
}

/**
 * Wallace reduction (Wallace 1964, as taken by Bickerstaff et al. 1993): every stage
 * compresses every column as much as it can — full adders on groups of three, a half adder on
 * a leftover pair, a single bit passes — until no column is taller than two. Compressing the
 * height-2 columns too is what keeps the stage count logarithmic: a column of 3 becomes 1 + an
 * incoming carry, a column of 2 becomes 1 + a carry, so no carry can push a finished column
 * back to 3 stage after stage. Stages: the steps h → ⌈2h/3⌉ from the initial height to 2
 * (about log₁.₅(h/2)), as Dadda, but with more adders, all started as early as possible.
 */
export function wallaceReduce(b: NetlistBuilder, columns: Columns): Columns {
  let cols = columns.map((c) => [...c]);
  while (maxHeight(cols) > 2) {
    const next = emptyColumns(cols.length);
    cols.forEach((bits, k) => {
      let i = 0;
      for (; i + 3 <= bits.length; i += 3) {
        const [s, c] = foldFullAdd(b, bits[i], bits[i + 1], bits[i + 2]);
        addBit(next, k, s);
        addBit(next, k + 1, c);
      }
      if (bits.length - i === 2) {
        const [s, c] = foldHalfAdd(b, bits[i], bits[i + 1]);
        addBit(next, k, s);
        addBit(next, k + 1, c);
      } else if (bits.length - i === 1) next[k].push(bits[i]);
    });
    cols = next;
  }
  return cols;
}

/** Dadda's stage heights 2, 3, 4, 6, 9, 13, 19, … (d₁ = 2, dⱼ₊₁ = ⌊1.5·dⱼ⌋), those below `height`. */
export function daddaTargets(height: number): number[] {
  const targets: number[] = [];
  for (let d = 2; d < height; d = Math.floor(1.5 * d)) targets.push(d);
  return targets.reverse();
}

/**
 * Dadda reduction: stage j brings every column to at most dⱼ bits (counting the carries it
 * receives in that stage) with as few adders as possible — a full adder where the column is
 * two or more over the target, a half adder where it is one over. Fewest adders of the classic
 * schedules, same number of stages as Wallace; n×n AND array: n² − 4n + 3 full adders and n − 1
 * half adders before the final adder (Dadda 1965; Townsend et al. 2003).
 */
export function daddaReduce(b: NetlistBuilder, columns: Columns): Columns {
  let cols = columns.map((c) => [...c]);
  for (const d of daddaTargets(maxHeight(cols))) {
    const next = emptyColumns(cols.length);
    cols.forEach((bits, k) => {
      let h = bits.length + next[k].length;
      let i = 0;
      while (h > d) {
        if (h - d >= 2 && i + 3 <= bits.length) {
          const [s, c] = foldFullAdd(b, bits[i], bits[i + 1], bits[i + 2]);
          i += 3;
          addBit(next, k, s);
          addBit(next, k + 1, c);
          h -= 2;
        } else if (i + 2 <= bits.length) {
          const [s, c] = foldHalfAdd(b, bits[i], bits[i + 1]);
          i += 2;
          addBit(next, k, s);
          addBit(next, k + 1, c);
          h -= 1;
        } else throw new Error(`dadda stage ${d}: column ${k} has too few bits to reduce`);
      }
      next[k].push(...bits.slice(i));
    });
    cols = next;
  }
  return cols;
}

export function reduceColumns(b: NetlistBuilder, columns: Columns, method: Reduction): Columns {
  return method === 'wallace' ? wallaceReduce(b, columns) : daddaReduce(b, columns);
}

/**
 * Merges columns of height ≤ 2 into one word with a carry-propagate adder. Columns below the
 * first one holding two bits need no adder (their bits are the result); the adder spans from
 * there to the highest non-empty column, and its carry-out becomes the next bit (dropped at the
 * top: the result is modulo 2^width). An n×n Dadda tree thus ends in the classic 2n − 2-bit adder.
 */
export function mergeRows(b: NetlistBuilder, columns: Columns, adder: AdderFn): Net[] {
  if (maxHeight(columns) > 2) throw new Error('mergeRows needs columns of height at most 2');
  const width = columns.length;
  const lo = columns.findIndex((c) => c.length === 2);
  if (lo < 0) return columns.map((c) => c[0] ?? NET_ZERO);
  let hi = width - 1;
  while (columns[hi].length === 0) hi--;
  const x = columns.slice(lo, hi + 1).map((c) => c[0] ?? NET_ZERO);
  const y = columns.slice(lo, hi + 1).map((c) => c[1] ?? NET_ZERO);
  const { sum, cout } = adder(b, x, y);
  const result = [...columns.slice(0, lo).map((c) => c[0] ?? NET_ZERO), ...sum, cout];
  while (result.length < width) result.push(NET_ZERO);
  return result.slice(0, width);
}
