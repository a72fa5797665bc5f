import type { RoundingMode } from './modes.js';

/**
 * Divides `value` by 2^drop (drop >= 1) and rounds to an integer by `mode`: the one rounding
 * rule of the bigint path (quantize and toNumber both use it).
 *
 * With floor = value >> drop and rest = the dropped bits (value - floor * 2^drop, in
 * [0, 2^drop)), every mode adds 0 or 1 to floor; half = 2^(drop-1) is the exact tie:
 *
 * | mode         | add 1 when                                        |
 * |--------------|---------------------------------------------------|
 * | TRN          | never                                             |
 * | TRN_ZERO     | value < 0 and rest != 0                           |
 * | RND          | rest >= half                                      |
 * | RND_MIN_INF  | rest > half                                       |
 * | RND_ZERO     | rest > half, or rest == half and value < 0        |
 * | RND_INF      | rest > half, or rest == half and value > 0        |
 * | RND_CONV     | rest > half, or rest == half and floor is odd     |
 * | RND_CONV_ODD | rest > half, or rest == half and floor is even    |
 *
 * `inexact` tells whether the dropped bits were nonzero (the value lost information).
 */
export function roundShift(
  value: bigint,
  drop: number,
  mode: RoundingMode,
): { quotient: bigint; inexact: boolean } {
  const d = BigInt(drop);
  const floor = value >> d;
  const rest = value - (floor << d);
  if (rest === 0n) return { quotient: floor, inexact: false };
  const half = 1n << (d - 1n);
  let up: boolean;
  // The sign tests read `floor`, not `value`: value = 0 has returned above, and floor < 0 exactly
  // when value < 0, while floor = 0 also tells a positive value from a negative one.
  switch (mode) {
    // Stryker disable next-line StringLiteral: an unmatched mode leaves `up` undefined: no step, as here
    case 'TRN':
      up = false;
      break;
    case 'TRN_ZERO':
      up = floor < 0n;
      break;
    case 'RND':
      up = rest >= half;
      break;
    case 'RND_MIN_INF':
      up = rest > half;
      break;
    case 'RND_ZERO':
      up = rest > half || (rest === half && floor < 0n);
      break;
    case 'RND_INF':
      up = rest > half || (rest === half && floor >= 0n);
      break;
    case 'RND_CONV':
      up = rest > half || (rest === half && (floor & 1n) === 1n);
      break;
    case 'RND_CONV_ODD':
      up = rest > half || (rest === half && (floor & 1n) === 0n);
      break;
  }
  return { quotient: up ? floor + 1n : floor, inexact: true };
}
