import { bitLength } from '../bits/bit-length.js';
import { roundToInteger } from '../bits/fast-number.js';
import type { RoundingMode } from '../bits/modes.js';

/**
 * Datapath widths of the integer graph. The accumulator widths are the narrowest registers
 * that hold every possible sum of a layer's K taps (the same formulas as the operation budget,
 * src/budget/widths.ts, which the tests hold these to):
 *
 * | layer    | operands                      | one tap      | accumulator (K taps)            |
 * |----------|-------------------------------|--------------|---------------------------------|
 * | multiply | signed b-bit x and w          | x·w          | signed 2b + floor(log2 K)       |
 * | adder    | unsigned b-bit x and clip(w)  | \|x − w\| ≤ 2^b − 1 | unsigned bitLength(K·(2^b − 1)) |
 * | binary   | 1-bit lanes                   | xnor bit     | unsigned bitLength(K)           |
 *
 * Multiply: the largest product is (−2^(b−1))² = 2^(2b−2), so K of them need
 * bitLength(K) + 2b − 2 magnitude bits and a sign bit. Adder: the operands are unsigned b-bit
 * codes (both lie in [0, A] after the lossless clamp), so |x − w| ≤ 2^b − 1 and the difference
 * x − w needs b + 1 bits signed. Exact for any width: computed with bigint.
 */

export function multiplyAccBits(bits: number, taps: number): number {
  return bitLength(BigInt(taps) << BigInt(2 * bits - 2)) + 1;
}

export function adderAccBits(bits: number, taps: number): number {
  return bitLength(BigInt(taps) * ((1n << BigInt(bits)) - 1n));
}

export function binaryAccBits(taps: number): number {
  return bitLength(BigInt(taps));
}

/**
 * The one rounding rule of the quantizer: to nearest, ties away from zero (ac_fixed RND_INF,
 * C's `round`). `Math.round` would send −2.5 to −2 but 2.5 to 3.
 */
export const QUANT_ROUNDING: RoundingMode = 'RND_INF';

/** A real number rounded by QUANT_ROUNDING (no range: see the quantizers for clamped codes). */
export function roundNearest(x: number): number {
  return roundToInteger(x, QUANT_ROUNDING);
}

/** The code range of a b-bit format: signed [−2^(b−1), 2^(b−1) − 1], unsigned [0, 2^b − 1]. */
export function codeRange(bits: number, signed: boolean): { lo: number; hi: number } {
  return signed
    ? { lo: -(2 ** (bits - 1)), hi: 2 ** (bits - 1) - 1 }
    : { lo: 0, hi: 2 ** bits - 1 };
}
