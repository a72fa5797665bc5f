import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMultiplier } from '../../src/gen/multipliers/index.js';
import { allocPlanes } from '../../src/sim/bitplane.js';
import { CompiledSimulator, LARGE_NETS } from '../../src/sim/compiled.js';
import { compileJsKernel } from '../../src/sim/js-kernel.js';
import { compileSlicedKernel } from '../../src/sim/sliced-kernel.js';
import { prng, randomNetlist } from './random-netlist.js';

describe('sliced kernel for very large netlists', () => {
  it('equals the one-function kernel on random netlists cut into tiny slices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 4 }),
        (seed, sliceCells, words, cycles) => {
          const netlist = randomNetlist(seed, {
            cells: 60,
            registers: seed % 2 === 0 ? 0 : 6,
            inputWidths: [5, 3],
            outputs: 2,
          });
          const inputBits = netlist.inputs.reduce((s, p) => s + p.bits.length, 0);
          const outputBits = netlist.outputs.reduce((s, p) => s + p.bits.length, 0);
          const rand = prng(seed);
          const inputs = Array.from({ length: inputBits }, () =>
            Int32Array.from({ length: words * cycles }, () => Math.floor(rand() * 2 ** 32) | 0),
          );
          const state = () =>
            netlist.registers.map((r, i) => new Int32Array(words).fill(r.init ? -1 : i * 7919));
          const expected = allocPlanes(outputBits, words * cycles);
          const expectedState = state();
          compileJsKernel(netlist, 'eval')(inputs, expected, expectedState, words, cycles);
          const got = allocPlanes(outputBits, words * cycles);
          const gotState = state();
          compileSlicedKernel(netlist, sliceCells)(inputs, got, gotState, words, cycles);
          expect(got).toEqual(expected);
          expect(gotState).toEqual(expectedState);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('runs a 256-bit signed multiplier (about 200,000 nets) exactly', () => {
    const netlist = buildMultiplier({ width: 256, arch: 'array', signed: true });
    expect(netlist.netCount).toBeGreaterThan(LARGE_NETS);
    const sim = new CompiledSimulator(netlist);
    expect(sim.isLarge).toBe(true);
    const a = [-(1n << 255n), (1n << 255n) - 1n, 12345678901234567890n, -3n];
    const b = [-(1n << 255n), -(1n << 255n), -98765432109876543210n, 5n];
    const product = sim.evaluateBigInt({ a, b }).product;
    a.forEach((x, i) => {
      expect(product[i]).toBe(BigInt.asUintN(512, x * b[i]));
    });
    expect(() => sim.activityKernel()).toThrow(
      `switching activity is limited to netlists of at most ${LARGE_NETS} nets, not ${netlist.netCount}`,
    );
  });
});
