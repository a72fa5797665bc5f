import type { NetlistBuilder } from '../../ir/builder.js';
import { type Bus, NET_ZERO, type Net } from '../../ir/netlist.js';
import { foldFullAdd } from '../multipliers/folding.js';

/** Bits of the count of n ones: ⌈log2(n + 1)⌉ (0 for n = 0). */
export function countWidth(n: number): number {
  return n === 0 ? 0 : Math.floor(Math.log2(n)) + 1;
}

/**
 * Population count as a tree of ripple-carry adders in which every adder's carry-in is one of
 * the input bits: with k = ⌈log2(n + 1)⌉ result bits, the first 2^(k−1) − 1 bits and the next
 * n − 2^(k−1) bits are counted recursively (each in at most k − 1 bits) and added by a
 * (k − 1)-bit ripple adder whose carry-in is the last bit. Positions where the smaller count is
 * shorter get a half adder instead of a full adder.
 *
 * Cost: exactly n − k full adders, because each full adder turns three bits into two, a half
 * adder two into two, and n input bits end as k result bits; no other cells. n = 2^k − 1 is the
 * perfect case (n − k fa, no ha: 7 bits → 4 fa, 63 → 57 fa); n = 2^k costs one incrementer
 * more (n − k − 1 fa + k ha: 8 bits → 4 fa + 3 ha). Depth: O(log n), because the ripple
 * adders of successive levels overlap (a level's low bits are ready first and its carry chain
 * runs alongside the next level's): 4k − 5 gate levels for n = 2^k − 1, k ≥ 2, with a full
 * adder's sum 2 levels and carry 3 deep (63 bits: 19 levels). Ripple adders are right here:
 * each is at most log2 n bits wide, so a faster adder would only add cells.
 */
export function popcount(b: NetlistBuilder, bits: Bus): Net[] {
  const n = bits.length;
  if (n <= 1) return [...bits];
  const k = countWidth(n);
  const half = 2 ** (k - 1) - 1;
  const left = popcount(b, bits.slice(0, half));
  const right = popcount(b, bits.slice(half, n - 1));
  const sum: Net[] = [];
  let carry = bits[n - 1];
  for (let i = 0; i < k - 1; i++) {
    const [s, c] = foldFullAdd(b, left[i], right[i] ?? NET_ZERO, carry);
    sum.push(s);
    carry = c;
  }
  return [...sum, carry];
}

/**
 * XNOR-popcount, the BNN dot product's core: the number of lanes where x and w agree,
 * popcount(¬(x ⊕ w)). With ±1 values encoded as bits (1 → +1, 0 → −1) the dot product is
 * 2·count − n. Cost: n xnor cells + `popcount` of n bits.
 */
export function xnorPopcount(b: NetlistBuilder, x: Bus, w: Bus): Net[] {
  if (x.length !== w.length)
    throw new Error(`xnor-popcount operands differ in width: ${x.length} vs ${w.length}`);
  return popcount(
    b,
    x.map((xi, i) => b.xnor(xi, w[i])),
  );
}
