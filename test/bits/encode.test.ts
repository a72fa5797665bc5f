import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBitString, toBinary, toHex } from '../../src/bits/bitstring.js';
import { FixedFormat } from '../../src/bits/format.js';
import { fromNumber, quantizeNumber, toNumber } from '../../src/bits/number.js';
import { checkRaw, fixed, fromPattern, toPattern } from '../../src/bits/raw.js';
import { fmt, overflow, RUNS, rounding, s, u, wideValue } from './arbitraries.js';
import {
  allCodes,
  frac,
  goldenQuantize,
  OVERFLOWS,
  ROUNDINGS,
  ratEq,
  ratOf,
  ratOfDouble,
  type Spec,
} from './golden.js';

/** Golden pattern: the code modulo 2^W, as a nonnegative number. */
function goldenPattern(code: bigint, width: number): bigint {
  const m = 1n << BigInt(width);
  return ((code % m) + m) % m;
}

/** Golden binary string: bit i is floor(pattern / 2^i) mod 2, printed MSB first. */
function goldenBinary(code: bigint, width: number): string {
  const p = goldenPattern(code, width);
  let out = '';
  for (let i = width - 1; i >= 0; i--) out += (p / 2n ** BigInt(i)) % 2n === 1n ? '1' : '0';
  return `0b${out}`;
}

/** Golden hex string: nibbles MSB first, ceil(W/4) of them. */
function goldenHex(code: bigint, width: number): string {
  const p = goldenPattern(code, width);
  let out = '';
  for (let i = Math.ceil(width / 4) - 1; i >= 0; i--)
    out += '0123456789abcdef'[Number((p >> BigInt(4 * i)) & 15n)];
  return `0x${out}`;
}

const SMALL: Spec[] = [];
for (let w = 1; w <= 8; w++)
  for (const signed of [true, false])
    for (const i of [-3, 0, 4, w, w + 3]) SMALL.push({ width: w, intBits: i, signed });
const SMALL_VALUES = SMALL.reduce((n, sp) => n + 2 ** sp.width, 0);

describe('encoders and decoders, exhaustive up to 8 bits', () => {
  let cases = 0;

  it('patterns, bit strings and numbers round-trip every value of 80 formats', () => {
    const problems: string[] = [];
    for (const sp of SMALL) {
      const f = fmt(sp);
      for (const code of allCodes(sp)) {
        cases++;
        const p = toPattern(code, f);
        const bin = toBinary(code, f);
        const hex = toHex(code, f);
        const x = toNumber(code, f);
        const ok =
          p === goldenPattern(code, sp.width) &&
          fromPattern(p, f) === code &&
          bin === goldenBinary(code, sp.width) &&
          hex === goldenHex(code, sp.width) &&
          fromBitString(bin, f) === code &&
          fromBitString(hex, f) === code &&
          // Shortened and separated spellings decode too.
          fromBitString(`0b${BigInt(bin).toString(2)}`, f) === code &&
          fromBitString(bin.replace(/(\d)(\d)/, '$1_$2'), f) === code &&
          ratEq(ratOfDouble(x), ratOf(code, frac(sp))) &&
          fromNumber(x, f) === code;
        if (!ok && problems.length < 5) problems.push(`${f} ${code}: ${p} ${bin} ${hex} ${x}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every W-bit pattern decodes to a value that encodes back to it', () => {
    for (const sp of SMALL) {
      const f = fmt(sp);
      for (let p = 0n; p < 1n << BigInt(sp.width); p++) {
        cases++;
        expect(toPattern(fromPattern(p, f), f)).toBe(p);
      }
    }
  });

  it('quantizeNumber matches the golden model on a grid of doubles in every mode', () => {
    // k/16 for k in -300..300 plus halfway points around them: ties, carries and overflow.
    const xs: number[] = [];
    for (let k = -300; k <= 300; k++) xs.push(k / 16, k / 16 + 1 / 64, (k + 0.5) / 16);
    const rats = xs.map(ratOfDouble);
    const targets = [s(8, 4), u(8, 4), s(5, 2), s(4, -1), u(3, 6), s(1, 1), u(1, 0)];
    const problems: string[] = [];
    for (const to of targets) {
      const f = fmt(to);
      xs.forEach((x, k) => {
        for (const r of ROUNDINGS)
          for (const o of OVERFLOWS) {
            cases++;
            const got = quantizeNumber(x, f, { rounding: r, overflow: o });
            const want = goldenQuantize(rats[k], to, r, o);
            const same =
              got.value === want.value &&
              got.rounded === want.rounded &&
              got.overflowed === want.overflowed;
            if (!same && problems.length < 5) problems.push(`${x} -> ${f} ${r} ${o}`);
          }
      });
    }
    expect(problems).toEqual([]);
  });

  it('checked every case', () => {
    expect(SMALL_VALUES).toBe(2 * 5 * (2 + 4 + 8 + 16 + 32 + 64 + 128 + 256));
    expect(cases).toBe(2 * SMALL_VALUES + 7 * 601 * 3 * 32);
    expect(cases).toBe(414_072);
  });
});

describe('encoders and decoders, properties on 16 to 256 bits', () => {
  let runs = 0;

  it('patterns and bit strings round-trip', () => {
    fc.assert(
      fc.property(wideValue(), ({ spec: sp, code }) => {
        runs++;
        const f = fmt(sp);
        expect(toPattern(code, f)).toBe(goldenPattern(code, sp.width));
        expect(fromPattern(toPattern(code, f), f)).toBe(code);
        expect(toBinary(code, f)).toBe(goldenBinary(code, sp.width));
        expect(toHex(code, f)).toBe(goldenHex(code, sp.width));
        expect(fromBitString(toBinary(code, f), f)).toBe(code);
        expect(fromBitString(toHex(code, f), f)).toBe(code);
      }),
      { numRuns: RUNS },
    );
  });

  it('toNumber is exact up to 53 bits and fromNumber inverts it', () => {
    fc.assert(
      fc.property(wideValue(16, 53), ({ spec: sp, code }) => {
        runs++;
        const f = fmt(sp);
        const x = toNumber(code, f);
        expect(ratEq(ratOfDouble(x), ratOf(code, frac(sp)))).toBe(true);
        expect(fromNumber(x, f)).toBe(code);
      }),
      { numRuns: RUNS },
    );
  });

  it('toNumber rounds wider values to the nearest double, ties to even', () => {
    // Golden: Number(bigint) rounds to nearest-even, and scaling by 2^-F is exact in the
    // normal range, which these formats stay in (|F| <= 296).
    fc.assert(
      fc.property(wideValue(54, 256), ({ spec: sp, code }) => {
        runs++;
        expect(toNumber(code, fmt(sp))).toBe(Number(code) * 2 ** -frac(sp));
      }),
      { numRuns: RUNS },
    );
  });

  it('every finite double survives ac_fixed<2101,1026,true> (holds them all)', () => {
    const all = new FixedFormat(2101, 1026, true);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        runs++;
        expect(toNumber(fromNumber(x, all), all)).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: RUNS },
    );
  });

  it('quantizeNumber matches the golden model for any double, format and mode', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 1, max: 256 }),
        fc.integer({ min: -1100, max: 1100 }),
        fc.boolean(),
        rounding,
        overflow,
        (x, width, intBits, signed, r, o) => {
          runs++;
          const to = { width, intBits, signed };
          expect(quantizeNumber(x, fmt(to), { rounding: r, overflow: o })).toEqual(
            goldenQuantize(ratOfDouble(x), to, r, o),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('ran every property', () => {
    expect(runs).toBe(5 * RUNS);
  });
});

describe('toNumber at the edges of the double range', () => {
  it('rounds below the smallest subnormal and overflows above the largest double', () => {
    // 2^-1075 is half the smallest subnormal: a tie, to even (0); 3 * 2^-1075 ties to 2^-1073.
    expect(toNumber(1n, new FixedFormat(4, -1071))).toBe(0);
    expect(toNumber(3n, new FixedFormat(4, -1071))).toBe(2 * Number.MIN_VALUE);
    expect(toNumber(-3n, new FixedFormat(4, -1071))).toBe(-2 * Number.MIN_VALUE);
    expect(toNumber(5n, new FixedFormat(4, -1071))).toBe(2 * Number.MIN_VALUE);
    expect(toNumber(1n, new FixedFormat(4, -1070))).toBe(Number.MIN_VALUE);
    // (2^53 - 1) * 2^971 is the largest double; 2^1024 is not a double.
    expect(toNumber((1n << 53n) - 1n, new FixedFormat(54, 1025))).toBe(Number.MAX_VALUE);
    expect(toNumber(-(1n << 53n), new FixedFormat(54, 1025))).toBe(Number.NEGATIVE_INFINITY);
    expect(toNumber(1n, new FixedFormat(2, 1027))).toBe(Number.POSITIVE_INFINITY);
    // 2^1024 - 2^970 is the midpoint above MAX_VALUE: ties to even overflow.
    const mid = ((1n << 54n) - 1n) << 970n;
    expect(toNumber(mid, FixedFormat.int(1026))).toBe(Number.POSITIVE_INFINITY);
    expect(toNumber(mid - 1n, FixedFormat.int(1026))).toBe(Number.MAX_VALUE);
  });

  it('documents signed Q4.4 with bit patterns', () => {
    const q44 = new FixedFormat(8, 4, true);
    const rows: [string, number][] = [
      ['0x00', 0],
      ['0x01', 0.0625],
      ['0x10', 1],
      ['0x7f', 7.9375],
      ['0x80', -8],
      ['0xff', -0.0625],
    ];
    for (const [hex, value] of rows) {
      expect(toNumber(fromBitString(hex, q44), q44)).toBe(value);
      expect(toHex(fromNumber(value, q44), q44)).toBe(hex);
    }
  });
});

describe('encoders and decoders, bad input', () => {
  const q44 = new FixedFormat(8, 4, true);
  const wide = new FixedFormat(100, 4, true);
  it('raw values', () => {
    expect(() => toPattern(128n, q44)).toThrow(
      'raw value must be a bigint from -128 to 127 for ac_fixed<8,4,true>, not 128n',
    );
    expect(() => fixed(5n, new FixedFormat(8, 4, false))).not.toThrow();
    expect(() => fixed(-1n, new FixedFormat(8, 4, false))).toThrow(
      'raw value must be a bigint from 0 to 255 for ac_fixed<8,4,false>, not -1n',
    );
    expect(() => checkRaw(1n << 99n, wide, 'accumulator')).toThrow(
      'accumulator must be a bigint from -2^99 to 2^99-1 for ac_fixed<100,4,true>, not 633825300114114700748351602688n',
    );
    expect(() => toNumber(0.5 as unknown as bigint, q44)).toThrow(
      'raw value must be a bigint from -128 to 127 for ac_fixed<8,4,true>, not 0.5',
    );
  });
  it('patterns', () => {
    expect(() => fromPattern(256n, q44)).toThrow(
      'pattern must be a bigint from 0 to 255 (8 bits), not 256n',
    );
    expect(() => fromPattern(-1n, q44)).toThrow(
      'pattern must be a bigint from 0 to 255 (8 bits), not -1n',
    );
    expect(() => fromPattern(255, q44)).toThrow(
      'pattern must be a bigint from 0 to 255 (8 bits), not 255',
    );
    expect(() => fromPattern(1n << 100n, wide)).toThrow(
      'pattern must be a bigint from 0 to 2^100-1 (100 bits), not 1267650600228229401496703205376n',
    );
  });
  it('bit strings', () => {
    const syntax =
      'bit string must be 0b followed by binary digits or 0x followed by hex digits, not ';
    expect(() => fromBitString('80', q44)).toThrow(`${syntax}"80"`);
    expect(() => fromBitString('0b102', q44)).toThrow(`${syntax}"0b102"`);
    expect(() => fromBitString('0x', q44)).toThrow(`${syntax}"0x"`);
    expect(() => fromBitString('0b_1', q44)).toThrow(`${syntax}"0b_1"`);
    expect(() => fromBitString('0x1__0', q44)).toThrow(`${syntax}"0x1__0"`);
    expect(() => fromBitString(' 0x10', q44)).toThrow(`${syntax}" 0x10"`);
    expect(() => fromBitString(16, q44)).toThrow(`${syntax}16`);
    expect(() => fromBitString('0x1ff', q44)).toThrow(
      'bit string must fit in 8 bits for ac_fixed<8,4,true>, not "0x1ff"',
    );
    expect(() => fromBitString('0b1_0000_0000', q44)).toThrow(
      'bit string must fit in 8 bits for ac_fixed<8,4,true>, not "0b1_0000_0000"',
    );
    expect(fromBitString('0x0ff', q44)).toBe(-1n);
  });
  it('numbers', () => {
    expect(() => fromNumber(Number.NaN, q44)).toThrow('value must be a finite number, not NaN');
    expect(() => fromNumber(Number.POSITIVE_INFINITY, q44)).toThrow(
      'value must be a finite number, not Infinity',
    );
    expect(() => quantizeNumber('1' as unknown as number, q44)).toThrow(
      'value must be a finite number, not "1"',
    );
    expect(() => fromNumber(0.03, q44)).toThrow(
      'value must be a multiple of 2^-4 for ac_fixed<8,4,true>, not 0.03',
    );
    expect(() => fromNumber(8, q44)).toThrow(
      'value must be from -8 to 7.9375 for ac_fixed<8,4,true>, not 8',
    );
    expect(() => fromNumber(-8.0625, q44)).toThrow(
      'value must be from -8 to 7.9375 for ac_fixed<8,4,true>, not -8.0625',
    );
    expect(() => fromNumber(16, wide)).toThrow(
      'value must be from -2^3 to 2^3-2^-96 for ac_fixed<100,4,true>, not 16',
    );
    expect(() => fromNumber(1, new FixedFormat(4, 6))).toThrow(
      'value must be a multiple of 2^2 for ac_fixed<4,6,true>, not 1',
    );
    expect(() => quantizeNumber(1, q44, { rounding: 'UP' as 'RND' })).toThrow(
      'rounding must be one of TRN, RND, TRN_ZERO, RND_ZERO, RND_INF, RND_MIN_INF, RND_CONV, RND_CONV_ODD, not "UP"',
    );
  });
});
