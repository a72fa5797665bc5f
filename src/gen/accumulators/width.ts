import { checkWidth } from '../multipliers/check.js';

/**
 * The fewest bits an accumulator needs so that the sum of `taps` operands of `operandBits`
 * bits never overflows.
 * - unsigned: each operand ≤ 2^b − 1, so the sum ≤ taps·(2^b − 1): ⌈log2(taps·(2^b − 1) + 1)⌉
 *   bits, which is at most b + ⌈log2 taps⌉ (equal when taps is a power of two);
 * - signed: each operand in [−2^(b−1), 2^(b−1) − 1]; the sum reaches −taps·2^(b−1), which needs
 *   exactly b + ⌈log2 taps⌉ bits (the positive side, taps·(2^(b−1) − 1), then fits too).
 * Example: |x − w| of int8 operands is ≤ 255 (8 bits unsigned); a 3×3×64 window has 576 taps:
 * 576·255 = 146,880 < 2^18, so 18 bits.
 * A deferred +1 per tap (the ones'-complement |x − w|) needs nothing more: diff + plusOne is
 * itself an operand of b bits.
 */
export function accumulatorWidth(operandBits: number, taps: number, signed: boolean): number {
  checkWidth('operand width', operandBits, 1, 4096);
  checkWidth('taps', taps, 1, 2 ** 40);
  if (!signed) return (BigInt(taps) * ((1n << BigInt(operandBits)) - 1n)).toString(2).length;
  // ⌈log2 taps⌉ by doubling: exact for every integer, unlike Math.log2 near powers of two.
  let extra = 0;
  while (2 ** extra < taps) extra++;
  return operandBits + extra;
}
