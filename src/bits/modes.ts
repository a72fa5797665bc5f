import { InputError, show } from '../errors.js';

/**
 * Rounding (quantization) modes of Algorithmic C `ac_fixed`, applied when fraction bits are
 * dropped. "Nearest" modes differ only in how they break an exact tie (dropped bits = 1000...).
 *
 * | mode         | result                                   | ap_fixed     |
 * |--------------|------------------------------------------|--------------|
 * | TRN          | floor (toward -inf): drop the LSBs        | AP_TRN       |
 * | RND          | nearest, ties toward +inf                 | AP_RND       |
 * | TRN_ZERO     | toward 0                                  | AP_TRN_ZERO  |
 * | RND_ZERO     | nearest, ties toward 0                    | AP_RND_ZERO  |
 * | RND_INF      | nearest, ties away from 0                 | AP_RND_INF   |
 * | RND_MIN_INF  | nearest, ties toward -inf                 | AP_RND_MIN_INF |
 * | RND_CONV     | nearest, ties to even                     | AP_RND_CONV  |
 * | RND_CONV_ODD | nearest, ties to odd                      | (none)       |
 *
 * TRN is the default: it is what a datapath that simply drops wires does.
 */
export const ROUNDING_MODES = [
  'TRN',
  'RND',
  'TRN_ZERO',
  'RND_ZERO',
  'RND_INF',
  'RND_MIN_INF',
  'RND_CONV',
  'RND_CONV_ODD',
] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/**
 * Overflow modes of `ac_fixed`, applied after rounding to a value outside the target range.
 *
 * | mode     | result on overflow                                                     |
 * |----------|------------------------------------------------------------------------|
 * | WRAP     | keep the low W bits (two's complement wrap-around)                      |
 * | SAT      | clamp to the format's [min, max]                                        |
 * | SAT_ZERO | 0                                                                       |
 * | SAT_SYM  | signed: clamp to [-max, max], so -2^(W-1) also becomes -max; unsigned: SAT |
 *
 * WRAP is the default: it is what a plain two's-complement adder does. A signed 1-bit format
 * has max = 0, so SAT_SYM keeps only 0 there, as the table says (ac_types' implementation sets
 * the pattern 10...01, which at W = 1 reads -1; we follow the definition).
 */
export const OVERFLOW_MODES = ['WRAP', 'SAT', 'SAT_ZERO', 'SAT_SYM'] as const;
export type OverflowMode = (typeof OVERFLOW_MODES)[number];

export const DEFAULT_ROUNDING: RoundingMode = 'TRN';
export const DEFAULT_OVERFLOW: OverflowMode = 'WRAP';

/** Checks a rounding mode given by a caller; `field` names it in the message. */
export function checkRounding(value: unknown, field = 'rounding'): RoundingMode {
  if (typeof value !== 'string' || !(ROUNDING_MODES as readonly string[]).includes(value)) {
    throw new InputError(
      `${field} must be one of ${ROUNDING_MODES.join(', ')}, not ${show(value)}`,
    );
  }
  return value as RoundingMode;
}

/** Checks an overflow mode given by a caller; `field` names it in the message. */
export function checkOverflow(value: unknown, field = 'overflow'): OverflowMode {
  if (typeof value !== 'string' || !(OVERFLOW_MODES as readonly string[]).includes(value)) {
    throw new InputError(
      `${field} must be one of ${OVERFLOW_MODES.join(', ')}, not ${show(value)}`,
    );
  }
  return value as OverflowMode;
}

/**
 * The overflow modes an accumulator register implements (the netlists of src/gen, the engine's
 * kernels): WRAP and SAT. Users, netlist names, graph nodes and sweep keys spell them in
 * lowercase (`--overflow wrap`); that spelling is derived here, so no other file declares the
 * list again.
 */
export const ACCUMULATOR_OVERFLOW_MODES = [
  'WRAP',
  'SAT',
] as const satisfies readonly OverflowMode[];
export type AccumulatorOverflowMode = (typeof ACCUMULATOR_OVERFLOW_MODES)[number];
/** `wrap` | `sat`. */
export type AccumulatorOverflowName = Lowercase<AccumulatorOverflowMode>;

function lowercase<T extends string>(mode: T): Lowercase<T> {
  return mode.toLowerCase() as Lowercase<T>;
}

/** `['wrap', 'sat']`, in the order of ACCUMULATOR_OVERFLOW_MODES. */
export const ACCUMULATOR_OVERFLOW_NAMES: readonly AccumulatorOverflowName[] = Object.freeze(
  ACCUMULATOR_OVERFLOW_MODES.map(lowercase),
);

/** The mode a lowercase name stands for: `wrap` -> WRAP. */
export function accumulatorOverflowMode(name: AccumulatorOverflowName): AccumulatorOverflowMode {
  return name.toUpperCase() as AccumulatorOverflowMode;
}
