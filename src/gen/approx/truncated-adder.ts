import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus } from '../../ir/netlist.js';
import { rippleCarry } from '../adders/ripple-carry.js';
import type { ApproxAdderFn } from './types.js';

/**
 * Truncated adder, trunc(k): the k low sum bits are the constant 0 and the carries they would
 * have produced are dropped; the n − k high bits are an exact ripple-carry adder of the high
 * operand bits with carry-in 0. So the result is ⌊a / 2^k⌋·2^k + ⌊b / 2^k⌋·2^k: always at or
 * below the true sum, by less than 2^(k+1). k = 0 is the exact ripple-carry adder.
 * Cost: (n − k) fa, nothing for the low bits; depth: the ripple chain of n − k full adders.
 */
export const truncatedAdder: ApproxAdderFn = (b: NetlistBuilder, x: Bus, y: Bus, k: number) => {
  const high = rippleCarry(b, x.slice(k), y.slice(k), b.zero);
  return { sum: [...Array.from({ length: k }, () => b.zero), ...high.sum], cout: high.cout };
};
