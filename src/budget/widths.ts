import { bitLength } from '../bits/bit-length.js';
/**
 * Accumulator widths: the narrowest register that holds every possible sum of a layer's taps,
 * derived from the worst-case operands (two's-complement `bits`-wide activations and weights,
 * range [−2^(bits−1), 2^(bits−1) − 1]). Computed with bigint, so any width and tap count is
 * exact.
 *
 * | layer    | one tap        | tap range                       | accumulator width (K taps)            |
 * |----------|----------------|---------------------------------|---------------------------------------|
 * | multiply | x·w (signed)   | [−2^(b−1)(2^(b−1)−1), 2^(2b−2)] | signed: 2b + floor(log2 K)            |
 * | adder    | \|x − w\|        | [0, 2^b − 1]                    | unsigned: bitLength(K·(2^b − 1))      |
 * | binary   | xnor(x, w) bit | [0, 1]                          | unsigned: bitLength(K)                |
 *
 * Derivations. Multiply: the largest product is (−2^(b−1))² = 2^(2b−2), so the largest sum is
 * K·2^(2b−2), which needs bitLength(K) + 2b − 2 magnitude bits plus a sign bit:
 * 2b − 1 + bitLength(K) = 2b + floor(log2 K); the most negative sum, −K·2^(b−1)(2^(b−1) − 1),
 * is smaller in magnitude and fits too. This is at most the usual bound 2b + ceil(log2 K).
 * Adder: |x − w| ≤ 2^b − 1 (x = 2^(b−1) − 1, w = −2^(b−1)), and the sum of K of them is
 * non-negative (the layer's minus sign is folded into the BatchNorm that follows), so
 * bitLength(K·(2^b − 1)) ≤ b + ceil(log2 K) unsigned bits; 8-bit operands over a 3×3×64
 * window (576 taps) give 146,880 → 18 bits. Binary: a popcount of K bits is at most K.
 */

/** Signed accumulator width of K products of signed `bits`-wide operands: 2·bits + floor(log2 K). */
export function multiplyAccumulatorBits(bits: number, taps: number): number {
  checkArgs(bits, taps);
  return bitLength(BigInt(taps) << BigInt(2 * bits - 2)) + 1;
}

/** Unsigned accumulator width of K absolute differences of signed `bits`-wide operands. */
export function adderAccumulatorBits(bits: number, taps: number): number {
  checkArgs(bits, taps);
  return bitLength(BigInt(taps) * ((1n << BigInt(bits)) - 1n));
}

/** Unsigned width of a population count of K bits. */
export function popcountBits(taps: number): number {
  checkArgs(1, taps);
  return bitLength(BigInt(taps));
}

/** Signed width of a sum of n signed `bits`-wide values: bits + ceil(log2 n) (exact minimum). */
export function sumBits(bits: number, n: number): number {
  checkArgs(bits, n);
  // −n·2^(bits−1) is the extreme; it fits W signed bits iff n ≤ 2^(W − bits).
  return bits + bitLength(BigInt(n - 1));
}

function checkArgs(bits: number, taps: number): void {
  if (!Number.isInteger(bits) || bits < 1) throw new RangeError(`bits must be ≥ 1, not ${bits}`);
  if (!Number.isInteger(taps) || taps < 1) throw new RangeError(`taps must be ≥ 1, not ${taps}`);
}
