import { saturateInt, wrapInt } from '../bits/fast.js';
import type { AccOverflow } from '../quant/options.js';

/**
 * Accumulator register semantics, the same as the accumulator netlists of src/gen
 * (gen/accumulators/accumulator.ts): every addition of a dot product is followed by WRAP (keep
 * the low W bits) or SAT (clamp to the W-bit range), and a sticky flag records whether any
 * addition of the dot product left the range. An "overflow event" is one dot product whose
 * flag is set.
 *
 * Unsigned accumulators (adder and binary layers) only ever add non-negative addends, so the
 * result has a closed form in the exact sum S: WRAP gives S mod 2^W, SAT gives min(S, 2^W − 1),
 * and the flag is S ≥ 2^W (partial sums grow monotonically, so one passes 2^W exactly when the
 * total does). Signed accumulators (multiply layers) depend on the order of the additions and
 * are stepped tap by tap (`stepSigned`). WRAP and SAT themselves are the bits fast path's
 * `wrapInt` and `saturateInt`; the range tests here only keep them off the common path.
 */
export interface Finished {
  readonly value: number;
  readonly overflowed: boolean;
}

export function finishUnsigned(sum: number, bits: number, mode: AccOverflow): Finished {
  const limit = 2 ** bits;
  if (sum < limit) return { value: sum, overflowed: false };
  const value = mode === 'wrap' ? wrapInt(sum, bits, false) : saturateInt(sum, bits, false);
  return { value, overflowed: true };
}

/**
 * A signed W-bit accumulator fed `count` products x[xo + r]·w[wo + r] in tap order, from 0.
 */
export function stepSigned(
  x: ArrayLike<number>,
  xo: number,
  w: ArrayLike<number>,
  wo: number,
  count: number,
  bits: number,
  mode: AccOverflow,
): Finished {
  const half = 2 ** (bits - 1);
  let acc = 0;
  let overflowed = false;
  for (let r = 0; r < count; r++) {
    acc += x[xo + r] * w[wo + r];
    if (acc >= half || acc < -half) {
      overflowed = true;
      acc = mode === 'sat' ? saturateInt(acc, bits, true) : wrapInt(acc, bits, true);
    }
  }
  return { value: acc, overflowed };
}
