import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantize } from '../../src/bits/quantize.js';
import { codeOf, fmt, overflow, RUNS, rounding, s, u, wideSpec } from './arbitraries.js';
import {
  allCodes,
  frac,
  goldenQuantize,
  OVERFLOWS,
  ROUNDINGS,
  ratOf,
  type Spec,
} from './golden.js';

/** Hand-picked pairs: each names the case it covers. */
const NAMED_PAIRS: readonly [string, Spec, Spec][] = [
  ['identity', s(8, 4), s(8, 4)],
  ['fewer integer bits', s(8, 4), s(6, 2)],
  ['fewer fraction bits', s(8, 4), s(5, 4)],
  ['fewer of both', s(8, 4), s(4, 2)],
  ['more fraction, fewer integer bits', s(8, 4), s(8, 2)],
  ['widening, no loss', s(6, 2), s(8, 4)],
  ['signed to unsigned', s(8, 4), u(8, 4)],
  ['signed to narrow unsigned', s(8, 4), u(4, 3)],
  ['unsigned to signed', u(8, 4), s(8, 4)],
  ['unsigned to narrow signed', u(8, 4), s(5, 3)],
  ['I < 0 to I < 0', s(8, -2), s(4, -3)],
  ['unsigned pure fraction to I < 0', u(8, 0), u(3, -2)],
  ['Q4.4 to I < 0', s(8, 4), s(4, -1)],
  ['integer to I > W', s(8, 8), s(4, 6)],
  ['unsigned integer to I > W', u(8, 8), u(3, 7)],
  ['I > W to I > W', s(6, 10), s(4, 12)],
  ['Q4.4 to unsigned I > W', s(8, 4), u(2, 7)],
  ['to one signed integer bit', s(8, 4), s(1, 1)],
  ['to one unsigned integer bit', s(8, 4), u(1, 1)],
  ['to one signed fraction bit', s(8, 4), s(1, 0)],
  ['unsigned to one bit at 2^3', u(8, 4), u(1, 4)],
  ['one bit to eight', s(1, 1), s(8, 4)],
  ['unsigned one bit to signed', u(1, -1), s(3, 0)],
];

/**
 * From formats (Q4.4, unsigned, I < 0, I > W, tiny) swept into a grid of 160 targets:
 * every W from 1 to 8, both signs, I in {-2, -1, 0, 1, 2, 3, 4, 5, 6, 9}.
 */
const SWEEP_FROM: readonly Spec[] = [s(8, 4), u(7, 3), s(5, -1), u(6, 9), s(3, 1)];
const SWEEP_TO: Spec[] = [];
for (let w = 1; w <= 8; w++)
  for (const signed of [true, false])
    for (const i of [-2, -1, 0, 1, 2, 3, 4, 5, 6, 9])
      SWEEP_TO.push({ width: w, intBits: i, signed });

/**
 * Checks every value of `from` in every rounding x overflow mode against the golden model;
 * returns the number of cases and the first mismatches (kept short for the report).
 */
function sweep(from: Spec, to: Spec, failures: string[]): number {
  const f = fmt(from);
  const t = fmt(to);
  let cases = 0;
  for (const code of allCodes(from)) {
    const v = ratOf(code, frac(from));
    for (const r of ROUNDINGS)
      for (const o of OVERFLOWS) {
        const got = quantize(code, f, t, { rounding: r, overflow: o });
        const want = goldenQuantize(v, to, r, o);
        cases++;
        if (
          got.value !== want.value ||
          got.rounded !== want.rounded ||
          got.overflowed !== want.overflowed
        ) {
          if (failures.length < 5)
            failures.push(
              `${f} -> ${t} ${r} ${o} ${code}: ${JSON.stringify({ got: `${got.value}`, want: `${want.value}`, gr: got.rounded, wr: want.rounded, go: got.overflowed, wo: want.overflowed })}`,
            );
        }
      }
  }
  return cases;
}

describe('quantize, exhaustive up to 8 bits against exact rationals', () => {
  let cases = 0;

  it.each(NAMED_PAIRS)('%s', (_name, from, to) => {
    const failures: string[] = [];
    cases += sweep(from, to, failures);
    expect(failures).toEqual([]);
  });

  it('sweeps 5 source formats into 160 target formats', () => {
    const failures: string[] = [];
    for (const from of SWEEP_FROM) for (const to of SWEEP_TO) cases += sweep(from, to, failures);
    expect(failures).toEqual([]);
  });

  it('checked every case', () => {
    // Named: 19 pairs from 8-bit sources, 2 from 6-bit, 2 from 1-bit, each value x 32 modes.
    const named = (19 * 256 + 2 * 64 + 2 * 2) * 32;
    // Sweep: (256 + 128 + 32 + 64 + 8) source values x 160 targets x 32 modes.
    const swept = 488 * 160 * 32;
    expect(cases).toBe(named + swept);
    expect(cases).toBe(2_658_432);
  });
});

describe('quantize, properties on 16 to 256 bits against exact rationals', () => {
  let runs = 0;

  it('matches the golden model for random formats, values and modes', () => {
    fc.assert(
      fc.property(
        wideSpec().chain((from) => codeOf(from).map((code) => ({ from, code }))),
        wideSpec(),
        rounding,
        overflow,
        ({ from, code }, to, r, o) => {
          runs++;
          const got = quantize(code, fmt(from), fmt(to), { rounding: r, overflow: o });
          expect(got).toEqual(goldenQuantize(ratOf(code, frac(from)), to, r, o));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('matches the golden model when only a few fraction bits are dropped', () => {
    // Random formats rarely land near a tie; here `to` keeps the from's integer bits and drops
    // 1 to 4 fraction bits, so ties and carries into the MSB are common.
    fc.assert(
      fc.property(
        wideSpec().chain((from) =>
          fc.record({
            from: fc.constant(from),
            code: codeOf(from),
            drop: fc.integer({ min: 1, max: 4 }),
          }),
        ),
        rounding,
        overflow,
        ({ from, code, drop }, r, o) => {
          runs++;
          const to = { width: from.width - drop, intBits: from.intBits, signed: from.signed };
          const got = quantize(code, fmt(from), fmt(to), { rounding: r, overflow: o });
          expect(got).toEqual(goldenQuantize(ratOf(code, frac(from)), to, r, o));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('defaults to TRN and WRAP', () => {
    fc.assert(
      fc.property(
        wideSpec().chain((from) => codeOf(from).map((code) => ({ from, code }))),
        wideSpec(),
        ({ from, code }, to) => {
          runs++;
          expect(quantize(code, fmt(from), fmt(to))).toEqual(
            quantize(code, fmt(from), fmt(to), { rounding: 'TRN', overflow: 'WRAP' }),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('ran every property', () => {
    expect(runs).toBe(3 * RUNS);
  });
});

describe('quantize, worked examples', () => {
  const q44 = fmt(s(8, 4));
  const q41 = fmt(s(5, 4));
  it('carries into the MSB, then overflows: 7.9375 -> 8.0 in RND', () => {
    // 7.9375 = 0x7f in Q4.4; Q4.1 holds -8 .. 7.5, step 0.5.
    expect(quantize(0x7fn, q44, q41, { rounding: 'RND' })).toEqual({
      value: -16n,
      rounded: true,
      overflowed: true,
    });
    expect(quantize(0x7fn, q44, q41, { rounding: 'RND', overflow: 'SAT' })).toEqual({
      value: 15n,
      rounded: true,
      overflowed: true,
    });
  });
  it('SAT_SYM maps the most negative value to -max', () => {
    expect(quantize(-128n, q44, q44, { overflow: 'SAT_SYM' })).toEqual({
      value: -127n,
      rounded: false,
      overflowed: true,
    });
  });
  it('ties: -0.25 to Q4.1 (step 0.5) in each nearest mode', () => {
    const want = {
      RND: 0n,
      RND_ZERO: 0n,
      RND_INF: -1n,
      RND_MIN_INF: -1n,
      RND_CONV: 0n,
      RND_CONV_ODD: -1n,
    };
    for (const [mode, value] of Object.entries(want)) {
      expect(quantize(-4n, q44, q41, { rounding: mode as 'RND' }).value).toBe(value);
    }
  });
});

describe('quantize, bad input', () => {
  const q44 = fmt(s(8, 4));
  it('rejects a value outside the from format', () => {
    expect(() => quantize(128n, q44, q44)).toThrow(
      'value must be a bigint from -128 to 127 for ac_fixed<8,4,true>, not 128n',
    );
    expect(() => quantize(1 as unknown as bigint, q44, q44)).toThrow(
      'value must be a bigint from -128 to 127 for ac_fixed<8,4,true>, not 1',
    );
  });
  it('rejects unknown modes', () => {
    expect(() => quantize(0n, q44, q44, { rounding: 'ROUND' as 'RND' })).toThrow(
      'rounding must be one of TRN, RND, TRN_ZERO, RND_ZERO, RND_INF, RND_MIN_INF, RND_CONV, RND_CONV_ODD, not "ROUND"',
    );
    expect(() => quantize(0n, q44, q44, { overflow: 'CLAMP' as 'SAT' })).toThrow(
      'overflow must be one of WRAP, SAT, SAT_ZERO, SAT_SYM, not "CLAMP"',
    );
  });
});
