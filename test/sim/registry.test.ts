import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReferenceSimulator } from '../../src/sim/reference.js';
import { ActivityKernel } from '../../src/sim/wasm/activity-kernel.js';
import { wasm } from '../../src/sim/wasm/api.js';
import { SIMULATORS } from '../helpers/simulators.js';
import { prng, randomNetlist, randomValues } from './random-netlist.js';

/**
 * Every registered simulator against the reference on random netlists of every cell kind, with
 * registers (sequential loops) and without; and the activity kernel's toggle counts against a
 * scalar count of the reference simulation, net by net.
 */
describe.each(SIMULATORS)('random netlists [$name]', (sim) => {
  it('runs sequential netlists exactly as the reference does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const netlist = randomNetlist(seed, {
          cells: 40,
          registers: 6,
          inputWidths: [5, 3],
          outputs: 3,
        });
        const rand = prng(seed + 1);
        const cycles = Array.from({ length: 12 }, () =>
          Object.fromEntries(
            netlist.inputs.map((p) => [p.name, randomValues(rand, p.bits.length, 1)[0]]),
          ),
        );
        const ref = new ReferenceSimulator(netlist);
        const expected = cycles.map((c) => {
          ref.setInputs(c);
          const o = ref.outputs();
          ref.step();
          return o;
        });
        expect(sim.run(netlist, cycles)).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });
});

describe.runIf(wasm !== undefined)('activity kernel toggles', () => {
  it('equal a scalar count of the reference simulation, net by net', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const netlist = randomNetlist(seed, {
          cells: 30,
          registers: 4,
          inputWidths: [6],
          outputs: 2,
        });
        const rand = prng(seed);
        const count = 20;
        const values = randomValues(rand, 6, count);
        const ref = new ReferenceSimulator(netlist);
        const expected = new Float64Array(netlist.netCount);
        let prev: number[] | undefined;
        for (let t = 0; t < count; t++) {
          ref.setInputs({ [netlist.inputs[0].name]: values[t] });
          const now = Array.from({ length: netlist.netCount }, (_, n) => ref.net(n));
          if (prev) for (let n = 2; n < now.length; n++) if (now[n] !== prev[n]) expected[n]++;
          prev = now;
          ref.step();
        }
        const kernel = ActivityKernel.create(netlist, [netlist.inputs[0].name], []);
        if (!kernel) throw new Error('no WebAssembly SIMD');
        const views = kernel.layout(1, count);
        views.masks[0] = 1; // lane 0 only
        values.forEach((v, t) => {
          for (let b = 0; b < 6; b++) if ((v >> BigInt(b)) & 1n) views.lane[(t * 6 + b) * 4] |= 1;
        });
        views.run();
        const toggles = new Float64Array(netlist.netCount);
        kernel.addToggles(views, toggles);
        expect([...toggles]).toEqual([...expected]);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses an invalid netlist, as every simulator does', () => {
    const netlist = randomNetlist(7, { cells: 5, registers: 0, inputWidths: [2], outputs: 1 });
    const broken = { ...netlist, cells: [...netlist.cells, netlist.cells[0]] };
    expect(() => ActivityKernel.create(broken, [netlist.inputs[0].name], [])).toThrow(/invalid/);
  });
});
