import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus } from '../../ir/netlist.js';
import { rippleCarry } from '../adders/ripple-carry.js';
import type { ApproxAdderFn } from './types.js';

/**
 * Lower-part-OR adder, LOA(k) (Mahdiani et al., IEEE TCAS-I 2010). The k low sum bits are
 * a_i OR b_i; the upper n − k bits are an exact ripple-carry adder whose carry-in is
 * a_(k−1) AND b_(k−1), the one carry the lower part predicts. k = 0 is the exact ripple-carry
 * adder; k = n leaves only cout = a_(n−1)·b_(n−1).
 * Cost: k or + (k ≥ 1 ? 1 : 0) and + (n − k) fa; depth: one or gate on the low bits, the
 * ripple chain of n − k full adders (after one and gate) on the high bits.
 */
export const lowerPartOr: ApproxAdderFn = (b: NetlistBuilder, x: Bus, y: Bus, k: number) => {
  const low = Array.from({ length: k }, (_, i) => b.or(x[i], y[i]));
  const carry = k === 0 ? b.zero : b.and(x[k - 1], y[k - 1]);
  const high = rippleCarry(b, x.slice(k), y.slice(k), carry);
  return { sum: [...low, ...high.sum], cout: high.cout };
};
