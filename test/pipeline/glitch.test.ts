import { describe, expect, it } from 'vitest';
import { estimateNetlist } from '../../src/cost/estimate-netlist.js';
import type { AsicCellTable } from '../../src/cost/table-types.js';
import { loadTable } from '../../src/cost/tables.js';
import { cellDelaysPs } from '../../src/cost/timing.js';
import { buildDatapath } from '../../src/gen/build-datapath.js';
import { expandMacros } from '../../src/ir/expand.js';
import type { Netlist } from '../../src/ir/netlist.js';
import { glitchFactor } from '../../src/pipeline/glitch.js';
import { ZERO_DELAYS } from '../../src/sim/delays.js';
import { mulberry32 } from '../../src/sim/test-vectors.js';
import { naiveTimingToggles } from '../sim/timing-golden.js';

const cells = loadTable('cells-45nm') as AsicCellTable;
/** Few vectors: the golden model steps every picosecond of every transition. */
const VECTORS = 96;

/** The stimulus glitch.ts documents: uniform 16-bit draws of mulberry32(1), port by port. */
function stimulus(netlist: Netlist): Record<string, bigint[]> {
  const rand = mulberry32(1);
  const stream: Record<string, bigint[]> = {};
  for (const port of netlist.inputs) {
    const width = port.bits.length;
    stream[port.name] = Array.from({ length: VECTORS }, (_, i) => {
      if (port.name === 'clear' && width === 1) return i % 32 === 0 ? 1n : 0n;
      let x = 0n;
      for (let lo = 0; lo < width; lo += 16) {
        x |= BigInt(Math.floor(rand() * 65536)) << BigInt(lo);
      }
      return x & ((1n << BigInt(width)) - 1n);
    });
  }
  return stream;
}

/** Energy per vector of the expanded netlist under the golden model's toggles. */
function goldenPj(netlist: Netlist, delays: Parameters<typeof naiveTimingToggles>[3]): number {
  const toggles = naiveTimingToggles(netlist, stimulus(netlist), VECTORS, delays);
  const expanded = expandMacros(netlist);
  return estimateNetlist(cells, expanded, {
    vectors: VECTORS,
    transitions: VECTORS - 1,
    netToggles: toggles,
  }).energyPj as number;
}

describe('glitch factor', () => {
  it('is the golden time-stepped model’s timing-aware over zero-delay energy', () => {
    for (const spec of [
      { op: 'add', bits: 8 },
      { op: 'mul', arch: 'array', bits: 3 },
    ] as const) {
      const { netlist } = buildDatapath(spec);
      const g = glitchFactor(cells, netlist, VECTORS);
      const timed = goldenPj(netlist, cellDelaysPs(cells));
      const zero = goldenPj(netlist, ZERO_DELAYS);
      expect(g.delayModel).toBe('table');
      expect(g.timedPj).toBeCloseTo(timed, 9);
      expect(g.zeroPj).toBeCloseTo(zero, 9);
      expect(g.factor).toBeCloseTo(timed / zero, 9);
    }
  });

  it('is above 1 for an array multiplier, and more so than for a ripple-carry adder', () => {
    const adder = glitchFactor(cells, buildDatapath({ op: 'add', bits: 8 }).netlist);
    const mul = glitchFactor(cells, buildDatapath({ op: 'mul', arch: 'array', bits: 8 }).netlist);
    expect(adder.factor).toBeGreaterThanOrEqual(1);
    expect(mul.factor).toBeGreaterThan(adder.factor);
    expect(mul.toggleFactor).toBeGreaterThan(1);
  });

  it('counts a PE with its accumulator cleared every 32 cycles', () => {
    const { netlist } = buildDatapath({ op: 'pe-adder', bits: 6 });
    const g = glitchFactor(cells, netlist, VECTORS);
    expect(g.timedPj).toBeCloseTo(goldenPj(netlist, cellDelaysPs(cells)), 9);
    expect(g.factor).toBeGreaterThanOrEqual(1);
  });
});
