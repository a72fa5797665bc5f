import { type IntQuantizer, type IntQuantizerSpec, intQuantizer } from './fast.js';
import type { RoundingMode } from './modes.js';

/**
 * The fast path on doubles, for values that are not int32 raw values: real numbers quantized
 * to integer codes (weights, activations, requantization constants) and exact integers up to
 * 2^53 shifted right (requantization sums). Plain numbers, no bigint, no allocation; the
 * property tests hold every function to the bigint `quantizeNumber` / `quantize`:
 *
 *   roundToInteger(x, mode)  === Number(quantizeNumber(x, ac_int<W, true>, { rounding: mode }).value)
 *                               for any finite x and a W that holds the result
 *   quantizeDouble(x, q)     === Number(quantizeNumber(x, q.to, q).value)
 *   floorShift(x, shift)     === Number(BigInt(x) >> BigInt(shift))   (x << -shift when shift < 0)
 *
 * Rounding reads the magnitude a = |x|: with f = floor(a) and rest = a - f (exact: f and a
 * share a's binade or f = 0), each mode adds 0 or 1 to f, then the sign comes back. Working on
 * the magnitude keeps `rest` exact for -1 < x < 0, where x - floor(x) = x + 1 would round.
 * RND and TRN, the modes of inner loops, take a branch-free path instead.
 */

/** Rounds a number to an integer by an ac_fixed rounding mode; ±Infinity and NaN pass through. */
export function roundToInteger(x: number, mode: RoundingMode): number {
  // The modes inner loops use, without a branch on the data (a mispredicted branch per
  // element costs more than the rounding): x - floor(x) is exact except for -1 < x < 0, and
  // there the rounded x + 1 compares with 0.5 as the exact one does (rounding is monotone and
  // 0.5 is a double). `+ 0` and `+ +(...)` never leave -0.
  if (mode === 'RND') {
    const fl = Math.floor(x);
    return fl + +(x - fl >= 0.5);
  }
  if (mode === 'TRN') return Math.floor(x) + 0;
  // Stryker disable next-line EqualityOperator: x <= 0 differs only at x = ±0, where both signs give 0
  const negative = x < 0;
  const a = negative ? -x : x;
  const f = Math.floor(a);
  const rest = a - f;
  let up: boolean;
  switch (mode) {
    // Stryker disable next-line StringLiteral: an unmatched mode leaves `up` undefined: no step, as here
    case 'TRN_ZERO':
      up = false;
      break;
    case 'RND_ZERO':
      up = rest > 0.5;
      break;
    case 'RND_INF':
      up = rest >= 0.5;
      break;
    case 'RND_MIN_INF':
      up = negative ? rest >= 0.5 : rest > 0.5;
      break;
    case 'RND_CONV':
      up = rest > 0.5 || (rest === 0.5 && f % 2 === 1);
      break;
    case 'RND_CONV_ODD':
      up = rest > 0.5 || (rest === 0.5 && f % 2 === 0);
      break;
  }
  const m = up ? f + 1 : f;
  // Integers here are never -0: 0 - m, not -m, and m + 0 turns floor(-0) = -0 into 0.
  return negative ? 0 - m : m + 0;
}

/** An `IntQuantizer` without the input shift: doubles carry their own binary point. */
export type DoubleQuantizer = IntQuantizer & { readonly shift: 0 };

/** Validates a spec (as `intQuantizer` does) for `quantizeDouble`. */
export function doubleQuantizer(spec: Omit<IntQuantizerSpec, 'shift'>): DoubleQuantizer {
  return intQuantizer({ ...spec, shift: 0 }) as DoubleQuantizer;
}

/**
 * Quantizes a real number x into the integer format `q.to`: rounding, then overflow. x must be
 * finite (not checked: this runs in loops; NaN comes out NaN, or 0 under WRAP and SAT_ZERO).
 */
export function quantizeDouble(x: number, q: DoubleQuantizer): number {
  const r = roundToInteger(x, q.rounding);
  // ToInt32 inside `<<` reduces any integer-valued double modulo 2^32 exactly.
  if (q.overflowCode === 0) return ((r << q.wrapShift) >> q.wrapShift) & q.wrapMask;
  if (q.overflowCode === 2) return r >= q.keepLo && r <= q.keepHi ? r : 0;
  // Stryker disable next-line EqualityOperator: r <= keepLo also returns keepLo when r = keepLo
  return r < q.keepLo ? q.keepLo : Math.min(r, q.keepHi);
}

/** Largest |shift| with 2^shift a normal double. */
const MAX_EXPONENT = 1022;
/** POW2[MAX_EXPONENT + k] = 2^k: a lookup instead of a power in inner loops. */
const POW2 = Float64Array.from({ length: 2 * MAX_EXPONENT + 1 }, (_, i) => 2 ** (i - MAX_EXPONENT));

/**
 * floor(x / 2^shift) for an integer x with |x| <= 2^53: TRN of x read with `shift` fraction
 * bits, the right shift of a requantization (a left shift by -shift when shift < 0; shift
 * >= -1022). Exact: scaling by a normal power of two only moves the binary point, and for
 * shift <= 1022 the scaled nonzero value stays a normal double. Not checked (inner loops).
 */
export function floorShift(x: number, shift: number): number {
  // 2^shift > 2^53 >= |x|: the quotient lies in (-1, 1).
  // Stryker disable next-line EqualityOperator: at shift = 1022 the product below also lies in (-1, 1)
  if (shift > MAX_EXPONENT) {
    return x < 0 ? -1 : 0;
  }
  return Math.floor(x * POW2[MAX_EXPONENT - shift]);
}
