import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import { rippleCarry } from '../adders/ripple-carry.js';
import type { ApproxAdderFn } from './types.js';

/**
 * Error-tolerant adder type I, ETA-I(k) (Zhu, Goh, Yeo, IEEE TVLSI 2010; ISIC 2009). The high
 * n − k bits are an exact ripple-carry adder with carry-in 0 (no carry crosses the split); the
 * k low bits are "added" without carries from their most significant bit down: each bit is
 * a_i XOR b_i until the first bit where a_i = b_i = 1, and that bit and every bit below it are 1.
 * As gates: g_i = a_i·b_i, F_(k−1) = g_(k−1), F_i = g_i + F_(i+1) (the "a 1+1 at or above
 * bit i" flag), s_i = (a_i ⊕ b_i) + F_i.
 * Cost: k xor + k and + (2k − 1) or for the low part (k ≥ 1), (n − k) fa for the high part;
 * depth: the flag chain of k − 1 or gates, the ripple chain on the high bits.
 */
export const errorTolerantI: ApproxAdderFn = (b: NetlistBuilder, x: Bus, y: Bus, k: number) => {
  const low: Net[] = new Array<Net>(k);
  let flag: Net | undefined;
  for (let i = k - 1; i >= 0; i--) {
    const generate = b.and(x[i], y[i]);
    flag = flag === undefined ? generate : b.or(generate, flag);
    low[i] = b.or(b.xor(x[i], y[i]), flag);
  }
  const high = rippleCarry(b, x.slice(k), y.slice(k), b.zero);
  return { sum: [...low, ...high.sum], cout: high.cout };
};
