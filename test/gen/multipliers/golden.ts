/**
 * Golden model of an n×n multiplier, plain BigInt: the 2n-bit product of the operands read as
 * unsigned or two's complement bit patterns, returned as an unsigned 2n-bit pattern.
 */
export function goldenProduct(n: number, signed: boolean, a: bigint, b: bigint): bigint {
  const read = (v: bigint) => (signed ? BigInt.asIntN(n, v) : BigInt.asUintN(n, v));
  return BigInt.asUintN(2 * n, read(a) * read(b));
}

/** The n-bit patterns every multiplier must get right: 0, 1, all ones, the sign bit alone, max signed. */
export function extremes(n: number): bigint[] {
  const top = 1n << BigInt(n - 1);
  return [...new Set([0n, 1n, (1n << BigInt(n)) - 1n, top, top - 1n, top + 1n])];
}
