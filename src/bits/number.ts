import { InputError, show } from '../errors.js';
import type { FixedFormat } from './format.js';
import { describeStep, describeValueRange } from './format-text.js';
import { checkOverflow, checkRounding, DEFAULT_OVERFLOW, DEFAULT_ROUNDING } from './modes.js';
import { type QuantizeOptions, type QuantizeResult, requantize } from './quantize.js';
import { checkRaw } from './raw.js';
import { roundShift } from './rounding.js';

/**
 * JS numbers <-> raw values. Every finite double is a dyadic rational m * 2^e (|m| < 2^53,
 * -1074 <= e <= 971), so it converts without error into a wide enough format; into a given
 * format it is exact or goes through `quantize`. Back to a number the result is exact when
 * the value is a double, else the nearest double (ties to even, like `Number(bigint)`).
 * -0 encodes as 0, so it comes back as +0.
 */

const view = new DataView(new ArrayBuffer(8));

/** m * 2^e with m a signed integer, |m| < 2^53. */
function decompose(x: number): { m: bigint; e: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  // Normal numbers carry an implicit leading 1 (2^52); subnormals share the exponent of 2^-1022.
  if (biased !== 0) m |= 1n << 52n;
  const e = (biased === 0 ? 1 : biased) - 1075;
  return { m: hi >>> 31 ? -m : m, e };
}

function checkFinite(x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new InputError(`value must be a finite number, not ${show(x)}`);
  }
  return x;
}

/**
 * Converts a number into `format` through `quantize` (default TRN + WRAP): the only lossy
 * route in. `rounded` and `overflowed` tell what was lost.
 */
export function quantizeNumber(
  x: number,
  format: FixedFormat,
  options: QuantizeOptions = {},
): QuantizeResult {
  checkFinite(x);
  const rounding =
    options.rounding === undefined ? DEFAULT_ROUNDING : checkRounding(options.rounding);
  const overflow =
    options.overflow === undefined ? DEFAULT_OVERFLOW : checkOverflow(options.overflow);
  const { m, e } = decompose(x);
  // x = m * 2^e and the target LSB weighs 2^-F: drop (-e) - F fraction bits.
  return requantize(m, -e - format.fracBits, format, rounding, overflow);
}

/**
 * Converts a number exactly, or throws: it must be a multiple of the LSB weight and inside
 * the range. `value must be a multiple of 2^-4 for ac_fixed<8,4,true>, not 0.03`.
 */
export function fromNumber(x: number, format: FixedFormat): bigint {
  const r = quantizeNumber(x, format);
  if (r.rounded) {
    throw new InputError(
      `value must be a multiple of ${describeStep(format)} for ${format}, not ${show(x)}`,
    );
  }
  if (r.overflowed) {
    throw new InputError(
      `value must be from ${describeValueRange(format)} for ${format}, not ${show(x)}`,
    );
  }
  return r.value;
}

/** Smallest exponent of a double's LSB: subnormals are multiples of 2^-1074. */
const MIN_LSB = -1074;
/** Significand bits of a double. */
const SIGNIFICAND = 53;

/**
 * The real value raw * 2^-F as a number: exact when it is a double, else the nearest double
 * (ties to even; beyond the double range +-Infinity, below it +-0 or the nearest subnormal).
 */
export function toNumber(raw: bigint, format: FixedFormat): number {
  checkRaw(raw, format);
  if (raw === 0n) return 0;
  const negative = raw < 0n;
  const mag = negative ? -raw : raw;
  const f = format.fracBits;
  // The value's top bit weighs 2^top; a double keeps 53 bits below it, down to 2^-1074.
  const top = mag.toString(2).length - 1 - f;
  const lsb = Math.max(top - SIGNIFICAND + 1, MIN_LSB);
  const drop = lsb + f;
  let m = mag;
  let exp = -f;
  if (drop > 0) {
    m = roundShift(mag, drop, 'RND_CONV').quotient;
    exp = lsb;
  }
  // m < 2^54 and m * 2^exp is a double (or overflows to Infinity): scale in exact steps.
  const value = scaleByPowerOfTwo(Number(m), exp);
  return negative ? -value : value;
}

/**
 * m * 2^exp for an integer m <= 2^53 whose product is a double or overflows: each factor
 * 2^k with -1022 <= k <= 1023 is a normal double, and the steps go toward the result so no
 * intermediate rounds.
 */
function scaleByPowerOfTwo(m: number, exp: number): number {
  let x = m;
  let e = exp;
  while (e > 1023) {
    x *= 2 ** 1023;
    e -= 1023;
    if (x === Number.POSITIVE_INFINITY) return x;
  }
  if (e < -1022) {
    // m >= 1, so first bring m's top bit down to 2^0; the last step then lands exactly.
    const first = Math.max(e, -52);
    x *= 2 ** first;
    e -= first;
    while (e < -1022) {
      x *= 2 ** -1022;
      e += 1022;
    }
  }
  return x * 2 ** e;
}
