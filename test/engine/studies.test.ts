import { describe, expect, it } from 'vitest';
import { priceOp } from '../../src/cost/op-pricing.js';
import type { AsicCellTable, AsicOpTable } from '../../src/cost/table-types.js';
import { loadTable } from '../../src/cost/tables.js';
import { accumulatorSweep } from '../../src/engine/accumulator.js';
import { costOnTable } from '../../src/engine/costs.js';
import { runNetwork } from '../../src/engine/network.js';
import { accumulatorOperands, measureAdders } from '../../src/engine/toggles.js';
import type { WeightNode } from '../../src/quant/graph.js';
import { prepared } from './fixtures.js';

describe('accumulator width study', () => {
  it('WRAP and SAT lose accuracy below the full width and none at it', async () => {
    const net = prepared('addernet', { bits: 8 });
    const curve = await accumulatorSweep(net, [9, 13, 16, 17], { bits: 8, limit: 60, threads: 1 });
    expect(curve.fullWidthBits).toBe(17); // fc1: bitLength(400 · 255)
    const full = curve.points.find((p) => p.accBits === 17);
    const run = await runNetwork(net, { limit: 60, threads: 1, float: false, tables: [] });
    expect(full).toMatchObject({
      wrapCorrect: run.correct,
      satCorrect: run.correct,
      wrapEvents: 0,
      satEvents: 0,
    });
    const narrow = curve.points.find((p) => p.accBits === 9);
    expect(narrow?.wrapEvents).toBeGreaterThan(0);
    expect(narrow?.satEvents).toBe(narrow?.wrapEvents);
    expect(narrow?.wrapCorrect).toBeLessThan(run.correct);
  });
});

describe('adder architectures on real operands', () => {
  const net = prepared('addernet', { bits: 8 });
  const ops = accumulatorOperands(net, { images: 1, maxOps: 30_000 });

  it('streams the accumulator additions of the first adder layer in tap order', () => {
    const conv2 = net.graph.nodes.find((n) => n.id === 'conv2') as WeightNode;
    expect([ops.layer, ops.width, ops.a.length]).toEqual(['conv2', conv2.accBits, 30_000]);
    // Within one output the next partial sum is this one plus the addend; a new output starts at 0.
    for (let i = 0; i + 1 < ops.a.length; i++) {
      const next = (ops.a[i] + ops.b[i]) % 2 ** ops.width;
      if ((i + 1) % 150 === 0) expect(ops.a[i + 1]).toBe(0);
      else expect(ops.a[i + 1]).toBe(next);
      expect(ops.b[i]).toBeLessThanOrEqual(255);
    }
  });

  it('measures area, delay, toggles and energy per addition of each architecture', () => {
    const cells = loadTable('cells-45nm') as AsicCellTable;
    const study = measureAdders(ops, ['ripple-carry', 'kogge-stone'], cells);
    const [ripple, kogge] = study.architectures;
    expect(study).toMatchObject({
      bits: ops.width,
      table: 'cells-45nm',
      vectors: 30_000,
      toggleModel: 'zero-delay',
    });
    expect(kogge.areaUm2).toBeGreaterThan(ripple.areaUm2);
    expect(kogge.delayNs).toBeLessThan(ripple.delayNs);
    expect(ripple.togglesPerOp).toBeGreaterThan(0);
    expect(ripple.energyPerOpPj).toBeGreaterThan(0);
    expect(ripple.cells).toBe(ops.width); // one full adder per bit
  });
});

describe('costs of one inference', () => {
  it('prices the exact counts on an op-level table, and leaves unpriced parts null with a reason', async () => {
    const net = prepared('addernet', { bits: 8 });
    const r = await runNetwork(net, {
      limit: 20,
      threads: 1,
      float: false,
      tables: ['asic-45nm-horowitz', 'asic-40nm-aladdin'],
    });
    const horowitz = loadTable('asic-45nm-horowitz') as AsicOpTable;
    const want = r.counts.reduce((s, c) => s + c.count * priceOp(horowitz, c).energyPj, 0);
    const h = r.costs[0];
    expect(h.computePj).toBeCloseTo(want, 6);
    expect(h.energyPj).toBeCloseTo(want + (h.memoryPj as number), 6);
    const a = r.costs[1];
    expect(a.energyPj).toBeNull();
    expect(a.memoryPj).toBeNull();
    expect(a.notPriced).toContain('memory: asic-40nm-aladdin has no sram-read or sram-write row');
    expect(a.cycles).toBe(h.cycles);
  });

  it('a cell table needs the gate backend for energy; its PE area comes from the netlist', () => {
    const net = prepared('addernet', { bits: 8 });
    const conv2 = net.graph.nodes.find((n) => n.id === 'conv2') as WeightNode;
    const cost = costOnTable(loadTable('cells-45nm'), {
      counts: [{ op: 'add', bits: 16, count: 1 }],
      memory: [],
      layers: [
        { name: 'conv2', kind: 'adder', M: 100, N: 16, K: 150, operandBits: 8, accBits: 16 },
      ],
      peLayer: conv2,
      peSpecKey: JSON.stringify({
        accWidth: 16,
        adder: 'ripple-carry',
        kind: 'adder-pe',
        overflow: 'wrap',
        variant: 'ones-complement',
        width: 8,
      }),
    });
    expect(cost.computePj).toBeNull();
    expect(cost.notPriced[0]).toBe(
      'energy: cells-45nm prices netlists with switching activity; run the gate backend',
    );
    expect(cost.pe?.areaUm2).toBeGreaterThan(0);
  });

  it('counts the same for every image: one inference is the run divided by the images', async () => {
    const net = prepared('cnn', { bits: 8 });
    const one = await runNetwork(net, { limit: 1, threads: 1, float: false, tables: [] });
    const many = await runNetwork(net, { limit: 7, threads: 1, float: false, tables: [] });
    expect(many.counts).toEqual(one.counts);
    expect(many.memory).toEqual(one.memory);
  });
});
