import { describe, expect, it } from 'vitest';
import {
  applyMultiplyShift,
  codeBounds,
  crossed,
  type MultiplyShift,
  multiplyShiftFor,
  thresholdsFor,
} from '../../src/quant/requant.js';

/**
 * The multiply-shift parameter search and the threshold placement against golden models written
 * here with exact rational arithmetic (BigInt) and exhaustive loops over small widths: every
 * finite double is num·2^exp, so rounding slope·2^S and comparing errors needs no floating point.
 */

interface Dyadic {
  readonly num: bigint;
  readonly exp: number;
}

/** x = num·2^exp exactly. */
function dyadic(x: number): Dyadic {
  let v = x;
  let exp = 0;
  while (!Number.isInteger(v)) {
    v *= 2;
    exp--;
  }
  return { num: BigInt(v), exp };
}

const abs = (v: bigint): bigint => (v < 0n ? -v : v);

/** round(d·2^k) to nearest, ties away from zero. */
function roundAway(d: Dyadic, k: number): bigint {
  const e = d.exp + k;
  if (e >= 0) return d.num << BigInt(e);
  const den = 1n << BigInt(-e);
  const mag = abs(d.num);
  const q = mag / den + (2n * (mag % den) >= den ? 1n : 0n);
  return d.num < 0n ? -q : q;
}

/** clamp(floor(slope·acc + offset + 1/2), lo, hi): the ideal code, ties up (RND). */
function idealCode(s: Dyadic, o: Dyadic, acc: number, lo: number, hi: number): number {
  const e = Math.min(s.exp, o.exp, -1);
  const n =
    s.num * BigInt(acc) * (1n << BigInt(s.exp - e)) +
    o.num * (1n << BigInt(o.exp - e)) +
    (1n << BigInt(-1 - e));
  const v = Number(n >> BigInt(-e)); // `>>` on bigint is floor division by 2^-e
  return Math.min(hi, Math.max(lo, v));
}

interface Range {
  lo: number;
  hi: number;
  accLo: number;
  accHi: number;
}

const accValues = (r: Range): number[] =>
  Array.from({ length: r.accHi - r.accLo + 1 }, (_, i) => r.accLo + i);

/** Ideal codes over a register range, by slope, offset and range (the grid asks many times). */
const CODES = new Map<string, number[]>();

/**
 * The documented choice, found by brute force: a constant code when every register value gives
 * the same ideal code; otherwise the largest shift S (down to −63) whose nearest multiplier
 * round(slope·2^S) is nonzero and fits mulBits, with B = round(offset·2^S) + 2^(S−1) (S > 0),
 * such that B and acc·M + B fit the addBits-wide signed adder for EVERY register value.
 * 'refused' when none exists and the slope moves the output by a code or more.
 */
function goldenSearch(
  slope: number,
  offset: number,
  r: Range,
  mulBits: number,
  addBits: number,
): MultiplyShift | 'refused' {
  const s = dyadic(slope);
  const o = dyadic(offset);
  const key = `${slope} ${offset} ${r.lo} ${r.hi} ${r.accLo} ${r.accHi}`;
  let codes = CODES.get(key);
  if (codes === undefined) {
    codes = accValues(r).map((acc) => idealCode(s, o, acc, r.lo, r.hi));
    CODES.set(key, codes);
  }
  const constant = { multiplier: 0, addend: codes[0], shift: 0 };
  if (codes.every((c) => c === codes[0])) return constant;
  const mMax = (1n << BigInt(mulBits - 1)) - 1n;
  const limit = 1n << BigInt(addBits - 1);
  const fits = (v: bigint) => v >= -limit && v < limit;
  // Slopes here are at least 2^−6 and mMax below 2^6, so every fitting S is below 12.
  for (let shift = 32; shift >= -63; shift--) {
    const m = roundAway(s, shift);
    if (abs(m) > mMax) continue;
    if (m === 0n) break;
    const b = roundAway(o, shift) + (shift > 0 ? 1n << BigInt(shift - 1) : 0n);
    if (fits(b) && accValues(r).every((acc) => fits(BigInt(acc) * m + b))) {
      return { multiplier: Number(m), addend: Number(b), shift };
    }
  }
  return Math.abs(slope) * (r.accHi - r.accLo) < 1 ? constant : 'refused';
}

function search(slope: number, offset: number, r: Range, mulBits: number, addBits: number) {
  try {
    return multiplyShiftFor(slope, offset, r, mulBits, addBits);
  } catch (e) {
    if ((e as Error).message.startsWith('no multiply-shift')) return 'refused';
    throw e;
  }
}

const RANGES: readonly Range[] = [
  { lo: 0, hi: 15, accLo: 0, accHi: 15 },
  { lo: -8, hi: 7, accLo: 0, accHi: 31 },
  { lo: -8, hi: 7, accLo: -16, accHi: 15 },
  { lo: 0, hi: 3, accLo: -8, accHi: 7 },
  { lo: -128, hi: 127, accLo: 5, accHi: 36 },
  { lo: -128, hi: 127, accLo: -37, accHi: -6 },
];

/** Dyadic slopes of up to 6 fraction bits, both signs, from far below to far above one code. */
const SLOPES = [1, 3, 5, 7, 11, 13, 19, 29, 45, 64, 97, 160, 300, 555]
  .map((k) => k / 64)
  .flatMap((v) => [v, -v]);
const OFFSETS = [0, 0.5, -0.5, 1.25, -3.375, 6.5, -7.875, 37.125];

describe('multiply-shift search against a brute-force golden search', () => {
  it('picks exactly the documented (M, S, B) for every small configuration', () => {
    const addBitsList = [3, 4, 5, 6, 7, 8, 9, 10, 12, 16];
    let checked = 0;
    let narrowed = 0;
    for (const r of RANGES) {
      for (const mulBits of [2, 3, 4, 6]) {
        for (const slope of SLOPES) {
          for (const offset of OFFSETS) {
            const wants = addBitsList.map((a) => goldenSearch(slope, offset, r, mulBits, a));
            addBitsList.forEach((addBits, i) => {
              const got = search(slope, offset, r, mulBits, addBits);
              if (JSON.stringify(got) !== JSON.stringify(wants[i])) {
                const at = { slope, offset, r, mulBits, addBits };
                expect({ ...at, got }).toEqual({ ...at, got: wants[i] });
              }
              checked++;
            });
            // Choices that had to give up shift for the adder's range (16 bits never binds here).
            const wide = wants[wants.length - 1];
            for (const w of wants) {
              if (w !== 'refused' && wide !== 'refused' && w.shift < wide.shift) narrowed++;
            }
          }
        }
      }
    }
    expect(checked).toBe(RANGES.length * 4 * addBitsList.length * SLOPES.length * OFFSETS.length);
    expect(narrowed).toBeGreaterThan(100);
  });

  it('widens the shift while the rounded multiplier still fits: round(slope·2^S) = mMax', () => {
    // slope·8 = 7.3 rounds to 7 = mMax of 4 bits although 7/slope < 8: S = 3, M = 7.
    const r = { lo: -128, hi: 127, accLo: 0, accHi: 15 };
    const p = multiplyShiftFor(7.3 / 8, 0, r, 4, 16);
    expect(p).toEqual(goldenSearch(7.3 / 8, 0, r, 4, 16));
    expect([p.multiplier, p.shift]).toEqual([7, 3]);
    // And at slope·2^(S+1) = 7.5 the nearest multiplier, 8, no longer fits: S stays 2.
    const q = multiplyShiftFor(7.5 / 8, 0, r, 4, 16);
    expect([q.multiplier, q.shift]).toEqual([4, 2]);
  });

  it('has the smallest slope error of all (M, S) with |M| ≤ mMax when the adder does not bind', () => {
    const r = { lo: -1000, hi: 1000, accLo: 0, accHi: 255 };
    for (const mulBits of [3, 4, 5, 6]) {
      const mMax = 2 ** (mulBits - 1) - 1;
      for (const slope of [...SLOPES, 0.3, -0.7, 1 / 3, 2.9, -11.1, 0.0123]) {
        const p = multiplyShiftFor(slope, 0, r, mulBits, 40);
        const s = dyadic(slope);
        // |M·2^−S − slope| scaled by 2^E, E large enough to make every term an integer.
        const E = 100;
        const err = (m: number, shift: number) =>
          abs(BigInt(m) * (1n << BigInt(E - shift)) - s.num * (1n << BigInt(E + s.exp)));
        const best = err(p.multiplier, p.shift);
        for (let shift = -8; shift <= 40; shift++) {
          for (let m = -mMax; m <= mMax; m++) {
            if (err(m, shift) < best) {
              expect({ slope, mulBits, m, shift }).toEqual({ slope, mulBits, ...p });
            }
          }
        }
      }
    }
  });

  it('reproduces the ideal code exactly at every register value when slope and offset are dyadic', () => {
    // slope = k·2^−q with |k| ≤ mMax and offset a multiple of 2^−q: M/2^S = slope and
    // B/2^S = offset + 1/2 exactly, so floor((acc·M + B)/2^S) is the ideal RND code. Covers
    // S > 0, S = 0 and S < 0 (slopes above mMax).
    const cases: [number, number][] = [
      [3 / 8, -5.25],
      [-5 / 16, 7.125],
      [1, -3],
      [-3, 8],
      [12, -40],
      [-40, 400],
    ];
    const r = { lo: -100000, hi: 100000, accLo: -40, accHi: 60 };
    for (const [slope, offset] of cases) {
      const p = multiplyShiftFor(slope, offset, r, 4, 30);
      expect(Number.isInteger(p.addend)).toBe(true);
      const s = dyadic(slope);
      const o = dyadic(offset);
      for (const acc of accValues(r)) {
        expect(applyMultiplyShift(acc, p, r.lo, r.hi)).toBe(idealCode(s, o, acc, r.lo, r.hi));
      }
    }
  });

  it('keeps the addend an integer at S = 0 and S < 0 (no half-LSB below one code)', () => {
    const r = { lo: -1000, hi: 1000, accLo: 0, accHi: 15 };
    expect(multiplyShiftFor(6, 2, r, 4, 16)).toEqual({ multiplier: 6, addend: 2, shift: 0 });
    expect(multiplyShiftFor(12, 7, r, 4, 16)).toEqual({ multiplier: 6, addend: 4, shift: -1 });
  });

  it('refuses a slope no multiplier can follow, with the limits in the message', () => {
    // 0.5 per step over 1000 steps: M = 1 at S = 1 or 0 overflows an 8-bit adder, S = −1 rounds
    // M to 0, and the output moves by 500 codes, so no constant will do either.
    const r = { lo: -1000, hi: 1000, accLo: 0, accHi: 1000 };
    expect(() => multiplyShiftFor(0.5, 0, r, 2, 8)).toThrow(
      'no multiply-shift of 2-bit multiplier and 8-bit adder represents slope 0.5, offset 0',
    );
    // Exactly one code over the range is still a move the constant cannot make.
    const one = { lo: -1000, hi: 1000, accLo: 0, accHi: 1024 };
    expect(() => multiplyShiftFor(1 / 1024, 0.25, one, 2, 8)).toThrow('no multiply-shift');
    const shifted = { lo: -1000, hi: 1000, accLo: 1000, accHi: 2024 };
    expect(() => multiplyShiftFor(1 / 1024, 0.25, shifted, 2, 8)).toThrow('no multiply-shift');
  });

  it('gives the constant code when only a rounding tie moves it, on a range away from zero', () => {
    // −acc/64 + 2.0625 is exactly 0.5 at acc = 100 (code 1, ties up) and 0.484375 at 101 (code
    // 0): less than one code over the range, and no 2-bit multiplier fits a 4-bit adder.
    const r = { lo: -8, hi: 7, accLo: 100, accHi: 101 };
    expect(goldenSearch(-1 / 64, 2.0625, r, 2, 4)).toEqual({ multiplier: 0, addend: 1, shift: 0 });
    expect(multiplyShiftFor(-1 / 64, 2.0625, r, 2, 4)).toEqual({
      multiplier: 0,
      addend: 1,
      shift: 0,
    });
  });

  it('shifts left by at most 63 bits: steeper slopes are refused', () => {
    // 5·2^63 codes per step: M = 5 of 4 bits at S = −63. Twice that would need S = −64.
    const r = { lo: -(2 ** 60), hi: 2 ** 60, accLo: 0, accHi: 1 };
    expect(multiplyShiftFor(5 * 2 ** 63, 0, r, 4, 16)).toEqual({
      multiplier: 5,
      addend: 0,
      shift: -63,
    });
    expect(goldenSearch(5 * 2 ** 64, 0, r, 4, 16)).toBe('refused');
    expect(() => multiplyShiftFor(5 * 2 ** 64, 0, r, 4, 16)).toThrow('no multiply-shift');
  });

  it('takes adders up to 53 bits, the widest the float64 evaluation keeps exact', () => {
    const r = { lo: -128, hi: 127, accLo: 0, accHi: 255 };
    expect(multiplyShiftFor(0.25, 1, r, 8, 53).multiplier).not.toBe(0);
    expect(() => multiplyShiftFor(0.25, 1, r, 8, 54)).toThrow(
      'requantization adder of 54 bits is too wide',
    );
  });
});

describe('threshold placement against the exact ideal code', () => {
  it('crosses exactly the boundaries the ideal code has passed, for every register value', () => {
    for (const r of RANGES) {
      for (const slope of [0, ...SLOPES]) {
        for (const offset of OFFSETS) {
          const t = thresholdsFor(slope, offset, codeBounds(r.lo, r.hi), r.accLo, r.accHi);
          const s = dyadic(slope);
          const o = dyadic(offset);
          for (const acc of accValues(r)) {
            const got = r.lo + crossed(acc, t.thresholds, 0, r.hi - r.lo, t.direction);
            if (got !== idealCode(s, o, acc, r.lo, r.hi)) {
              expect({ slope, offset, r, acc, got }).toEqual({
                slope,
                offset,
                r,
                acc,
                got: idealCode(s, o, acc, r.lo, r.hi),
              });
            }
          }
        }
      }
    }
  });

  it('places the boundaries of codes lo..hi halfway between codes', () => {
    expect(codeBounds(-2, 2)).toEqual([-1.5, -0.5, 0.5, 1.5]);
    expect(codeBounds(3, 5)).toEqual([3.5, 4.5]);
    expect(codeBounds(0, 0)).toEqual([]);
  });

  it('clamps thresholds beyond the register range to one past it', () => {
    // slope 1/64 over 0..15 moves the output by a quarter code: with offset −3.375 no boundary is
    // reached (never crossed: accHi + 1); with offset 37.125 every boundary is (always: accLo).
    const up = thresholdsFor(1 / 64, -3.375, codeBounds(0, 3), 0, 15);
    expect([...up.thresholds]).toEqual([16, 16, 16]);
    const down = thresholdsFor(-1 / 64, 37.125, codeBounds(0, 3), 0, 15);
    expect([...down.thresholds, down.direction]).toEqual([15, 15, 15, -1]);
    const flat = thresholdsFor(0, 1.5, codeBounds(0, 3), 0, 15);
    expect([...flat.thresholds, flat.direction]).toEqual([0, 0, 16, 1]);
  });
});
