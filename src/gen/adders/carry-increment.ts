import { blockRanges, rippleChain, rippleChainConst } from './ripple-blocks.js';
import { checkSameWidth } from './trees.js';
import type { AdderFn } from './types.js';

/**
 * Carry-increment adder (Zimmermann's variable-block form): blocks of 1, 2, 3, … bits (the
 * last takes what is left). The first block ripples from the carry-in. Every later block of
 * m bits adds with carry-in 0 (ha + (m − 1) fa, giving s and c), then increments by the real
 * incoming carry c_in: sum_i = s_i ⊕ (c_in·t_i) with t_i = s_0·…·s_(i−1) (t_0 = 1, so bit 0
 * needs no and; the t_i form an and chain that does not wait for c_in), and
 * carry-out = c + c_in·t_m (c and t_m are never both 1).
 * Cost per later block: ha + (m − 1) fa + (2m − 1) and + m xor + 1 or.
 * Depth: the incoming carry crosses each block in two gates (and, or), and a block of m bits
 * has time for its own ripple while the carry arrives: about √(2n) stages overall.
 */
export const carryIncrement: AdderFn = (b, x, y, cin = b.zero) => {
  checkSameWidth(x, y);
  const n = x.length;
  const sum: number[] = [];
  let carry = cin;
  blockRanges(n, (k) => k + 1).forEach(([lo, hi], index) => {
    const xs = x.slice(lo, hi);
    const ys = y.slice(lo, hi);
    if (index === 0) {
      const r = rippleChain(b, xs, ys, carry);
      sum.push(...r.sum);
      carry = r.cout;
      return;
    }
    const r = rippleChainConst(b, xs, ys, 0);
    const cIn = carry;
    let prefix: number | undefined; // s_0·…·s_(i−1); undefined stands for the empty product 1
    for (const s of r.sum) {
      const inc = prefix === undefined ? cIn : b.and(cIn, prefix);
      sum.push(b.xor(s, inc));
      prefix = prefix === undefined ? s : b.and(prefix, s);
    }
    const allOnes = prefix ?? b.one;
    carry = b.or(r.cout, b.and(cIn, allOnes));
  });
  return { sum, cout: carry };
};
