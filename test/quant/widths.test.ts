import { describe, expect, it } from 'vitest';
import {
  adderAccumulatorBits,
  multiplyAccumulatorBits,
  popcountBits,
} from '../../src/budget/widths.js';
import {
  adderAccBits,
  binaryAccBits,
  codeRange,
  multiplyAccBits,
  roundNearest,
} from '../../src/quant/widths.js';

/** Golden: the width of the largest |sum| by brute force over the extreme operands. */
function bitsOf(max: bigint): number {
  let bits = 0;
  while (1n << BigInt(bits) <= max) bits++;
  return bits;
}

describe('accumulator widths', () => {
  it('adder: unsigned width of K·(2^b − 1), and equal to the budget', () => {
    for (let b = 2; b <= 16; b++) {
      for (const k of [1, 2, 3, 25, 150, 400, 576, 4096]) {
        const want = bitsOf(BigInt(k) * ((1n << BigInt(b)) - 1n));
        expect(adderAccBits(b, k)).toBe(want);
        expect(adderAccBits(b, k)).toBe(adderAccumulatorBits(b, k));
      }
    }
  });

  it('multiply: a sign bit plus the width of K·2^(2b−2), and equal to the budget', () => {
    for (let b = 2; b <= 16; b++) {
      for (const k of [1, 2, 3, 25, 150, 400, 576]) {
        // Most negative sum: K·(−2^(b−1))·(2^(b−1) − 1); largest: K·2^(2b−2).
        const largest = BigInt(k) << BigInt(2 * b - 2);
        const want = bitsOf(largest) + 1;
        expect(multiplyAccBits(b, k)).toBe(want);
        expect(multiplyAccBits(b, k)).toBe(multiplyAccumulatorBits(b, k));
      }
    }
  });

  it('binary: the width of K, and equal to the budget', () => {
    for (const k of [1, 2, 7, 8, 150, 400, 1024]) {
      expect(binaryAccBits(k)).toBe(bitsOf(BigInt(k)));
      expect(binaryAccBits(k)).toBe(popcountBits(k));
    }
  });
});

describe('rounding and code ranges', () => {
  it('rounds to nearest with ties away from zero', () => {
    expect([2.5, -2.5, 1.49, -1.5, 0.5, -0.5, 0].map(roundNearest)).toEqual([
      3, -3, 1, -2, 1, -1, 0,
    ]);
  });

  it('gives two’s complement and unsigned code ranges', () => {
    expect(codeRange(8, true)).toEqual({ lo: -128, hi: 127 });
    expect(codeRange(8, false)).toEqual({ lo: 0, hi: 255 });
    expect(codeRange(2, true)).toEqual({ lo: -2, hi: 1 });
  });
});
