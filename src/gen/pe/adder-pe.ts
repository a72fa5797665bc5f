import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import type { AbsDiffFn } from '../absdiff/types.js';
import { accumulator, type OverflowMode } from '../accumulators/accumulator.js';
import { increment } from '../adders/increment.js';
import type { AdderFn } from '../adders/types.js';
import { pipeline } from './pipeline.js';

export interface PeCore {
  /** Register ranks between the tap operation and the accumulator; latency stages + 1. */
  readonly stages: number;
  /** Accumulator register width. */
  readonly accWidth: number;
  readonly overflow: OverflowMode;
  /** Adder of the accumulator (and of the |x − w| subtractor, the multiplier's final adder). */
  readonly adder: AdderFn;
  /**
   * The accumulator's own adder when it is not `adder` (a slot circuit, gen/approx/slots.ts).
   * It has no carry-in: a deferred +1 of the tap is added to the tap by an incrementer first.
   */
  readonly accAdder?: AdderFn;
}

/**
 * AdderNet processing element: acc ← (clear ? 0 : acc) + |x − w|, the layer's output being
 * −acc (the sign folds into the BatchNorm that follows every adder layer). |x − w| is the n-bit
 * unsigned magnitude from the chosen variant; the ones'-complement variant's deferred +1 rides
 * along the pipeline into the accumulator's carry-in, so its +1 costs no adder.
 * Cost: |x − w| (one or two n-bit subtractors + n xor / mux / incrementer) + stages·(n + 2)
 * registers (n + 1 for the exact variants) + the accumulator (unsigned, accWidth bits). With an
 * accumulator circuit (`accAdder`) the +1 costs an n-bit incrementer on the tap instead, and the
 * tap grows to n + 1 bits.
 */
export function adderPe(
  b: NetlistBuilder,
  x: Bus,
  w: Bus,
  clear: Net,
  options: PeCore & { readonly signed: boolean; readonly absdiff: AbsDiffFn },
): { acc: Net[]; overflow: Net } {
  const { diff, plusOne } = options.absdiff(b, x, w, {
    signed: options.signed,
    adder: options.adder,
  });
  if (options.accAdder !== undefined) {
    const tap =
      plusOne === b.zero ? diff : (({ sum, cout }) => [...sum, cout])(increment(b, diff, plusOne));
    const [d, [c]] = pipeline(b, [tap, [clear]], options.stages);
    return accumulator(b, d, {
      width: options.accWidth,
      signed: false,
      overflow: options.overflow,
      adder: options.accAdder,
      clear: c,
    });
  }
  const [d, [cin], [c]] = pipeline(b, [diff, [plusOne], [clear]], options.stages);
  return accumulator(b, d, {
    width: options.accWidth,
    signed: false,
    overflow: options.overflow,
    adder: options.adder,
    clear: c,
    cin,
  });
}
