import type { AdderFn } from './types.js';

/**
 * Ripple-carry adder: a chain of n full adders (half adder-free, so the carry-in is always a
 * pin). Cost: n fa cells; depth n fa stages (carry path).
 */
export const rippleCarry: AdderFn = (b, x, y, cin = b.zero) => {
  if (x.length !== y.length)
    throw new Error(`adder operands differ in width: ${x.length} vs ${y.length}`);
  const sum: number[] = [];
  let carry = cin;
  for (let i = 0; i < x.length; i++) {
    const [s, c] = b.fa(x[i], y[i], carry);
    sum.push(s);
    carry = c;
  }
  return { sum, cout: carry };
};
