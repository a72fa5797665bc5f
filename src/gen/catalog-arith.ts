import { FixedFormat } from '../bits/format.js';
import { accumulatorOverflowMode } from '../bits/modes.js';
import { requantize } from '../bits/quantize.js';
import { wrapBigInt } from '../bits/raw.js';
import { ABSDIFF_VARIANTS, type AbsDiffVariant } from './absdiff/index.js';
import { buildAccumulator, OVERFLOW_MODES, type OverflowMode } from './accumulators/index.js';
import {
  APPROX_MULTIPLIER_ARCHS,
  buildTruncatedMultiplier,
  parseParamArch,
} from './approx/index.js';
import type { DatapathOptions, DatapathSpec, SequentialSpec } from './datapath-spec.js';
import { buildMultiplier, MULTIPLIER_ARCHS, type MultiplierArch } from './multipliers/index.js';
import { buildAdderPe, buildMacPe, buildXnorPe } from './pe/index.js';
import { buildPopcount, buildXnorPopcount } from './popcount/index.js';

/**
 * Catalog entries of the multipliers, popcounts, accumulators and processing elements, merged
 * into the datapath catalog by catalog.ts. Golden models are plain BigInt on the operands'
 * values, written from each op's definition (never from the circuits' construction); reading
 * patterns and the accumulators' WRAP / SAT are src/bits' semantics.
 *
 * Fixed choices the catalog makes (the library builders take them as options):
 * - acc: the register is as wide as the addend (`--bits`), with a carry-in, so that random
 *   verification sequences overflow and exercise WRAP / SAT (`--arch`);
 * - PEs: one pipeline stage (latency 2 cycles), accumulator sized for 16 taps, WRAP.
 */

type Cycles = readonly Readonly<Record<string, bigint>>[];

const PE_STAGES = 1;
const PE_TAPS = 16;

/** The value of an input bit pattern under the op's reading. */
const value = wrapBigInt;

function agreeingLanes(width: number, x: bigint, w: bigint): bigint {
  let count = 0n;
  for (let i = 0n; i < BigInt(width); i++) if (((x >> i) & 1n) === ((w >> i) & 1n)) count++;
  return count;
}

/**
 * The outputs of an accumulator over a stream of addend values: each cycle shows the state,
 * then acc ← (clear ? 0 : acc) + value, WRAP or SAT at `bits`; `overflow` is sticky since the
 * last clear.
 */
function accumulateGolden(
  bits: number,
  signed: boolean,
  mode: OverflowMode,
  stream: readonly { value: bigint; clear: boolean }[],
): Record<string, bigint>[] {
  const register = FixedFormat.int(bits, signed);
  const overflow = accumulatorOverflowMode(mode);
  let acc = 0n;
  let sticky = false;
  return stream.map(({ value: addend, clear }) => {
    const shown = { acc, overflow: sticky ? 1n : 0n };
    // The exact sum, kept by the register as an integer assignment with `overflow` does.
    const kept = requantize((clear ? 0n : acc) + addend, 0, register, 'TRN', overflow);
    acc = kept.value;
    sticky = (!clear && sticky) || kept.overflowed;
    return shown;
  });
}

/** A PE's outputs: the taps reach the accumulator `PE_STAGES` cycles late (zeros before). */
function peGolden(
  tap: (x: bigint, w: bigint) => bigint,
  accBits: number,
  accSigned: boolean,
  cycles: Cycles,
): Record<string, bigint>[] {
  const stream = cycles.map((_, t) => {
    const from = cycles[t - PE_STAGES];
    return from === undefined
      ? { value: 0n, clear: false }
      : { value: tap(from.x, from.w), clear: from.clear === 1n };
  });
  return accumulateGolden(accBits, accSigned, 'wrap', stream);
}

/** Bits of the largest sum of PE_TAPS taps of at most `largest` each. */
const sizedFor = (largest: bigint) => (BigInt(PE_TAPS) * largest).toString(2).length;
const signedSized = (bits: number) => bits + Math.log2(PE_TAPS);

/** A PE entry: sequential, verified in sequences of 32 cycles, adder chosen by --adder. */
const pe = (
  spec: Omit<SequentialSpec, 'kind' | 'sequenceLength' | 'usesAdder'>,
): SequentialSpec => ({
  kind: 'sequential',
  sequenceLength: 32,
  usesAdder: true,
  ...spec,
});

function ones(width: number, x: bigint): bigint {
  let count = 0n;
  for (let i = 0n; i < BigInt(width); i++) count += (x >> i) & 1n;
  return count;
}

export const ARITH_OPS: readonly DatapathSpec[] = [
  {
    op: 'mul',
    kind: 'combinational',
    describe: 'n×n multiplier, full 2n-bit product (final adder by --adder)',
    archs: MULTIPLIER_ARCHS,
    paramArchs: APPROX_MULTIPLIER_ARCHS,
    defaultArch: 'array',
    widths: { min: 1, max: 256 },
    signedness: 'either',
    usesAdder: true,
    build: (o) => {
      const approx = parseParamArch(o.arch);
      return approx === undefined
        ? buildMultiplier({ ...o, arch: o.arch as MultiplierArch })
        : buildTruncatedMultiplier(o.width, approx.param, o.adder);
    },
    golden: ({ width, signed }, { a, b }) => ({
      product: value(a, width, signed) * value(b, width, signed),
    }),
    errors: { operands: ['a', 'b'], result: () => ['product'], exact: (_, a, b) => a * b },
  },
  {
    op: 'popcount',
    kind: 'combinational',
    describe: 'population count: ones in x, as a tree of adders',
    archs: ['adder-tree'],
    defaultArch: 'adder-tree',
    widths: { min: 1, max: 1024 },
    signedness: 'unsigned',
    build: ({ width }) => buildPopcount({ width }),
    golden: ({ width }, { x }) => ({ count: ones(width, x) }),
  },
  {
    op: 'xnor-popcount',
    kind: 'combinational',
    describe: 'BNN dot-product core: lanes where x and w agree (dot = 2·count − width)',
    archs: ['adder-tree'],
    defaultArch: 'adder-tree',
    widths: { min: 1, max: 1024 },
    signedness: 'unsigned',
    build: ({ width }) => buildXnorPopcount({ width }),
    golden: ({ width }, { x, w }) => ({ count: agreeingLanes(width, x, w) }),
  },
  {
    op: 'acc',
    kind: 'sequential',
    sequenceLength: 32,
    describe: 'accumulator as wide as its addend, with carry-in: acc, sticky overflow',
    archs: OVERFLOW_MODES,
    defaultArch: 'wrap',
    widths: { min: 1, max: 256 },
    signedness: 'either',
    usesAdder: true,
    build: ({ width, signed, arch, adder }) =>
      buildAccumulator({
        width,
        signed,
        overflow: arch as OverflowMode,
        accWidth: width,
        carryIn: true,
        adder,
      }),
    golden: ({ width, signed, arch }: DatapathOptions, cycles: Cycles) =>
      accumulateGolden(
        width,
        signed,
        arch as OverflowMode,
        cycles.map((c) => ({ value: value(c.x, width, signed) + c.cin, clear: c.clear === 1n })),
      ),
  },
  pe({
    op: 'pe-adder',
    describe: 'AdderNet PE: acc += |x − w| (variant by --arch), 1 pipeline stage, 16 taps',
    archs: ABSDIFF_VARIANTS,
    defaultArch: 'ones-complement',
    widths: { min: 1, max: 256 },
    signedness: 'either',
    build: ({ width, signed, arch, adder }) =>
      buildAdderPe({
        width,
        signed,
        variant: arch as AbsDiffVariant,
        stages: PE_STAGES,
        taps: PE_TAPS,
        adder,
      }),
    golden: ({ width, signed }, cycles) => {
      const tap = (x: bigint, w: bigint) => {
        const d = value(x, width, signed) - value(w, width, signed);
        return d < 0n ? -d : d;
      };
      return peGolden(tap, sizedFor(2n ** BigInt(width) - 1n), false, cycles);
    },
  }),
  pe({
    op: 'pe-mac',
    describe: 'CNN PE: acc += x·w (multiplier by --arch), 1 pipeline stage, 16 taps',
    archs: MULTIPLIER_ARCHS,
    defaultArch: 'array',
    widths: { min: 1, max: 256 },
    signedness: 'either',
    build: ({ width, signed, arch, adder }) =>
      buildMacPe({
        width,
        signed,
        multiplier: arch as MultiplierArch,
        stages: PE_STAGES,
        taps: PE_TAPS,
        adder,
      }),
    golden: ({ width, signed }, cycles) => {
      const tap = (x: bigint, w: bigint) => value(x, width, signed) * value(w, width, signed);
      const accBits = signed ? signedSized(2 * width) : sizedFor(2n ** BigInt(2 * width) - 1n);
      return peGolden(tap, accBits, signed, cycles);
    },
  }),
  pe({
    op: 'pe-xnor',
    describe: 'BNN PE: acc += popcount(x XNOR w) over --bits lanes, 1 pipeline stage, 16 taps',
    archs: ['adder-tree'],
    defaultArch: 'adder-tree',
    widths: { min: 1, max: 1024 },
    signedness: 'unsigned',
    build: ({ width, adder }) => buildXnorPe({ width, stages: PE_STAGES, taps: PE_TAPS, adder }),
    golden: ({ width }, cycles) =>
      peGolden((x, w) => agreeingLanes(width, x, w), sizedFor(BigInt(width)), false, cycles),
  }),
];
