import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';

/**
 * The shape of every adder generator: adds two equal-width buses and a carry-in inside an
 * existing builder, returning the sum bus (same width, LSB first) and the carry-out. Composite
 * circuits (subtractors, |a-b|, multipliers' final adders, accumulators, PEs) take one of these
 * as a parameter, so the adder architecture is a choice everywhere.
 */
export type AdderFn = (b: NetlistBuilder, x: Bus, y: Bus, cin?: Net) => { sum: Net[]; cout: Net };
