import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abs,
  absDiff,
  add,
  extend,
  mul,
  neg,
  shiftLeft,
  shiftRight,
  sub,
  widen,
} from '../../src/bits/arith.js';
import type { FixedFormat } from '../../src/bits/format.js';
import type { Fixed } from '../../src/bits/raw.js';
import { fmt, RUNS, s, spec, u, wideValue } from './arbitraries.js';
import {
  allCodes,
  codeRange,
  frac,
  type Rat,
  ratAbs,
  ratAdd,
  ratEq,
  ratMul,
  ratNeg,
  ratOf,
  type Spec,
} from './golden.js';

/**
 * Result formats restated from ac_fixed's `rt` and `rt_unary` templates (plus, minus, mult,
 * neg); abs and absDiff are checked for being exact and tight by the exhaustive sweep instead.
 */
function acPlusInt(a: Spec, b: Spec): number {
  return (
    Math.max(
      a.intBits + (b.signed && !a.signed ? 1 : 0),
      b.intBits + (a.signed && !b.signed ? 1 : 0),
    ) + 1
  );
}
const expectedFormat = {
  add: (a: Spec, b: Spec): Spec => {
    const i = acPlusInt(a, b);
    return { width: i + Math.max(frac(a), frac(b)), intBits: i, signed: a.signed || b.signed };
  },
  sub: (a: Spec, b: Spec): Spec => {
    const i = acPlusInt(a, b);
    return { width: i + Math.max(frac(a), frac(b)), intBits: i, signed: true };
  },
  mul: (a: Spec, b: Spec): Spec => ({
    width: a.width + b.width,
    intBits: a.intBits + b.intBits,
    signed: a.signed || b.signed,
  }),
  neg: (a: Spec): Spec => ({ width: a.width + 1, intBits: a.intBits + 1, signed: true }),
};

type BinaryOp = 'add' | 'sub' | 'mul' | 'absDiff';
const BINARY: Record<BinaryOp, [(a: Fixed, b: Fixed) => Fixed, (a: Rat, b: Rat) => Rat]> = {
  add: [add, ratAdd],
  sub: [sub, (a, b) => ratAdd(a, ratNeg(b))],
  mul: [mul, ratMul],
  absDiff: [absDiff, (a, b) => ratAbs(ratAdd(a, ratNeg(b)))],
};

/** Exact value, raw inside its format, and (add/sub/mul) the ac_fixed result format. */
function resultProblem(got: Fixed, want: Rat, format?: Spec): string | undefined {
  const { lo, hi } = codeRange(spec(got.format));
  if (got.raw < lo || got.raw > hi) return `raw ${got.raw} outside ${got.format}`;
  if (!ratEq(ratOf(got.raw, got.format.fracBits), want)) return `value ${got.raw} in ${got.format}`;
  if (format && !fmt(format).equals(got.format)) return `format ${got.format}`;
  return undefined;
}

const PAIRS: readonly [string, Spec, Spec][] = [
  ['Q4.4 and Q4.4', s(8, 4), s(8, 4)],
  ['unsigned and signed integers', u(8, 8), s(8, 8)],
  ['Q4.4 and unsigned Q1.5', s(8, 4), u(6, 1)],
  ['I < 0 and unsigned I > W', s(8, -2), u(5, 9)],
  ['one-bit formats', u(1, 0), s(1, 1)],
  ['I > W and pure fraction', s(3, 5), s(7, 0)],
  ['unsigned Q3.5 twice', u(8, 3), u(8, 3)],
  ['one-bit I < 0 and unsigned integer', s(1, -3), u(8, 8)],
];

/**
 * Width a nonnegative maximum needs as an unsigned number (for tightness of abs, absDiff).
 */
function bitsOf(max: bigint): number {
  let w = 1;
  while (max >= 1n << BigInt(w)) w++;
  return w;
}

describe('arithmetic, exhaustive over every pair of values up to 8 bits', () => {
  let cases = 0;

  it.each(PAIRS)('%s', (_name, sa, sb) => {
    const fa = fmt(sa);
    const fb = fmt(sb);
    const problems: string[] = [];
    const largest: Record<BinaryOp, bigint> = { add: 0n, sub: 0n, mul: 0n, absDiff: 0n };
    let absDiffFormat: FixedFormat | undefined;
    for (const ra of allCodes(sa)) {
      const a = { raw: ra, format: fa };
      const va = ratOf(ra, frac(sa));
      for (const rb of allCodes(sb)) {
        const b = { raw: rb, format: fb };
        const vb = ratOf(rb, frac(sb));
        for (const op of Object.keys(BINARY) as BinaryOp[]) {
          const [impl, golden] = BINARY[op];
          const got = impl(a, b);
          cases++;
          const problem = resultProblem(
            got,
            golden(va, vb),
            op === 'absDiff' ? undefined : expectedFormat[op](sa, sb),
          );
          if (problem && problems.length < 5) problems.push(`${op}(${ra}, ${rb}): ${problem}`);
          if (got.raw > largest[op]) largest[op] = got.raw;
          if (op === 'absDiff') absDiffFormat = got.format;
        }
      }
    }
    expect(problems).toEqual([]);
    // absDiff's unsigned format is tight: the largest |a - b| needs every one of its bits.
    expect(absDiffFormat?.signed).toBe(false);
    expect(bitsOf(largest.absDiff)).toBe(absDiffFormat?.width);
  });

  it.each(PAIRS)('neg and abs of every value of the first format of %s', (_name, sa) => {
    const fa = fmt(sa);
    const problems: string[] = [];
    let largestAbs = 0n;
    for (const ra of allCodes(sa)) {
      const a = { raw: ra, format: fa };
      const va = ratOf(ra, frac(sa));
      const n = neg(a);
      const m = abs(a);
      cases += 2;
      const p =
        resultProblem(n, ratNeg(va), expectedFormat.neg(sa)) ?? resultProblem(m, ratAbs(va));
      if (p && problems.length < 5) problems.push(`${ra}: ${p}`);
      if (m.raw > largestAbs) largestAbs = m.raw;
      expect(m.format.signed).toBe(false);
      expect(m.format.fracBits).toBe(fa.fracBits);
    }
    expect(problems).toEqual([]);
    expect(bitsOf(largestAbs)).toBe(abs({ raw: 0n, format: fa }).format.width);
  });

  it('checked every case', () => {
    // Binary: 4 ops x |A| x |B| = 4 x (3 x 256^2 + 256 x 64 + 256 x 32 + 2 x 2 + 8 x 128 + 2 x 256);
    // unary: 2 ops x |A| = 2 x (5 x 256 + 2 + 8 + 2).
    const binary = PAIRS.reduce((n, [, a, b]) => n + 4 * 2 ** a.width * 2 ** b.width, 0);
    const unary = PAIRS.reduce((n, [, a]) => n + 2 * 2 ** a.width, 0);
    expect(cases).toBe(binary + unary);
    expect(cases).toBe(893_480);
  });
});

describe('arithmetic, properties on 16 to 256 bits against BigInt rationals', () => {
  let runs = 0;
  const pair = fc.tuple(wideValue(), wideValue());

  it.each(Object.keys(BINARY) as BinaryOp[])('%s', (op) => {
    const [impl, golden] = BINARY[op];
    fc.assert(
      fc.property(pair, ([a, b]) => {
        runs++;
        const got = impl(
          { raw: a.code, format: fmt(a.spec) },
          { raw: b.code, format: fmt(b.spec) },
        );
        const want = golden(ratOf(a.code, frac(a.spec)), ratOf(b.code, frac(b.spec)));
        const format = op === 'absDiff' ? undefined : expectedFormat[op](a.spec, b.spec);
        expect(resultProblem(got, want, format)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('neg and abs', () => {
    fc.assert(
      fc.property(wideValue(), (a) => {
        runs++;
        const x = { raw: a.code, format: fmt(a.spec) };
        const v = ratOf(a.code, frac(a.spec));
        expect(resultProblem(neg(x), ratNeg(v), expectedFormat.neg(a.spec))).toBeUndefined();
        expect(resultProblem(abs(x), ratAbs(v))).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('shifts multiply by 2^n without touching the bits', () => {
    fc.assert(
      fc.property(wideValue(), fc.integer({ min: 0, max: 300 }), (a, n) => {
        runs++;
        const x = { raw: a.code, format: fmt(a.spec) };
        const v = ratOf(a.code, frac(a.spec));
        const p = ratOf(1n, -n); // 2^n
        const left = shiftLeft(x, n);
        const right = shiftRight(x, n);
        expect(left.raw).toBe(a.code);
        expect(right.raw).toBe(a.code);
        expect(ratEq(ratOf(left.raw, left.format.fracBits), ratMul(v, p))).toBe(true);
        expect(ratEq(ratMul(ratOf(right.raw, right.format.fracBits), p), v)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('extension keeps the value and the low bits; the new high bits copy the sign or are 0', () => {
    fc.assert(
      fc.property(wideValue(), fc.integer({ min: 0, max: 200 }), (a, more) => {
        runs++;
        const x = { raw: a.code, format: fmt(a.spec) };
        const e = extend(x, a.spec.width + more);
        expect(e.format.fracBits).toBe(x.format.fracBits);
        expect(e.format.width).toBe(a.spec.width + more);
        // Golden pattern: the W-bit pattern, then `more` copies of bit W-1 (signed) or zeros.
        const low =
          ((a.code % (1n << BigInt(a.spec.width))) + (1n << BigInt(a.spec.width))) %
          (1n << BigInt(a.spec.width));
        const top =
          a.spec.signed && a.code < 0n ? ((1n << BigInt(more)) - 1n) << BigInt(a.spec.width) : 0n;
        const eWidth = BigInt(a.spec.width + more);
        const pattern = ((e.raw % (1n << eWidth)) + (1n << eWidth)) % (1n << eWidth);
        expect(pattern).toBe(top | low);
      }),
      { numRuns: RUNS },
    );
  });

  it('widen re-encodes exactly into every containing format', () => {
    fc.assert(
      fc.property(
        wideValue(16, 200),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (a, moreInt, moreFrac) => {
          runs++;
          const from = fmt(a.spec);
          const toSpec = {
            width: a.spec.width + moreInt + moreFrac + (a.spec.signed ? 0 : 1),
            intBits: a.spec.intBits + moreInt + (a.spec.signed ? 0 : 1),
            signed: true,
          };
          const w = widen({ raw: a.code, format: from }, fmt(toSpec));
          expect(ratEq(ratOf(w.raw, frac(toSpec)), ratOf(a.code, frac(a.spec)))).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('ran every property', () => {
    expect(runs).toBe(8 * RUNS);
  });
});

describe('arithmetic, bad input', () => {
  const q44 = fmt(s(8, 4));
  const big = fmt(s(4096, 0));
  it('rejects out-of-range operands, naming them', () => {
    expect(() => add({ raw: 0n, format: q44 }, { raw: 300n, format: q44 })).toThrow(
      'operand b must be a bigint from -128 to 127 for ac_fixed<8,4,true>, not 300n',
    );
    expect(() => neg({ raw: -129n, format: q44 })).toThrow(
      'operand a must be a bigint from -128 to 127 for ac_fixed<8,4,true>, not -129n',
    );
  });
  it('rejects results wider than 4096 bits', () => {
    expect(() => mul({ raw: 1n, format: big }, { raw: 1n, format: q44 })).toThrow(
      'mul result width must be at most 4096, not 4104',
    );
    expect(() => add({ raw: 1n, format: big }, { raw: 1n, format: big })).toThrow(
      'add result width must be at most 4096, not 4097',
    );
    expect(() => abs({ raw: -(1n << 4095n), format: big })).not.toThrow();
    expect(() => neg({ raw: 0n, format: big })).toThrow(
      'neg result width must be at most 4096, not 4097',
    );
  });
  it('rejects bad shifts and extensions', () => {
    expect(() => shiftLeft({ raw: 1n, format: q44 }, -1)).toThrow(
      'shift must be a non-negative integer, not -1',
    );
    expect(() => shiftRight({ raw: 1n, format: q44 }, 1.5)).toThrow(
      'shift must be a non-negative integer, not 1.5',
    );
    expect(() => shiftLeft({ raw: 1n, format: q44 }, 70000)).toThrow(
      'shiftLeft result integer bits must be from -65536 to 65536, not 70004',
    );
    expect(() => extend({ raw: 1n, format: q44 }, 7)).toThrow(
      'width must be an integer from 8 to 4096, not 7',
    );
    expect(() => widen({ raw: 1n, format: q44 }, fmt(s(8, 3)))).toThrow(
      'target format must hold every value of ac_fixed<8,4,true>, not ac_fixed<8,3,true>',
    );
    expect(() => widen({ raw: 1n, format: q44 }, fmt(u(9, 5)))).toThrow(
      'target format must hold every value of ac_fixed<8,4,true>, not ac_fixed<9,5,false>',
    );
  });
});
