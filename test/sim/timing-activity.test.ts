import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAdder } from '../../src/gen/adders/index.js';
import { buildMultiplier } from '../../src/gen/multipliers/index.js';
import { NetlistBuilder } from '../../src/ir/builder.js';
import { expandMacros } from '../../src/ir/expand.js';
import { CELL_KINDS, type CellKind } from '../../src/ir/gates.js';
import type { Net, Netlist } from '../../src/ir/netlist.js';
import { simulateActivity } from '../../src/sim/activity.js';
import { totalToggles } from '../../src/sim/activity-summary.js';
import { PRIMITIVE_KINDS, UNIT_DELAYS, ZERO_DELAYS } from '../../src/sim/delays.js';
import {
  restrictActivity,
  simulateTimingActivity,
  transitionPlanes,
} from '../../src/sim/timing-activity.js';
import { BLOCK, compileTimingKernel } from '../../src/sim/timing-kernel.js';
import { planTiming } from '../../src/sim/timing-plan.js';
import { prng, randomNetlist, randomValues } from './random-netlist.js';
import { naiveTimingToggles } from './timing-golden.js';

function randomStream(netlist: Netlist, seed: number, count: number) {
  const rand = prng(seed);
  return Object.fromEntries(
    netlist.inputs.map((p) => [p.name, randomValues(rand, p.bits.length, count)]),
  );
}

function randomDelays(seed: number, max: number): Record<CellKind, number> {
  const rand = prng(seed);
  return Object.fromEntries(CELL_KINDS.map((k) => [k, Math.floor(rand() * (max + 1))])) as Record<
    CellKind,
    number
  >;
}

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe('timing-aware switching activity', () => {
  it('with zero delays equals the zero-delay counts exactly (combinational)', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 0, max: 300 }), (seed, count) => {
        const netlist = randomNetlist(seed, {
          cells: 60,
          registers: 0,
          inputWidths: [5, 36, 1],
          outputs: 1,
        });
        const stream = randomStream(netlist, seed + 1, count);
        const zero = simulateActivity(netlist, stream);
        const timed = simulateTimingActivity(netlist, stream, ZERO_DELAYS);
        expect(timed.transitions).toBe(zero.transitions);
        expect(Array.from(restrictActivity(timed, netlist).netToggles)).toEqual(
          Array.from(zero.netToggles),
        );
        // The macros' internal wires too: the zero-delay counts of the expanded netlist.
        const expanded = expandMacros(netlist);
        expect(Array.from(timed.netToggles)).toEqual(
          Array.from(simulateActivity(expanded, stream).netToggles),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('with zero delays equals the zero-delay counts exactly (sequential, from reset)', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const netlist = randomNetlist(seed, {
          cells: 50,
          registers: 8,
          inputWidths: [3, 2],
          outputs: 1,
        });
        const stream = randomStream(netlist, seed + 2, 120);
        const zero = simulateActivity(netlist, stream);
        const timed = simulateTimingActivity(netlist, stream, ZERO_DELAYS);
        expect(Array.from(restrictActivity(timed, netlist).netToggles)).toEqual(
          Array.from(zero.netToggles),
        );
      }),
      { numRuns: 20 },
    );
  });

  it('equals a scalar time-stepped simulation for unit and random per-kind delays', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 2, max: 80 }), fc.boolean(), (seed, count, seq) => {
        const netlist = randomNetlist(seed, {
          cells: 40,
          registers: seq ? 5 : 0,
          inputWidths: [4, 3],
          outputs: 1,
        });
        const stream = randomStream(netlist, seed + 3, count);
        for (const delays of [UNIT_DELAYS, randomDelays(seed, 7)]) {
          const timed = simulateTimingActivity(netlist, stream, delays);
          expect(Array.from(timed.netToggles)).toEqual(
            Array.from(naiveTimingToggles(netlist, stream, count, delays)),
          );
        }
      }),
      { numRuns: 40 },
    );
  });

  it('counts every lane exactly across many words, and the hazard of a and not(a)', () => {
    const b = new NetlistBuilder('hazard');
    const a = b.input('a', 1)[0];
    b.output('y', [b.and(a, b.not(a))]);
    const netlist = b.build();
    // a: 0 1 0 1 ... over 1001 vectors: 1000 transitions, 500 rising edges.
    const stream = { a: Int32Array.from({ length: 1001 }, (_, i) => i & 1) };
    const y = netlist.outputs[0].bits[0];
    expect(simulateActivity(netlist, stream).netToggles[y]).toBe(0);
    // Unit delay: not(a) follows a one unit late, so y pulses high on each rising edge of a.
    expect(simulateTimingActivity(netlist, stream, UNIT_DELAYS).netToggles[y]).toBe(1000);
    const big = randomNetlist(77, { cells: 30, registers: 0, inputWidths: [7, 6], outputs: 1 });
    const count = 32 * 300 + 13;
    const bigStream = randomStream(big, 78, count);
    const delays = randomDelays(79, 3);
    expect(Array.from(simulateTimingActivity(big, bigStream, delays).netToggles)).toEqual(
      Array.from(naiveTimingToggles(big, bigStream, count, delays)),
    );
  });

  it('equals zero-delay when every net has one arrival time (balanced paths)', () => {
    // Layered random circuits: each cell reads only the layer before it, so with equal delays
    // every path to a net has the same length, reconvergent or not; a balanced xor tree
    // keeps one arrival time under any per-kind delays as it has one kind.
    fc.assert(
      fc.property(seeds, (seed) => {
        const netlist = layered(seed, 6, 10, 5);
        const stream = randomStream(netlist, seed + 4, 200);
        const zero = simulateActivity(netlist, stream).netToggles;
        for (const d of [1, 3]) {
          const delays = Object.fromEntries(PRIMITIVE_KINDS.map((k) => [k, d]));
          const timed = simulateTimingActivity(netlist, stream, delays);
          expect(timed.settleTime).toBe(6 * d);
          expect(Array.from(timed.netToggles)).toEqual(Array.from(zero));
        }
      }),
      { numRuns: 15 },
    );
    const tree = xorTree(16);
    const stream = randomStream(tree, 5, 500);
    const timed = simulateTimingActivity(tree, stream, { ...UNIT_DELAYS, xor: 58 });
    expect(timed.settleTime).toBe(4 * 58);
    expect(Array.from(timed.netToggles)).toEqual(
      Array.from(simulateActivity(tree, stream).netToggles),
    );
  });

  it('equals zero-delay on fan-out-free circuits when one input bit changes per vector', () => {
    // A glitch needs two paths from changing inputs to a net with different delays. In a
    // tree (every net read at most once, no reconvergence) a Gray-code stream changes one
    // input bit per vector, so each net sees at most one path and changes at most once.
    fc.assert(
      fc.property(seeds, (seed) => {
        const netlist = fanoutFree(seed, 24);
        const gray = Array.from({ length: 3000 }, (_, i) => BigInt(i ^ (i >>> 1)));
        const stream = { x: gray };
        const zero = simulateActivity(netlist, stream).netToggles;
        const timed = simulateTimingActivity(netlist, stream, randomDelays(seed, 60));
        expect(timed.settleTime).toBeGreaterThan(0);
        expect(Array.from(timed.netToggles)).toEqual(Array.from(zero));
      }),
      { numRuns: 15 },
    );
  });

  it('shows glitches without reconvergence when paths to a gate differ in delay', () => {
    // y = a & not(not(b)): a tree (every input used once), but b arrives two units late.
    const b = new NetlistBuilder('tree');
    const a = b.input('a', 1)[0];
    const c = b.input('b', 1)[0];
    b.output('y', [b.and(a, b.not(b.not(c)))]);
    const netlist = b.build();
    const stream = { a: Int32Array.of(0, 1), b: Int32Array.of(1, 0) };
    const y = netlist.outputs[0].bits[0];
    expect(simulateActivity(netlist, stream).netToggles[y]).toBe(0);
    expect(simulateTimingActivity(netlist, stream, UNIT_DELAYS).netToggles[y]).toBe(2);
  });

  it('counts strictly more toggles than zero-delay for an array multiplier, equal settled outputs', () => {
    const netlist = buildMultiplier({ width: 6, arch: 'array' });
    const stream = randomStream(netlist, 9, 400);
    const zero = totalToggles(simulateActivity(netlist, stream));
    const unit = simulateTimingActivity(netlist, stream, UNIT_DELAYS);
    expect(totalToggles(restrictActivity(unit, netlist))).toBeGreaterThan(zero);
    expect(Array.from(unit.netToggles)).toEqual(
      Array.from(naiveTimingToggles(netlist, stream, 400, UNIT_DELAYS)),
    );
    // Outputs (and every net) toggle at least as often as zero-delay: a net that ends on a
    // new value changed at least once.
    const zeroNets = simulateActivity(netlist, stream).netToggles;
    const timedNets = restrictActivity(unit, netlist).netToggles;
    for (let n = 0; n < netlist.netCount; n++) {
      expect(timedNets[n]).toBeGreaterThanOrEqual(zeroNets[n]);
      expect((timedNets[n] - zeroNets[n]) % 2).toBe(0);
    }
  });

  it('gives the same counts for any block of words per instruction', () => {
    const netlist = buildMultiplier({ width: 5, arch: 'dadda' });
    const count = 5000;
    const stream = randomStream(netlist, 11, count);
    const whole = simulateTimingActivity(netlist, stream, UNIT_DELAYS);
    const plan = planTiming(expandMacros(netlist), UNIT_DELAYS);
    const { planes, next, words } = transitionPlanes(netlist, stream, count);
    expect(words).toBeGreaterThan(2 * BLOCK);
    for (const block of [1, 3, 100]) {
      const toggles = new Float64Array(whole.netToggles.length);
      compileTimingKernel(plan, block)(planes, next, toggles, words);
      expect(Array.from(toggles)).toEqual(Array.from(whole.netToggles));
    }
  });

  it('ripple-carry adder: glitches on the carry chain under unit delays', () => {
    const netlist = buildAdder('ripple-carry', 8);
    const stream = randomStream(netlist, 10, 300);
    const zero = totalToggles(simulateActivity(netlist, stream));
    const unit = totalToggles(
      restrictActivity(simulateTimingActivity(netlist, stream, UNIT_DELAYS), netlist),
    );
    expect(unit).toBeGreaterThan(zero);
  });

  it('refuses a bad delay table and invalid netlists', () => {
    const netlist = buildAdder('ripple-carry', 4);
    const stream = randomStream(netlist, 1, 4);
    expect(() => simulateTimingActivity(netlist, stream, { ...UNIT_DELAYS, xor: -1 })).toThrow(
      'the delay of cell kind xor must be an integer from 0 to 1000000, not -1',
    );
    expect(() => simulateTimingActivity(netlist, stream, { and: 1, or: 1 })).toThrow(
      'the delay of cell kind xor must be an integer from 0 to 1000000, not nothing',
    );
    expect(() => simulateTimingActivity(netlist, stream, { ...UNIT_DELAYS, and: 1.5 })).toThrow(
      'the delay of cell kind and must be an integer from 0 to 1000000, not 1.5',
    );
    const broken: Netlist = { ...netlist, cells: [...netlist.cells, netlist.cells[0]] };
    expect(() => simulateTimingActivity(broken, stream, UNIT_DELAYS)).toThrow(/is invalid/);
  });

  it('refuses a plan with too many distinct arrival times', () => {
    const netlist = buildMultiplier({ width: 48, arch: 'array' });
    const delays = Object.fromEntries(PRIMITIVE_KINDS.map((k, i) => [k, 997 + 37 * i]));
    expect(() => simulateTimingActivity(netlist, { a: [0n, 1n], b: [0n, 1n] }, delays)).toThrow(
      'timing-aware activity of mul_array_48u needs more than 2000000 net evaluations per vector (too many distinct arrival times); use unit delays or coarser delay units',
    );
  });
});

/** Random layered circuit: `layers` layers of `width` primitive cells, each reading the previous layer. */
function layered(seed: number, layers: number, width: number, inputs: number): Netlist {
  const rand = prng(seed);
  const b = new NetlistBuilder(`layered_${seed}`);
  let prev: Net[] = [...b.input('x', inputs)];
  for (let l = 0; l < layers; l++) {
    const next: Net[] = [];
    for (let i = 0; i < width; i++) {
      const kind = PRIMITIVE_KINDS[Math.floor(rand() * PRIMITIVE_KINDS.length)];
      const arity = kind === 'mux2' ? 3 : kind === 'not' || kind === 'buf' ? 1 : 2;
      const ins = Array.from({ length: arity }, () => prev[Math.floor(rand() * prev.length)]);
      next.push(...b.cell(kind, ...ins));
    }
    prev = next;
  }
  b.output('y', prev);
  return b.build();
}

/** Random tree of primitive cells: every input bit and cell output is read at most once. */
function fanoutFree(seed: number, inputs: number): Netlist {
  const rand = prng(seed);
  const b = new NetlistBuilder(`tree_${seed}`);
  const pool: Net[] = [...b.input('x', inputs)];
  const take = () => pool.splice(Math.floor(rand() * pool.length), 1)[0];
  while (pool.length > 3) {
    const kind = PRIMITIVE_KINDS[Math.floor(rand() * PRIMITIVE_KINDS.length)];
    const arity = kind === 'mux2' ? 3 : kind === 'not' || kind === 'buf' ? 1 : 2;
    const ins = Array.from({ length: arity }, take);
    pool.push(...b.cell(kind, ...ins));
  }
  b.output('y', pool);
  return b.build();
}

function xorTree(width: number): Netlist {
  const b = new NetlistBuilder('parity');
  let level: Net[] = [...b.input('x', width)];
  while (level.length > 1) {
    const next: Net[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(b.xor(level[i], level[i + 1]));
    level = next;
  }
  b.output('p', level);
  return b.build();
}
