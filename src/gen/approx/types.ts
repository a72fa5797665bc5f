import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';

/**
 * The shape of every approximate adder generator: adds two equal-width buses inside an
 * existing builder with the approximation parameter `param` (its meaning per generator: low
 * bits approximated, window length, ...), returning the sum bus (same width, LSB first) and
 * the carry-out. No carry-in: none of the published designs has a place for one.
 */
export type ApproxAdderFn = (
  b: NetlistBuilder,
  x: Bus,
  y: Bus,
  param: number,
) => { sum: Net[]; cout: Net };
