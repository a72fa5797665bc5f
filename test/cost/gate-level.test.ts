import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateNetlist } from '../../src/cost/estimate-netlist.js';
import type { AsicCellTable } from '../../src/cost/table-types.js';
import { loadTable } from '../../src/cost/tables.js';
import { cellDelaysPs, criticalPathPs } from '../../src/cost/timing.js';
import { rippleCarry } from '../../src/gen/adders/ripple-carry.js';
import type { Activity } from '../../src/ir/activity.js';
import { NetlistBuilder } from '../../src/ir/builder.js';
import type { Netlist } from '../../src/ir/netlist.js';
import { fromRoot } from '../../src/paths.js';
import { simulateActivity } from '../../src/sim/activity.js';
import { UNIT_DELAYS } from '../../src/sim/delays.js';
import { ReferenceSimulator } from '../../src/sim/reference.js';
import { restrictActivity, simulateTimingActivity } from '../../src/sim/timing-activity.js';

const cells = loadTable('cells-45nm') as AsicCellTable;
// Independent reading of the same file, for hand-written expectations.
const raw = JSON.parse(readFileSync(fromRoot('cost-tables', 'cells-45nm.json'), 'utf8'));
const fa = raw.cells.find((c: { kind: string }) => c.kind === 'fa');

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBits(rand: () => number, width: number): bigint {
  let x = 0n;
  for (let i = 0; i < width; i++) x = (x << 1n) | (rand() < 0.5 ? 1n : 0n);
  return x;
}

function rcaNetlist(width: number): Netlist {
  const b = new NetlistBuilder(`rca${width}`);
  const x = b.input('x', width);
  const y = b.input('y', width);
  const { sum, cout } = rippleCarry(b, x, y);
  b.output('sum', [...sum, cout]);
  return b.build();
}

/** Zero-delay toggles per net, counted with the reference simulator over random vectors. */
function countToggles(netlist: Netlist, vectors: number, seed: number): Activity {
  const sim = new ReferenceSimulator(netlist);
  const rand = mulberry32(seed);
  const toggles = new Float64Array(netlist.netCount);
  const prev = new Uint8Array(netlist.netCount);
  for (let v = 0; v < vectors; v++) {
    const inputs: Record<string, bigint> = {};
    for (const port of netlist.inputs) inputs[port.name] = randomBits(rand, port.bits.length);
    sim.setInputs(inputs);
    for (let n = 0; n < netlist.netCount; n++) {
      const now = sim.net(n);
      if (v > 0 && now !== prev[n]) toggles[n]++;
      prev[n] = now;
    }
  }
  return { vectors, transitions: vectors - 1, netToggles: toggles };
}

describe('cells-45nm gate-level estimates', () => {
  it.each([
    [8, 0.03],
    [32, 0.1],
  ])(
    'a random-input %i-bit ripple-carry adder lands within the stated factor of Horowitz',
    (width, horowitzPj) => {
      const netlist = rcaNetlist(width);
      const activity = countToggles(netlist, 2001, width);
      const e = estimateNetlist(cells, netlist, activity);
      // Hand computation: sum over fa outputs of toggles x per-output energy, x scale, per transition.
      let expected = 0;
      for (const cell of netlist.cells) {
        cell.outputs.forEach((o, k) => {
          expected += activity.netToggles[o] * fa.outputSwitchingEnergyPj[k];
        });
      }
      expected *= raw.energyCalibration.scale / activity.transitions;
      expect(e.energyPj).toBeCloseTo(expected, 12);
      const ratio = (e.energyPj as number) / horowitzPj;
      const bound = raw.energyCalibration.withinFactor;
      expect(ratio).toBeLessThanOrEqual(bound);
      expect(ratio).toBeGreaterThanOrEqual(1 / bound);
      expect(e.areaUm2).toBeCloseTo(width * 4.256, 9);
      expect(e.items.map((i) => [i.key, i.count, i.row])).toEqual([['cell fa', width, '/cells/9']]);
    },
  );

  it('takes the critical path through the carry chain', () => {
    // Carry ripples through n-1 fa carry outputs, then the last sum: (n-1) x CO + S (ps).
    for (const width of [1, 4, 16]) {
      const expected =
        (width - 1) * fa.outputDelayPs[1] + Math.max(fa.outputDelayPs[0], fa.outputDelayPs[1]);
      expect(criticalPathPs(rcaNetlist(width), cells)).toBeCloseTo(expected, 9);
    }
  });

  it('prices registers: clock every cycle, toggle energy when q changes, clock-to-Q + setup', () => {
    // A toggle flip-flop: q -> not -> d; q and the inverter output change every cycle.
    const b = new NetlistBuilder('tff');
    const r = b.registerLater(0);
    const nq = b.not(r.q);
    r.drive(nq);
    b.output('q', [r.q]);
    const netlist = b.build();
    const cycles = 10;
    const toggles = new Float64Array(netlist.netCount);
    toggles[r.q] = cycles - 1;
    toggles[nq] = cycles - 1;
    const e = estimateNetlist(cells, netlist, {
      vectors: cycles,
      transitions: cycles - 1,
      netToggles: toggles,
    });
    const inv = raw.cells.find((c: { kind: string }) => c.kind === 'not');
    const reg = raw.register;
    const scale = raw.energyCalibration.scale;
    expect(e.energyPj).toBeCloseTo(
      (inv.switchingEnergyPj + reg.toggleEnergyPj + reg.clockEnergyPj) * scale,
      12,
    );
    expect(e.areaUm2).toBeCloseTo(inv.areaUm2 + reg.areaUm2, 12);
    expect(e.criticalPathPs).toBeCloseTo(reg.clockToQPs + inv.delayPs + reg.setupPs, 9);
  });

  it('rejects activity that does not fit the netlist', () => {
    const netlist = rcaNetlist(2);
    expect(() =>
      estimateNetlist(cells, netlist, {
        vectors: 2,
        transitions: 1,
        netToggles: new Float64Array(3),
      }),
    ).toThrow(`activity must have one toggle count per net of rca2 (${netlist.netCount}), not 3`);
    expect(() =>
      estimateNetlist(cells, netlist, {
        vectors: 1,
        transitions: 0,
        netToggles: new Float64Array(netlist.netCount),
      }),
    ).toThrow('activity must cover at least one transition (two vectors), not 0');
  });

  it('gives the table delays as whole picoseconds for the timing-aware simulator', () => {
    // NanGate X1 delays of cells-45nm.json, rounded by hand.
    expect(cellDelaysPs(cells)).toEqual({
      and: 38, // 37.99
      or: 44, // 44.13
      xor: 58, // 58.04
      nand: 22, // 21.9
      nor: 27, // 27.06
      xnor: 45, // 45.22
      not: 16, // 16.45
      buf: 31, // 31.41
      mux2: 61, // 60.76
      fa: 109, // 108.66
      ha: 58, // 58.44
    });
  });

  it('says which toggle model priced the energy', () => {
    const netlist = rcaNetlist(4);
    const stream = { x: [1n, 14n, 3n], y: [2n, 7n, 12n] };
    const zero = estimateNetlist(cells, netlist, simulateActivity(netlist, stream));
    expect(zero.notes).toEqual([
      'cells-45nm: energy per vector from zero-delay toggle counts over 2 transitions (glitches not modelled)',
    ]);
    const timed = simulateTimingActivity(netlist, stream, UNIT_DELAYS);
    const glitchy = estimateNetlist(cells, netlist, restrictActivity(timed, netlist));
    expect(glitchy.notes).toEqual([
      'cells-45nm: energy per vector from transport-delay (every glitch counted, none filtered) toggle counts over 2 transitions',
    ]);
  });
});
