import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FixedFormat } from '../../src/bits/format.js';
import { describeValueRange, parseFormat } from '../../src/bits/format-text.js';
import { RUNS } from './arbitraries.js';
import { codeRange, frac } from './golden.js';

describe('FixedFormat', () => {
  it('derives fraction bits and raw bounds from ac_fixed<W, I, S>', () => {
    // Golden bounds from the definition of W-bit two's complement / unsigned binary.
    let cases = 0;
    for (let w = 1; w <= 64; w++)
      for (const signed of [true, false])
        for (const i of [-70, -1, 0, 1, w, w + 5, 200]) {
          const f = new FixedFormat(w, i, signed);
          const { lo, hi } = codeRange({ width: w, intBits: i, signed });
          expect([f.minRaw, f.maxRaw, f.fracBits]).toEqual([
            lo,
            hi,
            frac({ width: w, intBits: i, signed }),
          ]);
          cases++;
        }
    expect(cases).toBe(64 * 2 * 7);
  });

  it('defaults to signed, like ac_fixed', () => {
    expect(new FixedFormat(8, 4).signed).toBe(true);
    expect(FixedFormat.int(8).equals(new FixedFormat(8, 8, true))).toBe(true);
    expect(FixedFormat.int(8, false).toString()).toBe('ac_fixed<8,8,false>');
  });

  it('prints the ac_fixed spelling', () => {
    expect(String(new FixedFormat(8, 4, true))).toBe('ac_fixed<8,4,true>');
    expect(String(new FixedFormat(8, -2, false))).toBe('ac_fixed<8,-2,false>');
    expect(String(new FixedFormat(4, 12, true))).toBe('ac_fixed<4,12,true>');
  });

  it('is immutable', () => {
    const f = new FixedFormat(8, 4);
    expect(Object.isFrozen(f)).toBe(true);
  });

  it('knows which formats contain which (checked against every value up to 6 bits)', () => {
    // Golden: inner is contained when every inner value, as a rational, is a value of outer.
    const specs = [];
    for (let w = 1; w <= 6; w++)
      for (const signed of [true, false])
        for (const i of [-1, 0, 2, w, w + 2]) specs.push({ width: w, intBits: i, signed });
    let pairs = 0;
    for (const a of specs)
      for (const b of specs) {
        const fa = new FixedFormat(a.width, a.intBits, a.signed);
        const fb = new FixedFormat(b.width, b.intBits, b.signed);
        const ra = codeRange(a);
        const rb = codeRange(b);
        let all = true;
        for (let c = rb.lo; c <= rb.hi && all; c++) {
          // c * 2^-Fb = k * 2^-Fa for an integer k in range?
          const fa_ = frac(a);
          const fb_ = frac(b);
          const num = fa_ >= fb_ ? c * 2n ** BigInt(fa_ - fb_) : c;
          const den = fa_ >= fb_ ? 1n : 2n ** BigInt(fb_ - fa_);
          all = num % den === 0n && num / den >= ra.lo && num / den <= ra.hi;
        }
        expect(fa.contains(fb)).toBe(all);
        pairs++;
      }
    expect(pairs).toBe(60 * 60);
  });
});

describe('parseFormat', () => {
  it('reads every spelling', () => {
    const rows: [string, number, number, boolean][] = [
      ['ac_fixed<8,4,true>', 8, 4, true],
      ['ac_fixed< 8 , -2 , false >', 8, -2, false],
      ['ac_fixed<4,12,true>', 4, 12, true],
      ['ac_int<8,false>', 8, 8, false],
      ['s4.4', 8, 4, true],
      ['u0.8', 8, 0, false],
      ['s8', 8, 8, true],
      ['u1', 1, 1, false],
      [' s16.16 ', 32, 16, true],
    ];
    for (const [text, w, i, signed] of rows) {
      expect(parseFormat(text).equals(new FixedFormat(w, i, signed))).toBe(true);
    }
  });

  it('round-trips toString for every format (property)', () => {
    let runs = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: -65536, max: 65536 }),
        fc.boolean(),
        (w, i, signed) => {
          runs++;
          const f = new FixedFormat(w, i, signed);
          expect(parseFormat(f.toString()).equals(f)).toBe(true);
          expect(parseFormat(f.toString()).toString()).toBe(f.toString());
        },
      ),
      { numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
  });

  it('names the field and the input in messages', () => {
    expect(() => parseFormat('q4.4', '--format')).toThrow(
      '--format must be ac_fixed<W,I,S>, ac_int<W,S>, s<I>.<F> or u<I>.<F> (for example s4.4), not "q4.4"',
    );
    expect(() => parseFormat(8)).toThrow(
      'format must be ac_fixed<W,I,S>, ac_int<W,S>, s<I>.<F> or u<I>.<F> (for example s4.4), not 8',
    );
    expect(() => parseFormat('s0.0', '--format')).toThrow(
      '--format width must be an integer from 1 to 4096, not 0',
    );
    expect(() => parseFormat('ac_fixed<8,70000,true>')).toThrow(
      'format integer bits must be an integer from -65536 to 65536, not 70000',
    );
    expect(() => parseFormat('ac_int<5000,true>')).toThrow(
      'format width must be an integer from 1 to 4096, not 5000',
    );
  });
});

describe('FixedFormat, bad parts', () => {
  it('names the part, the bounds and the value', () => {
    expect(() => new FixedFormat(0, 0)).toThrow('width must be an integer from 1 to 4096, not 0');
    expect(() => new FixedFormat(4097, 0)).toThrow(
      'width must be an integer from 1 to 4096, not 4097',
    );
    expect(() => new FixedFormat(8.5, 0)).toThrow(
      'width must be an integer from 1 to 4096, not 8.5',
    );
    expect(() => new FixedFormat(Number.NaN, 0)).toThrow(
      'width must be an integer from 1 to 4096, not NaN',
    );
    expect(() => new FixedFormat('8' as unknown as number, 0)).toThrow(
      'width must be an integer from 1 to 4096, not "8"',
    );
    expect(() => new FixedFormat(8, 65537)).toThrow(
      'integer bits must be an integer from -65536 to 65536, not 65537',
    );
    expect(() => new FixedFormat(8, 0.5)).toThrow(
      'integer bits must be an integer from -65536 to 65536, not 0.5',
    );
    expect(() => new FixedFormat(8, 4, 1 as unknown as boolean)).toThrow(
      'signed must be true or false, not 1',
    );
    expect(() => FixedFormat.int(-3)).toThrow('width must be an integer from 1 to 4096, not -3');
  });
});

describe('range descriptions', () => {
  it('are decimal for ordinary formats and powers of two for wide ones', () => {
    expect(describeValueRange(new FixedFormat(8, 4))).toBe('-8 to 7.9375');
    expect(describeValueRange(new FixedFormat(8, 0, false))).toBe('0 to 0.99609375');
    expect(describeValueRange(new FixedFormat(100, 4))).toBe('-2^3 to 2^3-2^-96');
    expect(describeValueRange(new FixedFormat(100, 4, false))).toBe('0 to 2^4-2^-96');
  });
});
