import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import type { AdderFn } from './types.js';

/**
 * Three-operand adder: one carry-save (3:2) row of full adders, then a carry-propagate adder of
 * any architecture on the sum and carry vectors.
 *
 * Unsigned, n-bit operands: n fa give s_i and c_(i+1); result bit 0 is s_0, and the final adder
 * adds [s_1 … s_(n−1), 0] + [c_1 … c_n] (n bits); its carry-out is bit n+1. Result: n + 2 bits,
 * the exact x + y + z. Cost: n fa + one n-bit final adder.
 * Signed: the operands are sign-extended to n + 2 bits first (x + y + z of n-bit signed values
 * fits n + 2 bits), then n + 2 fa and an (n + 1)-bit final adder whose carry-out is dropped.
 * Depth: one fa + the final adder's depth, whatever n: the point of carry-save.
 */
export function carrySaveAdd3(
  b: NetlistBuilder,
  x: Bus,
  y: Bus,
  z: Bus,
  options: { final: AdderFn; signed: boolean },
): Net[] {
  if (x.length !== y.length || x.length !== z.length)
    throw new Error(`add3 operands differ in width: ${x.length}, ${y.length}, ${z.length}`);
  const n = x.length;
  if (n === 0) return [b.zero, b.zero];
  if (!options.signed) {
    const { s, c } = csaRow(b, x, y, z);
    const final = options.final(b, [...s.slice(1), b.zero], c.slice(0, n));
    return [s[0], ...final.sum, final.cout];
  }
  const m = n + 2;
  const ext = (v: Bus) => [...v, ...Array.from({ length: m - n }, () => v[n - 1])];
  const { s, c } = csaRow(b, ext(x), ext(y), ext(z));
  const final = options.final(b, s.slice(1), c.slice(0, m - 1));
  return [s[0], ...final.sum];
}

/** One row of full adders: s_i = x⊕y⊕z at bit i, c[i] = majority, of weight 2^(i+1). */
function csaRow(b: NetlistBuilder, x: Bus, y: Bus, z: Bus): { s: Net[]; c: Net[] } {
  const s: Net[] = [];
  const c: Net[] = [];
  for (let i = 0; i < x.length; i++) {
    const [si, ci] = b.fa(x[i], y[i], z[i]);
    s.push(si);
    c.push(ci);
  }
  return { s, c };
}
