import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampInt, saturateInt, wrapInt } from '../../src/bits/fast.js';
import {
  doubleQuantizer,
  floorShift,
  quantizeDouble,
  roundToInteger,
} from '../../src/bits/fast-number.js';
import {
  ACCUMULATOR_OVERFLOW_MODES,
  ACCUMULATOR_OVERFLOW_NAMES,
  accumulatorOverflowMode,
  OVERFLOW_MODES,
} from '../../src/bits/modes.js';
import { wrapBigInt } from '../../src/bits/raw.js';
import { overflow, RUNS, rounding } from './arbitraries.js';
import { goldenQuantize, goldenRound, ROUNDINGS, ratOfDouble } from './golden.js';

/**
 * The double fast path against the rational golden model (golden.ts): every rounding mode on
 * any finite double, including the inputs where floor(x + 0.5) is wrong (the double below 0.5,
 * odd integers from 2^52 to 2^53, where x + 0.5 rounds to even).
 */

const EDGES = [
  0,
  -0,
  0.5,
  -0.5,
  1.5,
  -1.5,
  2.5,
  -2.5,
  0.49999999999999994,
  -0.49999999999999994,
  1 - 2 ** -53,
  -(2 ** -60),
  2 ** 52 + 1,
  -(2 ** 52 + 1),
  2 ** 51 + 0.5,
  -(2 ** 51 + 0.5),
  2 ** 53,
  5e-324,
  -5e-324,
  1e300,
  -1e300,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
];

/** Doubles of every magnitude, and halves and near-halves of integers (the ties). */
const anyDouble = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -(2 ** 30), max: 2 ** 30 }).map((n) => n / 2),
  fc.constantFrom(...EDGES),
);

function goldenInteger(x: number, mode: (typeof ROUNDINGS)[number]): number {
  return Number(goldenRound(ratOfDouble(x), 0, mode).q);
}

describe('roundToInteger', () => {
  it('equals the golden rounding on the edge values, never giving -0', () => {
    for (const mode of ROUNDINGS) {
      for (const x of EDGES) {
        const got = roundToInteger(x, mode);
        expect(got, `${mode} ${x}`).toBe(goldenInteger(x, mode));
      }
    }
  });

  it('equals the golden rounding on any finite double', () => {
    fc.assert(
      fc.property(anyDouble, rounding, (x, mode) => {
        expect(roundToInteger(x, mode)).toBe(goldenInteger(x, mode));
      }),
      { numRuns: 4 * RUNS },
    );
  });

  it('passes infinities and NaN through', () => {
    for (const mode of ROUNDINGS) {
      expect(roundToInteger(Number.POSITIVE_INFINITY, mode)).toBe(Number.POSITIVE_INFINITY);
      expect(roundToInteger(Number.NEGATIVE_INFINITY, mode)).toBe(Number.NEGATIVE_INFINITY);
      expect(roundToInteger(Number.NaN, mode)).toBeNaN();
    }
  });
});

describe('quantizeDouble', () => {
  it('equals the golden quantize into ac_int<W, S> for every mode pair', () => {
    fc.assert(
      fc.property(
        anyDouble,
        fc.integer({ min: 1, max: 32 }),
        fc.boolean(),
        rounding,
        overflow,
        (x, w, signed, r, o) => {
          const width = signed ? w : Math.min(w, 31);
          const q = doubleQuantizer({ width, signed, rounding: r, overflow: o });
          const want = goldenQuantize(ratOfDouble(x), { width, intBits: width, signed }, r, o);
          expect(quantizeDouble(x, q)).toBe(Number(want.value));
        },
      ),
      { numRuns: 4 * RUNS },
    );
  });

  it('rounds half away from zero and keeps the symmetric range with RND_INF and SAT_SYM', () => {
    const q = doubleQuantizer({ width: 8, signed: true, rounding: 'RND_INF', overflow: 'SAT_SYM' });
    expect(
      [2.5, -2.5, 0.49, -0.5, 127.5, -127.5, -1000, 1000].map((x) => quantizeDouble(x, q)),
    ).toEqual([3, -3, 0, -1, 127, -127, -127, 127]);
  });

  it('checks its spec as intQuantizer does', () => {
    expect(() => doubleQuantizer({ width: 33, signed: true })).toThrow(
      'width must be an integer from 1 to 32, not 33',
    );
  });
});

describe('floorShift', () => {
  it('equals the bigint shift of any safe integer', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc.oneof(
          fc.integer({ min: -20, max: 60 }),
          fc.constantFrom(1021, 1022, 1023, 1074, 1075, 5000),
        ),
        (big, shift) => {
          // A left shift must stay below 2^53: keep |x| < 2^33 when shift < 0.
          const x = (shift < 0 ? big % 2 ** 33 : big) + 0;
          const want = shift >= 0 ? BigInt(x) >> BigInt(shift) : BigInt(x) << BigInt(-shift);
          expect(floorShift(x, shift)).toBe(Number(want));
        },
      ),
      { numRuns: 2 * RUNS },
    );
  });

  it('rounds toward minus infinity', () => {
    expect([-5, -4, -1, 0, 1, 5].map((x) => floorShift(x, 2))).toEqual([-2, -1, -1, 0, 0, 1]);
    expect(floorShift(-(2 ** 52), 1100)).toBe(-1);
    expect(floorShift(3, -4)).toBe(48);
  });
});

describe('wrapInt, saturateInt and clampInt above 32 bits', () => {
  it('wrap and saturate any safe integer at widths 1 to 53', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger().chain((x) => fc.constantFrom(x, x % 2 ** 40, x % 2 ** 34)),
        fc.integer({ min: 1, max: 53 }),
        fc.boolean(),
        (raw, width, signed) => {
          const x = raw + 0;
          const n = BigInt(x);
          const m = 1n << BigInt(width);
          // Golden: x mod 2^W, moved into the signed range when signed; clamp by comparison.
          let wrapped = ((n % m) + m) % m;
          if (signed && wrapped >= m / 2n) wrapped -= m;
          const hi = signed ? m / 2n - 1n : m - 1n;
          const lo = signed ? -(m / 2n) : 0n;
          const clamped = n < lo ? lo : n > hi ? hi : n;
          expect(wrapInt(x, width, signed)).toBe(Number(wrapped));
          expect(saturateInt(x, width, signed)).toBe(Number(clamped));
          expect(clampInt(x, Number(lo), Number(hi))).toBe(Number(clamped));
        },
      ),
      { numRuns: 2 * RUNS },
    );
  });

  it('clampInt passes values inside the range, and NaN, unchanged', () => {
    expect([-3, 0, 2, 5, 9].map((x) => clampInt(x, 0, 5))).toEqual([0, 0, 2, 5, 5]);
    expect(clampInt(Number.NaN, 0, 5)).toBeNaN();
  });
});

describe('wrapBigInt', () => {
  it('keeps value mod 2^W, read signed or unsigned', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(1n << 300n), max: 1n << 300n }),
        fc.integer({ min: 1, max: 260 }),
        fc.boolean(),
        (v, width, signed) => {
          const m = 1n << BigInt(width);
          let want = ((v % m) + m) % m;
          if (signed && want >= m / 2n) want -= m;
          expect(wrapBigInt(v, width, signed)).toBe(want);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('accumulator overflow modes', () => {
  it('are WRAP and SAT of the ac_fixed list, spelled wrap and sat', () => {
    expect(ACCUMULATOR_OVERFLOW_MODES.every((m) => OVERFLOW_MODES.includes(m))).toBe(true);
    expect(ACCUMULATOR_OVERFLOW_NAMES).toEqual(['wrap', 'sat']);
    expect(ACCUMULATOR_OVERFLOW_NAMES.map(accumulatorOverflowMode)).toEqual(['WRAP', 'SAT']);
    expect(Object.isFrozen(ACCUMULATOR_OVERFLOW_NAMES)).toBe(true);
  });
});
