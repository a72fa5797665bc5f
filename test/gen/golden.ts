/**
 * Golden-model helpers for the adder-family tests: the value of a bit pattern read signed or
 * unsigned, and whether a value fits n-bit two's complement. Plain BigInt, nothing from src/gen.
 */
export function readAs(pattern: bigint, width: number, signed: boolean): bigint {
  return signed ? BigInt.asIntN(width, pattern) : BigInt.asUintN(width, pattern);
}

export function fitsSigned(value: bigint, width: number): boolean {
  const half = 1n << BigInt(width - 1);
  return value >= -half && value < half;
}

export const bit = (condition: boolean): bigint => (condition ? 1n : 0n);
