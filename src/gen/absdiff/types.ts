import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import type { AdderFn } from '../adders/types.js';

export interface AbsDiffOptions {
  /** Operands read as two's complement when true. */
  readonly signed: boolean;
  /** The adder architecture used for the subtraction(s). */
  readonly adder: AdderFn;
}

/**
 * The shape of every |x − y| generator. `diff` is the n-bit unsigned magnitude (|x − y| is at
 * most 2^n − 1 for n-bit operands, signed or not). `plusOne` is NET_ZERO for the exact variants;
 * for the folded one it is a deferred +1 that the consumer (an accumulator's carry-in) adds,
 * so that diff + plusOne = |x − y| always.
 */
export type AbsDiffFn = (
  b: NetlistBuilder,
  x: Bus,
  y: Bus,
  options: AbsDiffOptions,
) => { diff: Net[]; plusOne: Net };
