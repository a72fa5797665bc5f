import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import { accumulator } from '../accumulators/accumulator.js';
import { xnorPopcount } from '../popcount/popcount.js';
import type { PeCore } from './adder-pe.js';
import { pipeline } from './pipeline.js';

/**
 * BNN processing element: acc ← (clear ? 0 : acc) + popcount(x XNOR w) over `lanes`-bit words,
 * an unsigned count of agreeing lanes; the ±1 dot product over t words is 2·acc − t·lanes,
 * an affine map left to the (threshold) step after the accumulator.
 * Cost: lanes xnor + the popcount tree (lanes − k fa, k = ⌈log2(lanes + 1)⌉) + stages·(k + 1)
 * registers + the accumulator.
 */
export function xnorPe(
  b: NetlistBuilder,
  x: Bus,
  w: Bus,
  clear: Net,
  options: PeCore,
): { acc: Net[]; overflow: Net } {
  const count = xnorPopcount(b, x, w);
  const [k, [c]] = pipeline(b, [count, [clear]], options.stages);
  return accumulator(b, k, {
    width: options.accWidth,
    signed: false,
    overflow: options.overflow,
    adder: options.accAdder ?? options.adder,
    clear: c,
  });
}
