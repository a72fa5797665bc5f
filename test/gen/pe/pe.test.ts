import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABSDIFF_VARIANTS, type AbsDiffVariant } from '../../../src/gen/absdiff/index.js';
import { OVERFLOW_MODES } from '../../../src/gen/accumulators/index.js';
import { ADDER_ARCHS } from '../../../src/gen/adders/index.js';
import { MULTIPLIER_ARCHS, type MultiplierArch } from '../../../src/gen/multipliers/index.js';
import {
  buildAdderPe,
  buildMacPe,
  buildXnorPe,
  type PeNetlistOptions,
} from '../../../src/gen/pe/index.js';
import type { Netlist } from '../../../src/ir/netlist.js';
import { assertSequentialContract } from '../../helpers/conformance.js';
import { SIMULATORS, type SimulatorUnderTest } from '../../helpers/simulators.js';
import type { Cycle } from '../accumulators/golden.js';
import { goldenPe, type PeKindName } from './golden.js';

type Options = PeNetlistOptions & { variant?: AbsDiffVariant; multiplier?: MultiplierArch };

const BUILD: Record<PeKindName, (o: Options) => Netlist> = {
  adder: buildAdderPe,
  mac: buildMacPe,
  xnor: buildXnorPe,
};

/** Random taps, clear 1 cycle in 8 so that narrow accumulators overflow between clears. */
function tapsArbitrary(width: number, length: number): fc.Arbitrary<Cycle[]> {
  const word = fc.bigInt({ min: 0n, max: (1n << BigInt(width)) - 1n });
  const clear = fc.oneof(
    { weight: 1, arbitrary: fc.constant(1n) },
    { weight: 7, arbitrary: fc.constant(0n) },
  );
  return fc.array(fc.record({ x: word, w: word, clear }), {
    minLength: length,
    maxLength: length,
  });
}

/** Runs `runs` random tap sequences of `length` cycles and compares with the golden PE. */
function checkPe(sim: SimulatorUnderTest, kind: PeKindName, options: Options, runs = 3) {
  const netlist = BUILD[kind](options);
  const accBits = netlist.outputs.find((p) => p.name === 'acc')?.bits.length ?? 0;
  const model = {
    kind,
    width: options.width,
    signed: options.signed ?? false,
    stages: options.stages ?? 0,
    accBits,
    overflow: options.overflow ?? 'wrap',
  };
  fc.assert(
    fc.property(tapsArbitrary(options.width, 32), (cycles) => {
      expect(sim.run(netlist, cycles)).toEqual(goldenPe(model, cycles));
    }),
    { numRuns: runs },
  );
}

const KINDS: PeKindName[] = ['adder', 'mac', 'xnor'];
const readings = (kind: PeKindName) => (kind === 'xnor' ? [false] : [false, true]);
/** Narrowest accumulator the PE accepts (overflows often), or one sized for 1000 taps. */
const narrowest = (kind: PeKindName, width: number) =>
  kind === 'mac' ? 2 * width : kind === 'xnor' ? width.toString(2).length : width;

describe.each(SIMULATORS)('processing elements on the $name simulator', (sim) => {
  describe.each(KINDS)('%s PE', (kind) => {
    it.each([1, 3, 8])('follows the golden sequence at %i bits, 0 to 3 stages', (width) => {
      for (const signed of readings(kind)) {
        for (const stages of [0, 1, 3]) {
          for (const overflow of OVERFLOW_MODES) {
            checkPe(sim, kind, {
              width,
              signed,
              stages,
              overflow,
              accWidth: narrowest(kind, width),
            });
            checkPe(sim, kind, { width, signed, stages, overflow, taps: 1000 }, 1);
          }
        }
      }
    });

    it.each([16, 32, 64])('follows the golden sequence at %i bits, 2 stages', (width) => {
      for (const signed of readings(kind)) {
        for (const overflow of OVERFLOW_MODES) {
          checkPe(
            sim,
            kind,
            { width, signed, stages: 2, overflow, accWidth: narrowest(kind, width) + 1 },
            2,
          );
        }
      }
    });

    it.each(ADDER_ARCHS)('takes %s as its adder', (adder) => {
      for (const signed of readings(kind))
        checkPe(sim, kind, { width: 8, signed, stages: 1, adder }, 1);
    });
  });

  it.each(ABSDIFF_VARIANTS)('adder PE takes the %s |x−w|', (variant) => {
    for (const signed of [false, true]) {
      for (const overflow of OVERFLOW_MODES) {
        checkPe(sim, 'adder', { width: 6, signed, stages: 1, overflow, variant, accWidth: 7 });
      }
    }
  });

  it.each(MULTIPLIER_ARCHS)('MAC PE takes the %s multiplier', (multiplier) => {
    for (const signed of [false, true]) {
      for (const overflow of OVERFLOW_MODES) {
        checkPe(sim, 'mac', { width: 6, signed, stages: 1, overflow, multiplier, accWidth: 13 });
      }
    }
  });

  it('shows a tap stages + 1 cycles after it enters (worked by hand)', () => {
    // |5−2| = 3 (with clear), |1−4| = 3, |7−7| = 0, |0−9| = 9, then zeros; 2 stages.
    const taps: [bigint, bigint, bigint][] = [
      [5n, 2n, 1n],
      [1n, 4n, 0n],
      [7n, 7n, 0n],
      [0n, 9n, 0n],
      [0n, 0n, 0n],
      [0n, 0n, 0n],
      [0n, 0n, 0n],
      [3n, 3n, 1n],
      [0n, 0n, 0n],
      [0n, 0n, 0n],
      [0n, 0n, 0n],
    ];
    const cycles = taps.map(([x, w, clear]) => ({ x, w, clear }));
    for (const variant of ABSDIFF_VARIANTS) {
      const netlist = buildAdderPe({ width: 4, stages: 2, variant });
      const acc = sim.run(netlist, cycles).map((o) => Number(o.acc));
      expect(acc, variant).toEqual([0, 0, 0, 3, 6, 6, 15, 15, 15, 15, 0]);
    }
  });
});

// The shared sequential contract at 8 bits, 2 stages, 10-bit accumulators.
for (const kind of KINDS) {
  for (const signed of readings(kind)) {
    const options = { width: 8, signed, stages: 2, accWidth: kind === 'mac' ? 17 : 10 };
    const model = { kind, ...options, accBits: options.accWidth, overflow: 'wrap' as const };
    assertSequentialContract(
      `${kind} PE, ${signed ? 'signed' : 'unsigned'}`,
      () => BUILD[kind](options),
      (cycles) => goldenPe(model, cycles),
      { length: 32, runs: 5 },
    );
  }
}

describe('processing-element netlists', () => {
  it('have the documented ports and registers', () => {
    for (const stages of [0, 1, 2, 5]) {
      for (const variant of ABSDIFF_VARIANTS) {
        const pe = buildAdderPe({ width: 8, stages, variant, taps: 576 });
        const acc = 18; // 576 · 255 = 146,880 < 2^18
        // The deferred +1 of ones-complement is one more pipelined bit.
        const piped = 8 + 1 + (variant === 'ones-complement' ? 1 : 0);
        expect(pe.registers.length, `${variant}, ${stages} stages`).toBe(stages * piped + acc + 1);
      }
      const mac = buildMacPe({ width: 8, signed: true, stages, taps: 16 });
      expect(mac.registers.length).toBe(stages * 17 + 20 + 1);
      const xnor = buildXnorPe({ width: 64, stages, taps: 9 });
      // 64 lanes → 7-bit count; 9 · 64 = 576 → 10 bits.
      expect(xnor.registers.length).toBe(stages * 8 + 10 + 1);
      for (const netlist of [mac, xnor]) {
        expect(netlist.inputs.map((p) => p.name)).toEqual(['x', 'w', 'clear']);
        expect(netlist.outputs.map((p) => p.name)).toEqual(['acc', 'overflow']);
        for (const port of [...netlist.inputs, ...netlist.outputs]) expect(port.doc).toBeTruthy();
      }
    }
  });

  it('refuses bad options with exact messages', () => {
    expect(() => buildAdderPe({ width: 8, stages: 17 })).toThrow(
      'pipeline stages must be an integer from 0 to 16, not 17',
    );
    expect(() => buildMacPe({ width: 0 })).toThrow(
      'mac PE width must be an integer from 1 to 256, not 0',
    );
    expect(() => buildMacPe({ width: 8, accWidth: 15 })).toThrow(
      'accumulator width must be an integer from 16 to 1024, not 15',
    );
    expect(() => buildXnorPe({ width: 8, signed: true })).toThrow(
      'xnor PE operands must be unsigned, not signed',
    );
    expect(() => buildAdderPe({ width: 8, variant: 'abs' as never })).toThrow(
      '|a-b| variant must be one of sub-negate, dual-sub-mux, ones-complement, not "abs"',
    );
  });
});
