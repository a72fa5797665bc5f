import fc from 'fast-check';
import { FixedFormat } from '../../src/bits/format.js';
import { OVERFLOWS, ROUNDINGS, type Spec } from './golden.js';

/** A FixedFormat from a golden spec. */
export function fmt(s: Spec): FixedFormat {
  return new FixedFormat(s.width, s.intBits, s.signed);
}

/** A spec from a FixedFormat (for the golden model). */
export function spec(f: FixedFormat): Spec {
  return { width: f.width, intBits: f.intBits, signed: f.signed };
}

/** Shorthand for test tables: s(8, 4) = signed ac_fixed<8,4>, u(8, 4) unsigned. */
export const s = (width: number, intBits: number): Spec => ({ width, intBits, signed: true });
export const u = (width: number, intBits: number): Spec => ({ width, intBits, signed: false });

/** Formats of 16 to 256 bits, I from 40 below 0 to 40 above W (so I < 0 and I > W occur). */
export const wideSpec = (minWidth = 16, maxWidth = 256): fc.Arbitrary<Spec> =>
  fc
    .record({ width: fc.integer({ min: minWidth, max: maxWidth }), signed: fc.boolean() })
    .chain(({ width, signed }) =>
      fc.integer({ min: -40, max: width + 40 }).map((intBits) => ({ width, intBits, signed })),
    );

/** A raw value of a spec, biased toward the extremes by fast-check's bigInt. */
export function codeOf(s: Spec): fc.Arbitrary<bigint> {
  const n = 1n << BigInt(s.width);
  return s.signed
    ? fc.bigInt({ min: -(n / 2n), max: n / 2n - 1n })
    : fc.bigInt({ min: 0n, max: n - 1n });
}

/** A spec together with one of its raw values. */
export const wideValue = (
  minWidth = 16,
  maxWidth = 256,
): fc.Arbitrary<{ spec: Spec; code: bigint }> =>
  wideSpec(minWidth, maxWidth).chain((sp) => codeOf(sp).map((code) => ({ spec: sp, code })));

export const rounding = fc.constantFrom(...ROUNDINGS);
export const overflow = fc.constantFrom(...OVERFLOWS);

/** Runs per property: enough to reach the corners fast-check biases toward, quick on 2 cores. */
export const RUNS = 300;
