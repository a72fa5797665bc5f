import { describe, expect, it } from 'vitest';
import { bitLength } from '../../src/bits/bit-length.js';
import {
  adderAccumulatorBits,
  multiplyAccumulatorBits,
  popcountBits,
  sumBits,
} from '../../src/budget/widths.js';

/**
 * Golden model: enumerate every pair of signed b-bit operands to find the extreme value of one
 * tap, scale by K (taps are independent, so the extremes of the sum are K times the extremes
 * of a tap), then search the narrowest register that holds both extremes.
 */
function signedRange(b: number): bigint[] {
  const out: bigint[] = [];
  for (let v = -(2 ** (b - 1)); v < 2 ** (b - 1); v++) out.push(BigInt(v));
  return out;
}

function narrowestSigned(lo: bigint, hi: bigint): number {
  for (let w = 1; ; w++) {
    const half = 1n << BigInt(w - 1);
    if (lo >= -half && hi <= half - 1n) return w;
  }
}

function narrowestUnsigned(hi: bigint): number {
  for (let w = 0; ; w++) if (hi <= (1n << BigInt(w)) - 1n) return w;
}

describe('accumulator widths against enumerated worst cases', () => {
  const TAPS = [1, 2, 3, 4, 5, 7, 8, 9, 25, 27, 63, 64, 65, 144, 576, 1000, 4608];

  for (let b = 2; b <= 6; b++) {
    const values = signedRange(b);
    let maxProduct = 0n;
    let minProduct = 0n;
    let maxDiff = 0n;
    for (const x of values) {
      for (const w of values) {
        if (x * w > maxProduct) maxProduct = x * w;
        if (x * w < minProduct) minProduct = x * w;
        const d = x > w ? x - w : w - x;
        if (d > maxDiff) maxDiff = d;
      }
    }
    it(`multiply and adder layers at ${b} bits`, () => {
      for (const k of TAPS) {
        const K = BigInt(k);
        expect(multiplyAccumulatorBits(b, k), `mul K=${k}`).toBe(
          narrowestSigned(K * minProduct, K * maxProduct),
        );
        expect(adderAccumulatorBits(b, k), `adder K=${k}`).toBe(narrowestUnsigned(K * maxDiff));
        // Never wider than the textbook bounds.
        expect(multiplyAccumulatorBits(b, k)).toBeLessThanOrEqual(2 * b + Math.ceil(Math.log2(k)));
        expect(adderAccumulatorBits(b, k)).toBeLessThanOrEqual(b + Math.ceil(Math.log2(k)));
      }
    });
  }

  it('gives 18 bits for 8-bit operands over a 3x3x64 window (576 taps)', () => {
    // 576 · 255 = 146,880 < 2^18 = 262,144 and ≥ 2^17 = 131,072.
    expect(adderAccumulatorBits(8, 576)).toBe(18);
    // 576 · 2^14 = 9,437,184 needs 24 magnitude bits + sign.
    expect(multiplyAccumulatorBits(8, 576)).toBe(25);
  });

  it('counts popcount and pooling-sum widths', () => {
    for (const k of [1, 2, 3, 7, 8, 9, 576, 4608]) {
      expect(popcountBits(k)).toBe(narrowestUnsigned(BigInt(k)));
    }
    for (const b of [2, 3, 8]) {
      for (const n of [1, 2, 3, 4, 5, 49, 64]) {
        const half = BigInt(2 ** (b - 1));
        expect(sumBits(b, n), `b=${b} n=${n}`).toBe(
          narrowestSigned(-BigInt(n) * half, BigInt(n) * (half - 1n)),
        );
      }
    }
  });

  it('works beyond 2^53 and rejects meaningless arguments', () => {
    // 2^62 · 4608 would lose precision as a double; bigint keeps it exact.
    expect(multiplyAccumulatorBits(32, 4608)).toBe(64 + 12);
    expect(bitLength(0n)).toBe(0);
    expect(bitLength(255n)).toBe(8);
    expect(() => adderAccumulatorBits(8, 0)).toThrow('taps must be ≥ 1, not 0');
    expect(() => multiplyAccumulatorBits(0, 4)).toThrow('bits must be ≥ 1, not 0');
  });
});
