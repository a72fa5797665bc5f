import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';

/**
 * Ripple pieces shared by the block adders (carry-select, carry-skip, carry-increment).
 */

/** A ripple chain of full adders from carry `cin`: m fa, depth m carry stages. */
export function rippleChain(
  b: NetlistBuilder,
  x: Bus,
  y: Bus,
  cin: Net,
): { sum: Net[]; cout: Net } {
  const sum: Net[] = [];
  let carry = cin;
  for (let i = 0; i < x.length; i++) {
    const [s, c] = b.fa(x[i], y[i], carry);
    sum.push(s);
    carry = c;
  }
  return { sum, cout: carry };
}

/**
 * A ripple chain for a known carry-in of 0 or 1, without wasting a full adder on a constant:
 * carry-in 0 starts with a half adder (sum x⊕y, carry x·y); carry-in 1 with xnor + or
 * (sum ¬(x⊕y), carry x+y). Then m − 1 fa.
 */
export function rippleChainConst(
  b: NetlistBuilder,
  x: Bus,
  y: Bus,
  carryIn: 0 | 1,
): { sum: Net[]; cout: Net } {
  if (x.length === 0) return { sum: [], cout: carryIn === 1 ? b.one : b.zero };
  const [s0, c0] = carryIn === 0 ? b.ha(x[0], y[0]) : [b.xnor(x[0], y[0]), b.or(x[0], y[0])];
  const rest = rippleChain(b, x.slice(1), y.slice(1), c0);
  return { sum: [s0, ...rest.sum], cout: rest.cout };
}

/** Splits n bits into blocks of the given sizes (the last block takes what is left). */
export function blockRanges(n: number, sizes: (index: number) => number): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (let k = 0; start < n; k++) {
    const end = Math.min(n, start + Math.max(1, sizes(k)));
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}
