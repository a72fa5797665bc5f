import { describe, expect, it } from 'vitest';
import { buildAdder } from '../../src/gen/adders/index.js';
import { NetlistBuilder } from '../../src/ir/builder.js';
import { netlistMetrics } from '../../src/ir/metrics.js';

describe('netlistMetrics', () => {
  it('counts a hand-built circuit: cells by type, depth, fan-out, registers', () => {
    const b = new NetlistBuilder('hand');
    const x = b.input('x', 3);
    const p = b.and(x[0], x[1]); // level 1
    const q = b.or(p, x[2]); // level 2
    const r = b.not(q); // level 3
    const s = b.xor(p, r); // level 4; p has 2 loads
    const t = b.register(s);
    const u = b.nand(t, x[0]); // level 1 again: starts at a register; x[0] has 2 loads
    b.output('y', [u, s]);
    expect(netlistMetrics(b.build())).toEqual({
      cells: 5,
      cellsByType: { and: 1, or: 1, xor: 1, nand: 1, not: 1 },
      primitiveCells: 5,
      depth: 4,
      maxFanout: 2,
      registers: 1,
    });
  });

  it('counts a full adder as one cell, 3 gate levels to its carry', () => {
    const b = new NetlistBuilder('fa');
    const x = b.input('x', 3);
    b.output('y', b.fa(x[0], x[1], x[2]));
    const m = netlistMetrics(b.build());
    expect([m.cells, m.primitiveCells, m.depth, m.cellsByType]).toEqual([1, 5, 3, { fa: 1 }]);
  });

  it('measures a register input as a load and a constant not', () => {
    const b = new NetlistBuilder('loads');
    const x = b.input('x', 1);
    const n = b.buf(x[0]);
    b.register(n);
    b.register(n);
    b.register(n);
    b.output('y', [b.and(b.one, b.one), b.and(b.one, b.zero)]);
    expect(netlistMetrics(b.build()).maxFanout).toBe(3);
  });

  it('gives the ripple-carry adder 2n + 1 levels (3 for the first carry, 2 per later bit)', () => {
    for (const n of [1, 2, 8, 33]) {
      const m = netlistMetrics(buildAdder('ripple-carry', n));
      expect([n, m.cells, m.primitiveCells, m.depth]).toEqual([n, n, 5 * n, 2 * n + 1]);
    }
  });
});
