import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import type { ApproxAdderFn } from './types.js';

/**
 * Almost-correct adder, ACA(w) (Verma, Brisk, Ienne, DATE 2008), the speculative carry-cut
 * adder that GeAr (Shafique et al., DAC 2015) generalises: ACA(w) is GeAr with R = 1 result bit
 * and P = w − 1 prediction bits per sub-adder. Sum bit i (and the carry-out, as bit n) sees
 * only the w bits i − w + 1 .. i: its carry-in is computed from the w − 1 bits below it as if
 * no carry entered bit i − w + 1. Exact whenever no carry chain is longer than w − 1 bits;
 * w ≥ n + 1 would be exact, w = 1 is a bitwise xor with cout 0.
 * As gates: p_i = a_i ⊕ b_i, g_i = a_i·b_i (w ≥ 2), and for bit i ≥ 1 the chain
 * c = g_s, then c = g_j + p_j·c for j = s+1 .. i−1 (s = max(0, i − w + 1)); s_i = p_i ⊕ c.
 * Chains are not shared between bits: the speculation is what makes each one short.
 * Cost (w ≥ 2): n xor (p) + n and (g) + (n − 1) xor (sums) + Σ_(i=1..n) 2·(min(i, w − 1) − 1)
 * and/or cells; w = 1: n xor. Depth: about 2(w − 1) + 2 gate levels, independent of n.
 */
export const almostCorrect: ApproxAdderFn = (b: NetlistBuilder, x: Bus, y: Bus, w: number) => {
  const n = x.length;
  const p = Array.from({ length: n }, (_, i) => b.xor(x[i], y[i]));
  if (w === 1) return { sum: p, cout: b.zero };
  const g = Array.from({ length: n }, (_, i) => b.and(x[i], y[i]));
  const carryInto = (i: number): Net => {
    const start = Math.max(0, i - w + 1);
    let c = g[start];
    for (let j = start + 1; j < i; j++) c = b.or(g[j], b.and(p[j], c));
    return c;
  };
  const sum = p.map((pi, i) => (i === 0 ? pi : b.xor(pi, carryInto(i))));
  return { sum, cout: carryInto(n) };
};
