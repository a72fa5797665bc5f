import { blockRanges, rippleChain, rippleChainConst } from './ripple-blocks.js';
import { checkSameWidth } from './trees.js';
import type { AdderFn } from './types.js';

/**
 * Carry-select adder, uniform blocks of k = ⌈√n⌉ bits. The first block ripples from the
 * carry-in; every other block of m bits computes its sum twice, for carry-in 0 and 1
 * (`rippleChainConst`: each 1 ha or xnor+or, then m − 1 fa), and m + 1 mux2 pick the sum bits
 * and the block carry with the real incoming carry.
 * Cost: k fa + per later block (2(m − 1) fa + ha + xnor + or + (m + 1) mux2).
 * Depth: one block ripple (k fa stages) + one mux per later block, about 2√n.
 */
export const carrySelect: AdderFn = (b, x, y, cin = b.zero) => {
  checkSameWidth(x, y);
  const n = x.length;
  const k = Math.ceil(Math.sqrt(n));
  const sum: number[] = [];
  let carry = cin;
  blockRanges(n, () => k).forEach(([lo, hi], index) => {
    const xs = x.slice(lo, hi);
    const ys = y.slice(lo, hi);
    if (index === 0) {
      const r = rippleChain(b, xs, ys, carry);
      sum.push(...r.sum);
      carry = r.cout;
      return;
    }
    const r0 = rippleChainConst(b, xs, ys, 0);
    const r1 = rippleChainConst(b, xs, ys, 1);
    const sel = carry;
    r0.sum.forEach((s0, i) => {
      sum.push(b.mux(sel, s0, r1.sum[i]));
    });
    carry = b.mux(sel, r0.cout, r1.cout);
  });
  return { sum, cout: carry };
};
