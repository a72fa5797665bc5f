import { InputError } from '../../errors.js';
import { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net, Netlist } from '../../ir/netlist.js';
import { ABSDIFF_VARIANTS, ABSDIFFS, type AbsDiffVariant } from '../absdiff/index.js';
import type { AbsDiffFn } from '../absdiff/types.js';
import { OVERFLOW_MODES, type OverflowMode } from '../accumulators/accumulator.js';
import { accumulatorWidth } from '../accumulators/width.js';
import { ADDER_ARCHS, ADDERS, type AdderArch } from '../adders/index.js';
import type { AdderFn } from '../adders/types.js';
import { checkChoice, checkWidth } from '../multipliers/check.js';
import {
  MULTIPLIER_ARCHS,
  MULTIPLIERS,
  type MultiplierArch,
  type MultiplierFn,
} from '../multipliers/index.js';
import { countWidth } from '../popcount/popcount.js';
import { adderPe, type PeCore } from './adder-pe.js';
import { macPe } from './mac-pe.js';
import { xnorPe } from './xnor-pe.js';

/**
 * Processing-element netlists: ports `x`, `w`, `clear` → `acc`, `overflow`. Each cycle one tap
 * (x, w) enters; with `stages` register ranks between the tap operation and the accumulator,
 * the tap is in `acc` from cycle t + stages + 1 on (latency stages + 1 cycles), and `clear`
 * travels with its tap: the accumulation restarts from the tap issued with clear = 1. Every
 * register resets to 0, so the pipeline's fill cycles add 0.
 */
export const PE_KINDS = ['adder', 'mac', 'xnor'] as const;
export type PeKind = (typeof PE_KINDS)[number];

/** Taps the accumulator is sized for when neither `taps` nor `accWidth` is given. */
export const DEFAULT_TAPS = 16;
export const MAX_STAGES = 16;
/**
 * Widest PE accumulator register: the widest advertised PE, pe-mac at 256 bits, sums 512-bit
 * products over 16 taps in 516 bits; the room above lets callers widen it further.
 */
const MAX_ACC_WIDTH = 1024;

/**
 * A slot circuit (gen/approx/slots.ts) taking the place of a part of the PE: the |x − w| variant
 * or the multiplier named by arch (a tap unit), or the accumulator's adder; `name` goes into the
 * netlist's params.
 */
export interface SlotUnit<F> {
  readonly name: string;
  readonly build: F;
}

export interface PeNetlistOptions {
  /** Operand width (adder, mac: 1..256) or lanes per word (xnor: 1..1024). */
  readonly width: number;
  /** Operands read as two's complement (adder, mac); default false. */
  readonly signed?: boolean;
  /** Register ranks between the tap operation and the accumulator, 0..16; default 0. */
  readonly stages?: number;
  /** Taps the accumulator is sized for (without overflow); default 16. */
  readonly taps?: number;
  /** Accumulator width; default from `taps` (see each builder). */
  readonly accWidth?: number;
  /** Default 'wrap'. */
  readonly overflow?: OverflowMode;
  /** Adder of the accumulator and of the tap operation; default 'ripple-carry'. */
  readonly adder?: AdderArch;
  /**
   * A circuit in place of the accumulator's adder (adder and mac PEs; gen/approx/slots.ts): a
   * W-bit adder without carry-in, built at the accumulator width W.
   */
  readonly acc?: SlotUnit<(width: number) => AdderFn>;
}

/**
 * AdderNet PE: acc ← acc + |x − w|, unsigned. `variant` default 'ones-complement' (its +1 goes
 * into the accumulator's carry-in). Default width: accumulatorWidth(width, taps, false).
 */
export function buildAdderPe(
  options: PeNetlistOptions & { variant?: AbsDiffVariant; sub?: SlotUnit<AbsDiffFn> },
): Netlist {
  const variant = options.variant ?? 'ones-complement';
  checkChoice('|a-b| variant', variant, ABSDIFF_VARIANTS);
  const absdiff = options.sub?.build ?? ABSDIFFS[variant];
  const params = {
    ...(options.sub ? { sub: options.sub.name } : { variant }),
    ...accParam(options),
  };
  return buildPe('adder', options, 256, params, {
    addend: (width) => width,
    accSigned: false,
    build: (b, x, w, clear, core, signed) => adderPe(b, x, w, clear, { ...core, signed, absdiff }),
  });
}

/**
 * CNN PE: acc ← acc + x·w, full 2n-bit product. `multiplier` default 'array'. Default width:
 * accumulatorWidth(2·width, taps, signed).
 */
export function buildMacPe(
  options: PeNetlistOptions & { multiplier?: MultiplierArch; mul?: SlotUnit<MultiplierFn> },
): Netlist {
  const multiplier = options.multiplier ?? 'array';
  checkChoice('multiplier arch', multiplier, MULTIPLIER_ARCHS);
  const unit = options.mul?.build ?? MULTIPLIERS[multiplier];
  const params = {
    ...(options.mul ? { mul: options.mul.name } : { multiplier }),
    ...accParam(options),
  };
  return buildPe('mac', options, 256, params, {
    addend: (width) => 2 * width,
    accSigned: options.signed ?? false,
    build: (b, x, w, clear, core, signed) =>
      macPe(b, x, w, clear, { ...core, signed, multiplier: unit }),
  });
}

/**
 * BNN PE: acc ← acc + popcount(x XNOR w) over `width` lanes; unsigned only. Default width: the
 * bits of lanes·taps, the largest possible sum.
 */
export function buildXnorPe(options: PeNetlistOptions): Netlist {
  if (options.signed) throw new InputError('xnor PE operands must be unsigned, not signed');
  return buildPe(
    'xnor',
    options,
    1024,
    {},
    {
      addend: countWidth,
      accSigned: false,
      defaultAccWidth: (lanes, taps) => (BigInt(lanes) * BigInt(taps)).toString(2).length,
      build: (b, x, w, clear, core) => xnorPe(b, x, w, clear, core),
    },
  );
}

const accParam = (options: PeNetlistOptions): Record<string, string> =>
  options.acc === undefined ? {} : { acc: options.acc.name };

interface PeShape {
  /** Width of the accumulator's addend for an operand width. */
  addend(width: number): number;
  accSigned: boolean;
  defaultAccWidth?(width: number, taps: number): number;
  build(
    b: NetlistBuilder,
    x: Bus,
    w: Bus,
    clear: Net,
    core: PeCore,
    signed: boolean,
  ): { acc: Net[]; overflow: Net };
}

function buildPe(
  kind: PeKind,
  options: PeNetlistOptions,
  maxWidth: number,
  params: Record<string, string>,
  shape: PeShape,
): Netlist {
  const { width, signed = false, stages = 0, overflow = 'wrap', adder = 'ripple-carry' } = options;
  const taps = options.taps ?? DEFAULT_TAPS;
  checkWidth(`${kind} PE width`, width, 1, maxWidth);
  checkWidth('pipeline stages', stages, 0, MAX_STAGES);
  checkChoice('overflow mode', overflow, OVERFLOW_MODES);
  checkChoice('adder arch', adder, ADDER_ARCHS);
  const addend = shape.addend(width);
  const accWidth =
    options.accWidth ??
    shape.defaultAccWidth?.(width, taps) ??
    accumulatorWidth(addend, taps, shape.accSigned);
  checkWidth('accumulator width', accWidth, addend, MAX_ACC_WIDTH);
  const reading = signed ? "two's complement" : 'unsigned';
  const b = new NetlistBuilder(`pe_${kind}_${width}${signed ? 's' : 'u'}_s${stages}`, {
    op: `pe-${kind}`,
    width,
    signed,
    stages,
    accWidth,
    overflow,
    adder,
    ...params,
  });
  const unit = kind === 'xnor' ? 'lanes, bit 1 = +1, 0 = -1' : `bits ${reading}`;
  const x = b.input('x', width, { signed, doc: `activation, ${width} ${unit}` });
  const w = b.input('w', width, { signed, doc: `weight, ${width} ${unit}` });
  const clear = b.input('clear', 1, { doc: 'restart the sum at this tap (travels with it)' });
  const core: PeCore = {
    stages,
    accWidth,
    overflow,
    adder: ADDERS[adder],
    ...(options.acc === undefined ? {} : { accAdder: options.acc.build(accWidth) }),
  };
  const out = shape.build(b, x, w, clear[0], core, signed);
  const accReading = shape.accSigned ? "two's complement" : 'unsigned';
  b.output('acc', out.acc, {
    signed: shape.accSigned,
    doc: `sum of the taps, ${accWidth} bits ${accReading}; latency ${stages + 1} cycles`,
  });
  b.output('overflow', [out.overflow], { doc: 'the sum overflowed since the last clear' });
  return b.build();
}
