import { blockRanges, rippleChain } from './ripple-blocks.js';
import { checkSameWidth, gateTree } from './trees.js';
import type { AdderFn } from './types.js';

/**
 * Carry-skip (carry-bypass) adder, uniform blocks of k = ⌈√(n/2)⌉ bits (the size that
 * minimises the skip path for equal blocks). Each block ripples from its incoming carry; its
 * block propagate P = p_0·…·p_(m−1) (m xor + m − 1 and) selects the incoming carry in place of
 * the ripple carry-out (one mux2), so a carry that would run through the whole block skips it.
 * Cost per block of m bits: m fa + m xor + (m − 1) and + 1 mux2.
 * Note: the skip shortens the longest *sensitisable* path, not the longest structural one; the
 * topological depth that `netlistMetrics` reports still runs through every ripple chain
 * (a false path), so carry-skip shows no depth gain there, and timing tools that ignore false
 * paths would.
 */
export const carrySkip: AdderFn = (b, x, y, cin = b.zero) => {
  checkSameWidth(x, y);
  const n = x.length;
  const k = Math.max(1, Math.ceil(Math.sqrt(n / 2)));
  const sum: number[] = [];
  let carry = cin;
  for (const [lo, hi] of blockRanges(n, () => k)) {
    const xs = x.slice(lo, hi);
    const ys = y.slice(lo, hi);
    const r = rippleChain(b, xs, ys, carry);
    sum.push(...r.sum);
    const propagate = gateTree(
      b,
      'and',
      xs.map((xi, i) => b.xor(xi, ys[i])),
    );
    carry = b.mux(propagate, r.cout, carry);
  }
  return { sum, cout: carry };
};
