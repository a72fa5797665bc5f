import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import { accumulator } from '../accumulators/accumulator.js';
import type { MultiplierFn } from '../multipliers/index.js';
import type { PeCore } from './adder-pe.js';
import { pipeline } from './pipeline.js';

/**
 * Multiply-accumulate processing element, the CNN baseline: acc ← (clear ? 0 : acc) + x·w,
 * with the full 2n-bit product (signed or unsigned like the operands) and a signed or unsigned
 * accumulator of accWidth ≥ 2n bits.
 * Cost: the n×n multiplier (its final adder = the PE's adder) + stages·(2n + 1) registers +
 * the accumulator.
 */
export function macPe(
  b: NetlistBuilder,
  x: Bus,
  w: Bus,
  clear: Net,
  options: PeCore & { readonly signed: boolean; readonly multiplier: MultiplierFn },
): { acc: Net[]; overflow: Net } {
  const product = options.multiplier(b, x, w, { signed: options.signed, adder: options.adder });
  const [p, [c]] = pipeline(b, [product, [clear]], options.stages);
  return accumulator(b, p, {
    width: options.accWidth,
    signed: options.signed,
    overflow: options.overflow,
    adder: options.accAdder ?? options.adder,
    clear: c,
  });
}
