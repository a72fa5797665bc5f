import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMultiplyShift,
  codeBounds,
  crossed,
  multiplyShiftFor,
  searchComparisons,
  thresholdsFor,
} from '../../src/quant/requant.js';

/** Golden integer map with BigInt: clamp(floor((acc·M + B) / 2^S), lo, hi). */
function golden(acc: number, m: number, b: number, s: number, lo: number, hi: number): number {
  const sum = BigInt(acc) * BigInt(m) + BigInt(b);
  let v: bigint;
  if (s >= 0) {
    const d = 1n << BigInt(s);
    v = sum / d - (sum % d < 0n ? 1n : 0n); // floor division
  } else v = sum << BigInt(-s);
  const n = Number(v);
  return Math.min(hi, Math.max(lo, n));
}

describe('multiply-shift requantization', () => {
  it('computes exactly floor((acc·M + B) / 2^S), clamped (BigInt golden)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 30), max: 2 ** 30 }),
        fc.integer({ min: -32767, max: 32767 }),
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.integer({ min: -4, max: 40 }),
        (acc, m, b, s) => {
          const got = applyMultiplyShift(acc, { multiplier: m, addend: b, shift: s }, -1e9, 1e9);
          expect(got).toBe(golden(acc, m, b, s, -1e9, 1e9));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives the constant code for a slope below one code over the range, even at a rounding tie', () => {
    // 32.5 − 6.8e-21·(2^19 − 1) rounds to 32 while 32.5 rounds to 33: a flip no multiplier of
    // 4 bits with a 23-bit adder can follow (found by the property below).
    const range = { lo: -128, hi: 127, accLo: 0, accHi: 2 ** 19 - 1 };
    const p = multiplyShiftFor(-6.776276502756127e-21, 32.5, range, 4, 23);
    expect(p).toEqual({ multiplier: 0, addend: 33, shift: 0 });
  });

  it('keeps M within mulBits and acc·M + B within addBits over the whole register range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.integer({ min: 4, max: 12 }),
        fc.integer({ min: 4, max: 20 }),
        (slope, offset, mulBits, accBits) => {
          const range = { lo: -128, hi: 127, accLo: 0, accHi: 2 ** accBits - 1 };
          const p = multiplyShiftFor(slope, offset, range, mulBits, accBits + mulBits);
          expect(Math.abs(p.multiplier)).toBeLessThanOrEqual(2 ** (mulBits - 1) - 1);
          const limit = 2 ** (accBits + mulBits - 1);
          for (const acc of [range.accLo, range.accHi]) {
            const sum = acc * p.multiplier + p.addend;
            expect(sum).toBeGreaterThanOrEqual(-limit);
            expect(sum).toBeLessThan(limit);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is exact when the slope and offset are representable (dyadic)', () => {
    // slope 3/8, offset −5.25: M = 3·2^(S−3) exactly, and B carries the half-LSB.
    const range = { lo: -128, hi: 127, accLo: 0, accHi: 1023 };
    const p = multiplyShiftFor(3 / 8, -5.25, range, 8, 18);
    for (let acc = 0; acc < 1024; acc += 7) {
      const ideal = Math.min(127, Math.max(-128, Math.floor((3 / 8) * acc - 5.25 + 0.5)));
      expect(applyMultiplyShift(acc, p, -128, 127)).toBe(ideal);
    }
  });

  it('gives a constant channel M = 0', () => {
    const p = multiplyShiftFor(1e-9, 1000, { lo: 0, hi: 255, accLo: 0, accHi: 100 }, 8, 16);
    expect(p).toEqual({ multiplier: 0, addend: 255, shift: 0 });
  });
});

describe('threshold requantization', () => {
  it('equals clamp(round(slope·acc + offset)) for dyadic slopes, either sign', () => {
    for (const [slope, offset] of [
      [0.25, -3.5],
      [-0.125, 40],
      [2, -300],
      [-1.5, 7.25],
    ]) {
      const lo = 0;
      const hi = 15;
      const t = thresholdsFor(slope, offset, codeBounds(lo, hi), 0, 511);
      for (let acc = 0; acc < 512; acc++) {
        const ideal = Math.min(hi, Math.max(lo, Math.floor(slope * acc + offset + 0.5)));
        expect(lo + crossed(acc, t.thresholds, 0, hi - lo, t.direction)).toBe(ideal);
      }
    }
  });

  it('finds the sign of the BatchNorm output with one boundary at 0', () => {
    const t = thresholdsFor(-0.5, 10, [0], 0, 100); // z ≥ 0 ⇔ acc ≤ 20
    expect([19, 20, 21].map((acc) => crossed(acc, t.thresholds, 0, 1, t.direction))).toEqual([
      1, 1, 0,
    ]);
  });

  it('counts ceil(log2 levels) comparisons per binary search', () => {
    expect([2, 3, 4, 15, 16, 17, 256].map(searchComparisons)).toEqual([1, 2, 2, 4, 4, 5, 8]);
  });
});
