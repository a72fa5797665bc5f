import { InputError, show } from '../errors.js';
import { FixedFormat } from './format.js';
import {
  checkOverflow,
  checkRounding,
  DEFAULT_OVERFLOW,
  DEFAULT_ROUNDING,
  type OverflowMode,
  type RoundingMode,
} from './modes.js';

/**
 * The fast path for widths up to 32 bits: plain numbers and Int32Array, no bigint, no
 * allocation in the per-element functions. It computes exactly what the bigint `quantize`
 * does for int32 inputs (the property tests hold it to that):
 *
 *   quantizeInt(x, q) === quantize(BigInt(x), q.from, q.to, q).value
 *   with q.from = ac_fixed<32, 32 - shift, true>, q.to = ac_fixed<width, width, signed>
 *
 * Rounding is one branch-free formula. With floor = x >> shift and rest = x & (2^shift - 1):
 *   result = floor + ((rest + bias) >>> shift)
 *   bias = base + (signCoef if x < 0) + (parityCoef if floor is odd)
 * the two conditional terms being masks (`signCoef & (x >> 31)`), not branches or multiplies.
 * The increment is 1 exactly when rest + bias reaches 2^shift; rest + bias stays in
 * [0, 2^32), so `>>>` reads it exactly. half = 2^(shift-1):
 *
 * | mode         | base     | signCoef    | parityCoef | add 1 when                    |
 * |--------------|----------|-------------|------------|-------------------------------|
 * | TRN          | 0        | 0           | 0          | never                         |
 * | TRN_ZERO     | 0        | 2^shift - 1 | 0          | x < 0 and rest > 0            |
 * | RND          | half     | 0           | 0          | rest >= half                  |
 * | RND_MIN_INF  | half - 1 | 0           | 0          | rest > half                   |
 * | RND_ZERO     | half - 1 | 1           | 0          | rest > half, or tie and x < 0 |
 * | RND_INF      | half     | -1          | 0          | rest > half, or tie and x > 0 |
 * | RND_CONV     | half - 1 | 0           | 1          | rest > half, or tie and odd   |
 * | RND_CONV_ODD | half     | 0           | -1         | rest > half, or tie and even  |
 *
 * With shift = 0 every coefficient is 0 (nothing is dropped). After rounding the value lies
 * in [-2^(31-shift), 2^(31-shift)], an int32, so the overflow step can use 32-bit operations.
 */

/** What to compute: drop `shift` fraction bits, then fit `width` bits. */
export interface IntQuantizerSpec {
  /** Fraction bits dropped by the right shift, 0 to 31. */
  readonly shift: number;
  /** Result width: 1 to 32 signed, 1 to 31 unsigned (results must fit an Int32Array). */
  readonly width: number;
  readonly signed: boolean;
  /** Default TRN. */
  readonly rounding?: RoundingMode;
  /** Default WRAP. */
  readonly overflow?: OverflowMode;
}

/** A checked spec with its precomputed constants; build once with `intQuantizer`. */
export interface IntQuantizer {
  readonly shift: number;
  readonly width: number;
  readonly signed: boolean;
  readonly rounding: RoundingMode;
  readonly overflow: OverflowMode;
  /** The equivalent bigint formats: input ac_fixed<32, 32 - shift, true>, output int. */
  readonly from: FixedFormat;
  readonly to: FixedFormat;
  readonly mask: number;
  readonly base: number;
  readonly signCoef: number;
  readonly parityCoef: number;
  /** 0 = wrap, 1 = clamp to [keepLo, keepHi] (SAT, SAT_SYM), 2 = zero outside it. */
  readonly overflowCode: 0 | 1 | 2;
  readonly wrapShift: number;
  readonly wrapMask: number;
  readonly keepLo: number;
  readonly keepHi: number;
}

function checkInt(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`${field} must be an integer from ${min} to ${max}, not ${show(value)}`);
  }
  return value;
}

/** Validates a spec and precomputes its constants (the rounding table above). */
export function intQuantizer(spec: IntQuantizerSpec): IntQuantizer {
  if (typeof spec.signed !== 'boolean') {
    throw new InputError(`signed must be true or false, not ${show(spec.signed)}`);
  }
  const signed = spec.signed;
  const shift = checkInt('shift', spec.shift, 0, 31);
  const width = checkInt(signed ? 'width' : 'unsigned width', spec.width, 1, signed ? 32 : 31);
  const rounding = spec.rounding === undefined ? DEFAULT_ROUNDING : checkRounding(spec.rounding);
  const overflow = spec.overflow === undefined ? DEFAULT_OVERFLOW : checkOverflow(spec.overflow);
  const half = shift === 0 ? 0 : 2 ** (shift - 1);
  let base = 0;
  let signCoef = 0;
  let parityCoef = 0;
  if (shift > 0) {
    switch (rounding) {
      case 'TRN':
        break;
      case 'TRN_ZERO':
        signCoef = 2 ** shift - 1;
        break;
      case 'RND':
        base = half;
        break;
      case 'RND_MIN_INF':
        base = half - 1;
        break;
      case 'RND_ZERO':
        base = half - 1;
        signCoef = 1;
        break;
      case 'RND_INF':
        base = half;
        signCoef = -1;
        break;
      case 'RND_CONV':
        base = half - 1;
        parityCoef = 1;
        break;
      case 'RND_CONV_ODD':
        base = half;
        parityCoef = -1;
        break;
    }
  }
  const hi = signed ? 2 ** (width - 1) - 1 : 2 ** width - 1;
  const lo = signed ? -(2 ** (width - 1)) : 0;
  return Object.freeze({
    shift,
    width,
    signed,
    rounding,
    overflow,
    from: new FixedFormat(32, 32 - shift, true),
    to: FixedFormat.int(width, signed),
    mask: 2 ** shift - 1,
    base,
    signCoef,
    parityCoef,
    overflowCode: overflow === 'WRAP' ? 0 : overflow === 'SAT_ZERO' ? 2 : 1,
    wrapShift: 32 - width,
    // Sign-extending from `width` bits, then masking, gives the unsigned low bits.
    wrapMask: signed ? -1 : hi,
    // `| 0` turns -0 (W = 1, where max = 0) into 0: results are int32, never -0.
    keepLo: overflow === 'SAT_SYM' && signed ? -hi | 0 : lo,
    keepHi: hi,
  });
}

/**
 * Quantizes one int32 `x` (not checked: this runs in inner loops; a non-int32 x is first
 * wrapped to 32 bits by the shift operators).
 */
export function quantizeInt(x: number, q: IntQuantizer): number {
  const shift = q.shift;
  const floor = x >> shift;
  const bias = q.base + (q.signCoef & (x >> 31)) + (q.parityCoef & -(floor & 1));
  const r = floor + ((((x & q.mask) + bias) >>> shift) | 0);
  if (q.overflowCode === 0) return ((r << q.wrapShift) >> q.wrapShift) & q.wrapMask;
  if (r >= q.keepLo && r <= q.keepHi) return r;
  if (q.overflowCode === 2) return 0;
  return r < q.keepLo ? q.keepLo : q.keepHi;
}

/**
 * Quantizes every element of `src` into `dst` (default: in place; `dst` may be `src`, and must
 * be at least as long). Returns how many elements overflowed (left the range the overflow
 * mode keeps), so that counters stay exact. No allocation; one loop per overflow mode.
 */
export function quantizeInt32Array(
  src: Int32Array,
  q: IntQuantizer,
  dst: Int32Array = src,
): number {
  if (dst.length < src.length) {
    throw new InputError(
      `output array must hold at least ${src.length} elements, not ${dst.length}`,
    );
  }
  const { shift, mask, base, signCoef, parityCoef, wrapShift, wrapMask, keepLo, keepHi } = q;
  const n = src.length;
  let overflows = 0;
  // The rounding line is repeated in each loop so that no loop branches on the mode.
  if (q.overflowCode === 0) {
    for (let i = 0; i < n; i++) {
      const x = src[i];
      const fl = x >> shift;
      const r =
        fl +
        ((((x & mask) + base + (signCoef & (x >> 31)) + (parityCoef & -(fl & 1))) >>> shift) | 0);
      overflows += r < keepLo || r > keepHi ? 1 : 0;
      dst[i] = ((r << wrapShift) >> wrapShift) & wrapMask;
    }
  } else if (q.overflowCode === 1) {
    for (let i = 0; i < n; i++) {
      const x = src[i];
      const fl = x >> shift;
      const r =
        fl +
        ((((x & mask) + base + (signCoef & (x >> 31)) + (parityCoef & -(fl & 1))) >>> shift) | 0);
      // Requantized values are mostly in range: this branch predicts well.
      if (r >= keepLo && r <= keepHi) dst[i] = r;
      else {
        overflows++;
        dst[i] = r < keepLo ? keepLo : keepHi;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = src[i];
      const fl = x >> shift;
      const r =
        fl +
        ((((x & mask) + base + (signCoef & (x >> 31)) + (parityCoef & -(fl & 1))) >>> shift) | 0);
      if (r >= keepLo && r <= keepHi) dst[i] = r;
      else {
        overflows++;
        dst[i] = 0;
      }
    }
  }
  return overflows;
}

/**
 * x modulo 2^width, read as a two's complement (signed) or plain (unsigned) width-bit integer:
 * what a width-bit register keeps (WRAP). x: any integer number (a safe integer when
 * width > 32); width 1 to 53, and the result is a safe integer. Not checked (inner-loop
 * helper). Up to 32 bits the shifts do it: ToInt32 reduces any integer modulo 2^32 exactly.
 * Wider, floor division by the power of two is exact, and so is the difference.
 */
export function wrapInt(x: number, width: number, signed: boolean): number {
  if (width < 32 || (width === 32 && signed)) {
    const s = 32 - width;
    const w = (x << s) >> s;
    return signed ? w : w & (2 ** width - 1);
  }
  const span = 2 ** width;
  const low = x - Math.floor(x / span) * span;
  return signed && low >= span / 2 ? low - span : low;
}

/**
 * x clamped to the width-bit range (SAT): [-2^(width-1), 2^(width-1)-1] or [0, 2^width-1];
 * width 1 to 53.
 */
export function saturateInt(x: number, width: number, signed: boolean): number {
  const hi = signed ? 2 ** (width - 1) - 1 : 2 ** width - 1;
  const lo = signed ? -hi - 1 : 0;
  return Math.min(Math.max(x, lo), hi);
}

/**
 * x clamped to [lo, hi] (SAT onto a code range narrower than its format, such as an
 * activation's bounds fused with the format's range). NaN and -0 pass through. Not checked.
 */
export function clampInt(x: number, lo: number, hi: number): number {
  return x < lo ? lo : Math.min(x, hi);
}
