import { describe, expect, it } from 'vitest';
import { doubleQuantizer, floorShift, quantizeDouble } from '../../src/bits/fast-number.js';

/**
 * The ends of the double fast path, exhaustively: every integer around the range of every small
 * format under each saturating overflow mode, and shifts at the ends of the table of powers,
 * against definitions written here (clamps and BigInt shifts).
 */

describe('quantizeDouble at the ends of the range', () => {
  it('keeps every code in range and saturates, zeroes or wraps the ones outside', () => {
    for (let width = 1; width <= 5; width++) {
      for (const signed of [true, false]) {
        const lo = signed ? -(2 ** (width - 1)) : 0;
        const hi = signed ? 2 ** (width - 1) - 1 : 2 ** width - 1;
        const want = {
          SAT: (r: number) => Math.min(hi, Math.max(lo, r)),
          SAT_ZERO: (r: number) => (r < lo || r > hi ? 0 : r),
          SAT_SYM: (r: number) => Math.min(hi, Math.max(signed ? -hi : lo, r)),
          WRAP: (r: number) => lo + ((((r - lo) % 2 ** width) + 2 ** width) % 2 ** width),
        };
        for (const overflow of ['SAT', 'SAT_ZERO', 'SAT_SYM', 'WRAP'] as const) {
          const q = doubleQuantizer({ width, signed, rounding: 'TRN', overflow });
          for (let r = lo - 3; r <= hi + 3; r++) {
            const got = quantizeDouble(r, q);
            if (got !== want[overflow](r)) {
              expect({ width, signed, overflow, r, got }).toEqual({
                width,
                signed,
                overflow,
                r,
                got: want[overflow](r),
              });
            }
          }
        }
      }
    }
  });
});

describe('floorShift at the ends of the exponent range', () => {
  it('equals the BigInt shift for shifts around ±1022 and beyond', () => {
    const xs = [-(2 ** 53), -3, -1, 0, 1, 3, 2 ** 53];
    for (const shift of [1018, 1020, 1021, 1022, 1023, 1024, 1100, 5000]) {
      for (const x of xs) expect(floorShift(x, shift)).toBe(Number(BigInt(x) >> BigInt(shift)));
    }
    for (const shift of [-1022, -1021, -1020, -1000, -60, -1, 0]) {
      for (const x of [-3, -1, 0, 1, 3]) {
        expect(floorShift(x, shift)).toBe(Number(BigInt(x) << BigInt(-shift)));
      }
    }
  });
});
