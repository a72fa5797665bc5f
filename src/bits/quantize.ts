import type { FixedFormat } from './format.js';
import {
  checkOverflow,
  checkRounding,
  DEFAULT_OVERFLOW,
  DEFAULT_ROUNDING,
  type OverflowMode,
  type RoundingMode,
} from './modes.js';
import { checkRaw, wrapBigInt } from './raw.js';
import { roundShift } from './rounding.js';

/** How `quantize` loses information. Defaults: TRN + WRAP, a plain two's-complement datapath. */
export interface QuantizeOptions {
  readonly rounding?: RoundingMode;
  readonly overflow?: OverflowMode;
}

export interface QuantizeResult {
  /** Raw value in the target format. */
  readonly value: bigint;
  /** Nonzero bits below the target LSB were dropped (the rounding step lost information). */
  readonly rounded: boolean;
  /**
   * The rounded value lay outside the range the overflow mode keeps, so overflow handling
   * replaced it. That range is the format's [min, max], except SAT_SYM on a signed format,
   * which keeps [-max, max]: there -2^(W-1) counts as an overflow and becomes -max.
   */
  readonly overflowed: boolean;
}

/**
 * The one lossy operation: re-encodes `value` (a raw value of `from`) in `to`, as an
 * ac_fixed assignment `ac_fixed<to, Q, O> y = x` does. First the fraction bits are aligned:
 * extra ones are dropped and rounded by `rounding` (which may carry one past the top, e.g.
 * 7.96875 -> 8.0 in Q4.4 with RND), missing ones are appended as zeros; then a result outside
 * the target range is handled by `overflow`. Cost: O(W) bigint work.
 *
 * Throws InputError when `value` is not a raw value of `from` or a mode is unknown.
 */
export function quantize(
  value: bigint,
  from: FixedFormat,
  to: FixedFormat,
  options: QuantizeOptions = {},
): QuantizeResult {
  checkRaw(value, from, 'value');
  const rounding =
    options.rounding === undefined ? DEFAULT_ROUNDING : checkRounding(options.rounding);
  const overflow =
    options.overflow === undefined ? DEFAULT_OVERFLOW : checkOverflow(options.overflow);
  return requantize(value, from.fracBits - to.fracBits, to, rounding, overflow);
}

/**
 * `quantize` without the checks, for callers that hold a value known to be exact (such as a
 * decoded double): drops `drop` fraction bits (appends -drop zero bits when negative), then
 * rounds and handles overflow into `to`.
 */
export function requantize(
  value: bigint,
  drop: number,
  to: FixedFormat,
  rounding: RoundingMode,
  overflow: OverflowMode,
): QuantizeResult {
  let q = value;
  let rounded = false;
  if (drop > 0) {
    const r = roundShift(value, drop, rounding);
    q = r.quotient;
    rounded = r.inexact;
  } else if (drop < 0) {
    q = value << BigInt(-drop);
  }
  const hi = to.maxRaw;
  const keepLo = overflow === 'SAT_SYM' && to.signed ? -hi : to.minRaw;
  if (q >= keepLo && q <= hi) return { value: q, rounded, overflowed: false };
  let out: bigint;
  switch (overflow) {
    case 'WRAP':
      out = wrapBigInt(q, to.width, to.signed);
      break;
    case 'SAT':
    case 'SAT_SYM':
      out = q < keepLo ? keepLo : hi;
      break;
    case 'SAT_ZERO':
      out = 0n;
      break;
  }
  return { value: out, rounded, overflowed: true };
}
