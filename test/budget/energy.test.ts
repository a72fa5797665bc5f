import { describe, expect, it } from 'vitest';
import { budgetArchitecture } from '../../src/budget/budget.js';
import { loadTable, parseTable } from '../../src/cost/tables.js';
import type { Architecture } from '../../src/nn/graph.js';

/** A table with round numbers, so energies can be worked out by hand. */
function table(withMemory: boolean) {
  const point = (energyPj: number) => [{ bits: 8, energyPj, source: 'test' }];
  const rows = [
    { op: 'add', scaling: { rule: 'linear', source: 'test' }, points: point(1) },
    { op: 'mul', scaling: { rule: 'bilinear', source: 'test' }, points: point(8) },
    // Needed to price the AdderNet and BNN totals, which every budget prices too.
    ...['sub', 'abs', 'cmp', 'xnor', 'popcount'].map((op) => ({
      op,
      scaling: { rule: 'linear', source: 'test' },
      points: point(1),
    })),
  ];
  if (withMemory) {
    rows.push({ op: 'sram-read', scaling: { rule: 'linear', source: 'test' }, points: point(4) });
    rows.push({ op: 'sram-write', scaling: { rule: 'linear', source: 'test' }, points: point(6) });
  }
  return parseTable(
    JSON.stringify({
      name: 'hand',
      kind: 'asic-op',
      node: 'none',
      description: 'test',
      sources: ['test'],
      ops: rows,
    }),
    'hand.json',
  );
}

// 2x5x5 input, 3 filters 3x3: 486 taps, accumulator 20 bits (see layers.test.ts).
const conv: Architecture = {
  name: 'conv',
  dataset: 'none',
  source: 'test',
  nodes: [
    { id: 'input', op: 'input', shape: [2, 5, 5] },
    { id: 'c', op: 'conv', role: 'body', outChannels: 3, kernel: 3 },
  ],
};

describe('budget energy', () => {
  it('prices compute and memory separately, by hand', () => {
    // accelerator: null prices every access at the table's SRAM rows (the flat model).
    const e = budgetArchitecture(conv, { table: table(true), accelerator: null }).totals.cnn
      .energy!;
    // mul:8 486 x 8 pJ = 3,888; add:20 486 x (20/8 x 1 pJ) = 1,215.
    expect(e.computePj).toBe(5_103);
    // sram-read:8 104 x 4 pJ = 416; sram-write:20 27 x (20/8 x 6 pJ) = 405.
    expect(e.memoryPj).toBe(821);
    expect(e.totalPj).toBe(5_924);
    expect(e.provenance).toHaveLength(4);
    expect(e.table).toBe('hand');
  });

  it('leaves memory unpriced, not zero, when the table has no SRAM rows', () => {
    const e = budgetArchitecture(conv, { table: table(false) }).totals.cnn.energy!;
    expect(e.memoryPj).toBeNull();
    expect(e.totalPj).toBeNull();
    expect(e.notes).toContain(
      'hand has no sram-read or sram-write row: memory energy is not priced',
    );
  });

  it('refuses a table that cannot price op counts', () => {
    expect(() => budgetArchitecture(conv, { table: loadTable('cells-45nm') })).toThrow(
      'cannot price operation counts',
    );
  });

  it('has no energy without a table', () => {
    expect(budgetArchitecture(conv).totals.cnn.energy).toBeUndefined();
  });
});
