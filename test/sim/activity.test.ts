import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetlistBuilder } from '../../src/ir/builder.js';
import type { Netlist } from '../../src/ir/netlist.js';
import { chunkWords, simulateActivity } from '../../src/sim/activity.js';
import { activityByKind, totalToggles } from '../../src/sim/activity-summary.js';
import { ReferenceSimulator } from '../../src/sim/reference.js';
import { prng, randomNetlist, randomValues } from './random-netlist.js';

/** Golden model: one scalar reference simulation of the whole stream, net by net. */
function naiveToggles(netlist: Netlist, stream: Record<string, readonly bigint[]>, count: number) {
  const sim = new ReferenceSimulator(netlist);
  const toggles = new Float64Array(netlist.netCount);
  let prev: number[] | undefined;
  for (let t = 0; t < count; t++) {
    sim.setInputs(Object.fromEntries(netlist.inputs.map((p) => [p.name, stream[p.name][t]])));
    const now = Array.from({ length: netlist.netCount }, (_, n) => sim.net(n));
    if (prev) for (let n = 0; n < now.length; n++) if (now[n] !== prev[n]) toggles[n]++;
    prev = now;
    sim.step();
  }
  return toggles;
}

function randomStream(netlist: Netlist, seed: number, count: number) {
  const rand = prng(seed);
  return Object.fromEntries(
    netlist.inputs.map((p) => [p.name, randomValues(rand, p.bits.length, count)]),
  );
}

describe('switching activity (zero-delay toggle counts)', () => {
  it('equals a scalar toggle count of the whole stream, chunk boundaries included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 700 }),
        (seed, count) => {
          const netlist = randomNetlist(seed, {
            cells: 60,
            registers: 0,
            inputWidths: [5, 36],
            outputs: 1,
          });
          const stream = randomStream(netlist, seed + 1, count);
          const activity = simulateActivity(netlist, stream);
          expect(activity.vectors).toBe(count);
          expect(activity.transitions).toBe(count - 1);
          expect(Array.from(activity.netToggles)).toEqual(
            Array.from(naiveToggles(netlist, stream, count)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('counts exactly on a stream long enough to use many words of lanes', () => {
    const count = 3 * 32 * 256 + 77;
    expect(chunkWords(count)).toBe(4);
    const netlist = randomNetlist(4242, { cells: 30, registers: 0, inputWidths: [8], outputs: 1 });
    const stream = randomStream(netlist, 5, count);
    expect(Array.from(simulateActivity(netlist, stream).netToggles)).toEqual(
      Array.from(naiveToggles(netlist, stream, count)),
    );
  });

  it('follows a sequential netlist cycle by cycle from reset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const netlist = randomNetlist(seed, {
          cells: 50,
          registers: 8,
          inputWidths: [3],
          outputs: 1,
        });
        const stream = randomStream(netlist, seed + 2, 90);
        expect(Array.from(simulateActivity(netlist, stream).netToggles)).toEqual(
          Array.from(naiveToggles(netlist, stream, 90)),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('accepts Int32Array streams and aggregates toggles per cell kind', () => {
    // y = a & b, z = ~a: vectors (a,b) = (0,0) (1,1) (1,0) (0,1)
    const b = new NetlistBuilder('tiny');
    const a = b.input('a', 1)[0];
    const c = b.input('b', 1)[0];
    b.output('y', [b.and(a, c)]);
    b.output('z', [b.not(a)]);
    const netlist = b.build();
    const activity = simulateActivity(netlist, {
      a: Int32Array.of(0, 1, 1, 0),
      b: Int32Array.of(0, 1, 0, 1),
    });
    // a: 0 1 1 0 -> 2; b: 0 1 0 1 -> 3; y: 0 1 0 0 -> 2; z: 1 0 0 1 -> 2
    expect(Array.from(activity.netToggles)).toEqual([0, 0, 2, 3, 2, 2]);
    expect(totalToggles(activity)).toBe(9);
    expect(activityByKind(netlist, activity)).toEqual([
      { source: 'and', count: 1, nets: 1, toggles: 2, rate: 2 / 3 },
      { source: 'not', count: 1, nets: 1, toggles: 2, rate: 2 / 3 },
      { source: 'input', count: 2, nets: 2, toggles: 5, rate: 5 / 6 },
    ]);
  });
});
