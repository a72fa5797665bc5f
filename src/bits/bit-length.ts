/**
 * Number of bits of a non-negative integer: bitLength(0n) = 0, bitLength(255n) = 8,
 * bitLength(256n) = 9. The one width rule every accumulator and popcount size is derived from.
 */
export function bitLength(value: bigint): number {
  if (value < 0n) throw new RangeError(`bitLength needs a non-negative value, not ${value}`);
  return value === 0n ? 0 : value.toString(2).length;
}
