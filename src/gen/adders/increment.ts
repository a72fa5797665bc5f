import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import { sklansky } from './prefix-networks.js';

/**
 * Incrementer x + inc (inc one bit): the carry into bit i is inc·x_0·…·x_(i−1), a prefix AND
 * over the n + 1 positions (inc, x_0, …, x_(n−1)) built on the Sklansky network (depth
 * ⌈log2(n+1)⌉ and gates), then sum_i = x_i ⊕ carry_i. Cost for n + 1 = 2^k:
 * ((n+1)/2)·log2(n+1) and + n xor. Used where a full adder would waste its second operand on
 * constants: conditional negation in |a−b|, negation.
 */
export function increment(b: NetlistBuilder, x: Bus, inc: Net): { sum: Net[]; cout: Net } {
  const n = x.length;
  const prefix: Net[] = [inc, ...x];
  for (const level of sklansky(n + 1)) {
    const before = prefix.slice();
    for (const [hi, lo] of level) prefix[hi] = b.and(before[hi], before[lo]);
  }
  return { sum: x.map((bit, i) => b.xor(bit, prefix[i])), cout: prefix[n] };
}
