import { clampInt } from '../bits/fast.js';
import { floorShift, roundToInteger } from '../bits/fast-number.js';
import { roundNearest } from './widths.js';

/**
 * The step after an accumulator: BatchNorm, activation clamp and requantization to the next
 * layer's codes, as integer arithmetic. Its real-valued target, per channel, is the affine map
 *   v = slope·acc + offset   (in output code units)
 * and the ideal code is clamp(round(v), lo, hi). Two integer implementations:
 *
 * multiply-shift: code = clamp(floor((acc·M + B) / 2^S), lo, hi), S ≥ 0 (a left shift by −S
 *   when S < 0). M = round(slope·2^S) is a `mulBits`-wide signed integer (|M| ≤ 2^(mulBits−1) − 1,
 *   S as large as that allows, and S ≥ −63: a steeper slope is refused); B = round(offset·2^S) + 2^(S−1) folds the rounding half-LSB in,
 *   so the rounding costs nothing at run time. acc·M + B must fit `addBits` signed bits for every
 *   register value; when it would not, S is lowered (coarser M) until it does. A channel whose
 *   code is the same over the whole register range gets M = 0, B = that code.
 *   Cost per element: one mul (accBits × mulBits) and one add (addBits).
 * thresholds: code = lo + the number of thresholds crossed. With c_k = lo + k − 0.5 the k-th
 *   boundary (k = 1 .. levels − 1), slope > 0: crossed ⇔ acc ≥ T_k = ceil((c_k − offset)/slope);
 *   slope < 0: crossed ⇔ acc ≤ T_k = floor((c_k − offset)/slope); thresholds beyond the register
 *   range are clamped to one past it (never / always crossed). The T_k are monotone, so a binary
 *   search finds the code with ceil(log2 levels) comparisons of accBits-wide values.
 * A binary output (the sign of the BatchNorm output) is the thresholds case with one boundary
 * at v = 0.
 */

export interface MultiplyShift {
  readonly multiplier: number;
  readonly addend: number;
  readonly shift: number;
}

/** Largest |acc·M + B| the float64 evaluation handles exactly. */
const EXACT = 2 ** 52;

export function multiplyShiftFor(
  slope: number,
  offset: number,
  range: { lo: number; hi: number; accLo: number; accHi: number },
  mulBits: number,
  addBits: number,
): MultiplyShift {
  const { lo, hi, accLo, accHi } = range;
  // The real-valued target rounded to nearest, ties up (RND), as the thresholds place c_k.
  const ideal = (acc: number) => clampInt(roundToInteger(slope * acc + offset, 'RND'), lo, hi);
  const first = ideal(accLo);
  // The target is monotone in acc, so equal codes at both ends (always so for slope 0) mean a
  // constant channel.
  if (first === ideal(accHi)) return { multiplier: 0, addend: first, shift: 0 };
  const mMax = 2 ** (mulBits - 1) - 1;
  const limit = 2 ** (addBits - 1);
  if (limit > EXACT) throw new Error(`requantization adder of ${addBits} bits is too wide`);
  // With k = floor(log2(mMax/|slope|)), |slope|·2^(k+2) > 2·mMax ≥ mMax + 1 rounds past mMax, so
  // k + 1 is the largest shift whose multiplier can fit (it does when |slope|·2^(k+1) rounds
  // down to mMax): start there and lower S, skipping multipliers wider than mulBits.
  for (let shift = Math.floor(Math.log2(mMax / Math.abs(slope))) + 1; shift > -64; shift--) {
    const multiplier = roundNearest(slope * 2 ** shift);
    if (Math.abs(multiplier) > mMax) continue;
    if (multiplier === 0) break;
    const addend = roundNearest(offset * 2 ** shift) + (shift > 0 ? 2 ** (shift - 1) : 0);
    const ends = [accLo * multiplier + addend, accHi * multiplier + addend, addend];
    if (ends.every((e) => e >= -limit && e < limit)) return { multiplier, addend, shift };
  }
  // A slope too small for any multiplier the adder can take moves the real-valued output by less
  // than one code over the whole accumulator range, so only a rounding tie can make the ideal
  // codes differ: the constant code is then the best a multiply-shift can do.
  if (Math.abs(slope) * (accHi - accLo) < 1) return { multiplier: 0, addend: first, shift: 0 };
  throw new Error(
    `no multiply-shift of ${mulBits}-bit multiplier and ${addBits}-bit adder represents slope ${slope}, offset ${offset}`,
  );
}

/**
 * The integer multiply-shift: TRN of acc·M + B read with S fraction bits, then SAT to [lo, hi].
 * Exact for |acc·M + B| < 2^52 (checked when the node is built).
 */
export function applyMultiplyShift(acc: number, p: MultiplyShift, lo: number, hi: number): number {
  return clampInt(floorShift(acc * p.multiplier + p.addend, p.shift), lo, hi);
}

export interface Thresholds {
  /** +1: crossed when acc ≥ T; −1: crossed when acc ≤ T. */
  readonly direction: 1 | -1;
  readonly thresholds: Float64Array;
}

/** Thresholds for the boundaries `bounds` (ascending, in code units). */
export function thresholdsFor(
  slope: number,
  offset: number,
  bounds: readonly number[],
  accLo: number,
  accHi: number,
): Thresholds {
  const t = new Float64Array(bounds.length);
  if (slope > 0) {
    bounds.forEach((c, k) => {
      const x = (c - offset) / slope;
      t[k] = Math.min(accHi + 1, Math.max(accLo, Math.ceil(x)));
    });
    return { direction: 1, thresholds: t };
  }
  if (slope < 0) {
    bounds.forEach((c, k) => {
      const x = (c - offset) / slope;
      t[k] = Math.min(accHi, Math.max(accLo - 1, Math.floor(x)));
    });
    return { direction: -1, thresholds: t };
  }
  // Slope 0: every register value gives round(offset), so each boundary is crossed always or never.
  bounds.forEach((c, k) => {
    t[k] = offset >= c ? accLo : accHi + 1;
  });
  return { direction: 1, thresholds: t };
}

/** The boundaries of codes lo..hi: lo + k − 0.5 for k = 1 .. hi − lo. */
export function codeBounds(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo }, (_, k) => lo + k + 0.5);
}

/** Number of thresholds crossed by `acc`: a binary search over the monotone thresholds. */
export function crossed(
  acc: number,
  t: Float64Array,
  from: number,
  count: number,
  dir: 1 | -1,
): number {
  let a = 0;
  let b = count;
  // Invariant: thresholds [0, a) are crossed, [b, count) are not.
  while (a < b) {
    const m = (a + b) >>> 1;
    const hit = dir === 1 ? acc >= t[from + m] : acc <= t[from + m];
    if (hit) a = m + 1;
    else b = m;
  }
  return a;
}

/** Comparisons a binary search over `levels` codes makes: ceil(log2 levels). */
export function searchComparisons(levels: number): number {
  let c = 0;
  while (2 ** c < levels) c++;
  return c;
}
