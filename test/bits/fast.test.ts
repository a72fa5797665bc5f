import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type IntQuantizer,
  intQuantizer,
  quantizeInt,
  quantizeInt32Array,
  saturateInt,
  wrapInt,
} from '../../src/bits/fast.js';
import { quantize } from '../../src/bits/quantize.js';
import { overflow, RUNS, rounding } from './arbitraries.js';
import { OVERFLOWS, ROUNDINGS } from './golden.js';

/** The bigint path the fast path must equal (itself held to the golden model elsewhere). */
function slow(x: number, q: IntQuantizer): { value: number; overflowed: boolean } {
  const r = quantize(BigInt(x), q.from, q.to, q);
  return { value: Number(r.value), overflowed: r.overflowed };
}

/**
 * Compares scalar and array fast paths with the bigint path for every x in `xs`, for every
 * rounding x overflow mode; returns the number of scalar cases checked.
 */
function compareAll(
  xs: Int32Array,
  shifts: readonly number[],
  widths: readonly [number, boolean][],
  problems: string[],
): number {
  let cases = 0;
  const out = new Int32Array(xs.length);
  for (const shift of shifts)
    for (const [width, signed] of widths)
      for (const r of ROUNDINGS)
        for (const o of OVERFLOWS) {
          const q = intQuantizer({ shift, width, signed, rounding: r, overflow: o });
          let overflows = 0;
          for (let i = 0; i < xs.length; i++) {
            const want = slow(xs[i], q);
            cases++;
            if (want.overflowed) overflows++;
            const got = quantizeInt(xs[i], q);
            if (!Object.is(got, want.value) && problems.length < 5)
              problems.push(
                `scalar ${xs[i]} >> ${shift} to ${signed ? 's' : 'u'}${width} ${r} ${o}: ${got} != ${want.value}`,
              );
          }
          const counted = quantizeInt32Array(xs, q, out);
          for (let i = 0; i < xs.length; i++) {
            if (out[i] !== quantizeInt(xs[i], q) && problems.length < 5)
              problems.push(
                `array ${xs[i]} >> ${shift} to ${signed ? 's' : 'u'}${width} ${r} ${o}`,
              );
          }
          if (counted !== overflows && problems.length < 5)
            problems.push(
              `overflow count ${counted} != ${overflows} (${shift} ${width} ${signed} ${r} ${o})`,
            );
        }
  return cases;
}

const range = (lo: number, hi: number): number[] =>
  Array.from({ length: hi - lo }, (_, i) => lo + i);

describe('fast path equals the bigint path, exhaustively', () => {
  let cases = 0;

  it('every 9-bit input, shifts 0 to 9, 11 output widths, every mode', () => {
    const problems: string[] = [];
    const xs = Int32Array.from(range(-256, 256));
    const widths: [number, boolean][] = [
      [1, true],
      [2, true],
      [3, true],
      [5, true],
      [8, true],
      [9, true],
      [1, false],
      [2, false],
      [4, false],
      [7, false],
      [8, false],
    ];
    cases += compareAll(xs, range(0, 10), widths, problems);
    expect(problems).toEqual([]);
  });

  it('inputs at the int32 extremes and around 0, every shift 0 to 31', () => {
    const problems: string[] = [];
    const xs = Int32Array.from([
      ...range(-(2 ** 31), -(2 ** 31) + 64),
      ...range(-64, 64),
      ...range(2 ** 31 - 64, 2 ** 31),
    ]);
    const widths: [number, boolean][] = [
      [1, true],
      [8, true],
      [16, true],
      [31, true],
      [32, true],
      [1, false],
      [8, false],
      [31, false],
    ];
    cases += compareAll(xs, range(0, 32), widths, problems);
    expect(problems).toEqual([]);
  });

  it('checked every case', () => {
    expect(cases).toBe(512 * 10 * 11 * 32 + 256 * 32 * 8 * 32);
    expect(cases).toBe(3_899_392);
  });
});

describe('fast path equals the bigint path, properties', () => {
  let runs = 0;
  const spec = fc
    .record({
      shift: fc.integer({ min: 0, max: 31 }),
      signed: fc.boolean(),
      width: fc.integer({ min: 1, max: 32 }),
      rounding,
      overflow,
    })
    .map((sp) => ({ ...sp, width: sp.signed ? sp.width : Math.min(sp.width, 31) }));
  const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

  it('quantizeInt on random int32 inputs', () => {
    fc.assert(
      fc.property(spec, int32, (sp, x) => {
        runs++;
        const q = intQuantizer(sp);
        expect(quantizeInt(x, q)).toBe(slow(x, q).value);
      }),
      { numRuns: RUNS },
    );
  });

  it('quantizeInt32Array into a new array and in place, with exact overflow counts', () => {
    fc.assert(
      fc.property(spec, fc.array(int32, { maxLength: 64 }), (sp, values) => {
        runs++;
        const q = intQuantizer(sp);
        const src = Int32Array.from(values);
        const want = values.map((x) => slow(x, q));
        const dst = new Int32Array(values.length + 3).fill(7);
        expect(quantizeInt32Array(src, q, dst)).toBe(want.filter((w) => w.overflowed).length);
        expect(Array.from(dst.subarray(0, values.length))).toEqual(want.map((w) => w.value));
        expect(Array.from(dst.subarray(values.length))).toEqual([7, 7, 7]);
        expect(Array.from(src)).toEqual(values);
        quantizeInt32Array(src, q);
        expect(Array.from(src)).toEqual(want.map((w) => w.value));
      }),
      { numRuns: RUNS },
    );
  });

  it('wrapInt and saturateInt on any safe integer', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger().chain((x) => fc.constantFrom(x, x % 2 ** 40, x % 2 ** 20)),
        fc.integer({ min: 1, max: 32 }),
        fc.boolean(),
        (x, w, signed) => {
          runs++;
          const width = signed ? w : Math.min(w, 31);
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
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('ran every property', () => {
    expect(runs).toBe(3 * RUNS);
  });
});

describe('intQuantizer, bad specs', () => {
  it('names the field, the bounds and the value', () => {
    expect(() => intQuantizer({ shift: 32, width: 8, signed: true })).toThrow(
      'shift must be an integer from 0 to 31, not 32',
    );
    expect(() => intQuantizer({ shift: -1, width: 8, signed: true })).toThrow(
      'shift must be an integer from 0 to 31, not -1',
    );
    expect(() => intQuantizer({ shift: 0, width: 33, signed: true })).toThrow(
      'width must be an integer from 1 to 32, not 33',
    );
    expect(() => intQuantizer({ shift: 0, width: 32, signed: false })).toThrow(
      'unsigned width must be an integer from 1 to 31, not 32',
    );
    expect(() => intQuantizer({ shift: 0, width: 0, signed: false })).toThrow(
      'unsigned width must be an integer from 1 to 31, not 0',
    );
    expect(() => intQuantizer({ shift: 0, width: 8, signed: 'yes' as unknown as boolean })).toThrow(
      'signed must be true or false, not "yes"',
    );
    expect(() =>
      intQuantizer({ shift: 0, width: 8, signed: true, overflow: 'CLIP' as 'SAT' }),
    ).toThrow('overflow must be one of WRAP, SAT, SAT_ZERO, SAT_SYM, not "CLIP"');
    expect(() =>
      quantizeInt32Array(
        new Int32Array(4),
        intQuantizer({ shift: 0, width: 8, signed: true }),
        new Int32Array(3),
      ),
    ).toThrow('output array must hold at least 4 elements, not 3');
  });

  it('defaults to TRN and WRAP', () => {
    const q = intQuantizer({ shift: 4, width: 8, signed: true });
    expect([q.rounding, q.overflow]).toEqual(['TRN', 'WRAP']);
    expect(q.from.toString()).toBe('ac_fixed<32,28,true>');
    expect(q.to.toString()).toBe('ac_fixed<8,8,true>');
  });
});
