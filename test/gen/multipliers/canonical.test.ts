import { expect, it } from 'vitest';
import { buildMultiplier } from '../../../src/gen/multipliers/index.js';
import { toCanonicalText } from '../../../src/ir/canonical.js';

it('builds the 2×2 Baugh-Wooley array a reviewer can check by hand', () => {
  // p0 = a0·b0; p1 = ¬(a0·b1) ⊕ ¬(a1·b0); p2 = a1·b1 + carry + 1 (the 2^n constant as the
  // final adder's carry-in); p3 = ¬carry (the 2^(2n−1) constant).
  expect(toCanonicalText(buildMultiplier({ width: 2, arch: 'array', signed: true }))).toBe(
    [
      'netlist mul_array_2s (op=mul arch=array width=2 signed=true adder=ripple-carry)',
      "input a[2] signed -- multiplicand, 2 bits two's complement",
      "input b[2] signed -- multiplier, 2 bits two's complement",
      'n0 = and a[0] b[0]',
      'n1 = nand a[0] b[1]',
      'n2 = nand a[1] b[0]',
      'n3 n4 = ha n1 n2',
      'n5 = and a[1] b[1]',
      'n6 n7 = fa n5 n4 1',
      'n8 = not n7',
      "output product[4] signed = n0 n3 n6 n8 -- a·b, full width 4 bits two's complement",
      '',
    ].join('\n'),
  );
});
