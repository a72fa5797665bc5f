import { NetlistBuilder } from '../../ir/builder.js';
import type { Netlist } from '../../ir/netlist.js';
import { ADDER_ARCHS, ADDERS, type AdderArch } from '../adders/index.js';
import { checkChoice, checkWidth } from '../multipliers/check.js';
import { accumulator, OVERFLOW_MODES, type OverflowMode } from './accumulator.js';
import { accumulatorWidth } from './width.js';

export {
  OVERFLOW_MODES,
  type OverflowMode,
} from './accumulator.js';
export { accumulatorWidth } from './width.js';

/** Widest addend; the register may be up to MAX_ACCUMULATOR_WIDTH bits. */
export const MAX_ADDEND_WIDTH = 256;
export const MAX_ACCUMULATOR_WIDTH = 512;

export interface AccumulatorNetlistOptions {
  /** Addend width in bits, 1..256. */
  readonly width: number;
  /** Two's complement addend and accumulator; default false. */
  readonly signed?: boolean;
  /** Default 'wrap'. */
  readonly overflow?: OverflowMode;
  /** Register width; default accumulatorWidth(width, taps, signed). */
  readonly accWidth?: number;
  /** Taps the register is sized for when `accWidth` is not given; default 1 (as wide as x). */
  readonly taps?: number;
  /** Adds the 1-bit input `cin`, a deferred +1 of the addend; default false. */
  readonly carryIn?: boolean;
  /** Default 'ripple-carry'. */
  readonly adder?: AdderArch;
}

/**
 * A stand-alone accumulator netlist: inputs `x`, `clear`, and `cin` when `carryIn` → outputs
 * `acc` (register width) and `overflow` (sticky since the last clear). Latency one cycle.
 */
export function buildAccumulator(options: AccumulatorNetlistOptions): Netlist {
  const {
    width,
    signed = false,
    overflow = 'wrap',
    carryIn = false,
    adder = 'ripple-carry',
  } = options;
  checkWidth('accumulator addend width', width, 1, MAX_ADDEND_WIDTH);
  checkChoice('overflow mode', overflow, OVERFLOW_MODES);
  checkChoice('adder arch', adder, ADDER_ARCHS);
  const accWidth = options.accWidth ?? accumulatorWidth(width, options.taps ?? 1, signed);
  checkWidth('accumulator width', accWidth, width, MAX_ACCUMULATOR_WIDTH);
  const reading = signed ? "two's complement" : 'unsigned';
  const b = new NetlistBuilder(`acc_${overflow}_${width}_${accWidth}${signed ? 's' : 'u'}`, {
    op: 'acc',
    width,
    accWidth,
    signed,
    overflow,
    carryIn,
    adder,
  });
  const x = b.input('x', width, { signed, doc: `addend, ${width} bits ${reading}` });
  const clear = b.input('clear', 1, {
    doc: `synchronous clear: next acc = x${carryIn ? ' + cin' : ''}`,
  });
  const cin = carryIn ? b.input('cin', 1, { doc: 'deferred +1 of the addend' }) : undefined;
  const out = accumulator(b, x, {
    width: accWidth,
    signed,
    overflow,
    adder: ADDERS[adder],
    clear: clear[0],
    cin: cin?.[0],
  });
  b.output('acc', out.acc, {
    signed,
    doc: `running sum, ${accWidth} bits ${reading}, ${overflow === 'sat' ? 'saturating' : 'wrapping'}`,
  });
  b.output('overflow', [out.overflow], { doc: 'an addition overflowed since the last clear' });
  return b.build();
}
