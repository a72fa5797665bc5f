import { InputError, show } from '../../errors.js';

/**
 * Checks on the options of the netlist-building functions (multipliers, popcount,
 * accumulators, processing elements), where values from flags and catalog entries enter. The
 * messages follow "X must be Y, not Z".
 */

/** An integer in an inclusive range: "multiplier width must be an integer from 1 to 256, not 0". */
export function checkWidth(what: string, width: number, min: number, max: number): void {
  if (!Number.isInteger(width) || width < min || width > max) {
    throw new InputError(`${what} must be an integer from ${min} to ${max}, not ${show(width)}`);
  }
}

/** A name from a closed set: "adder arch must be one of ripple-carry, …, not \"rc\"". */
export function checkChoice(what: string, value: string, choices: readonly string[]): void {
  if (!choices.includes(value)) {
    throw new InputError(`${what} must be one of ${choices.join(', ')}, not ${show(value)}`);
  }
}
