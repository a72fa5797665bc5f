import { describe, expect, it } from 'vitest';
import type { AsicCellTable, AsicOpTable } from '../../src/cost/table-types.js';
import { loadTable } from '../../src/cost/tables.js';
import { cellTableArea, opTableArea, type PeShape, peNetlist } from '../../src/study/area.js';
import { budgetSection } from '../../src/study/budgets.js';

const aladdin = loadTable('asic-40nm-aladdin') as AsicOpTable;
const horowitz = loadTable('asic-45nm-horowitz') as AsicOpTable;
const cells = loadTable('cells-45nm') as AsicCellTable;

const pe = (
  network: PeShape['network'],
  kind: PeShape['kind'],
  operandBits: number,
  accBits: number,
  lanes = 1,
): PeShape => ({
  network,
  layer: 'conv2',
  kind,
  operandBits,
  accBits,
  lanes,
});
const adderPe = pe('addernet', 'adder', 8, 17);
const macPe = pe('cnn', 'multiply', 8, 24);
const xnorPe = pe('bnn', 'binary', 1, 8, 150);

describe('PE area', () => {
  it('on an op-level table: one unit per op, Aladdin areas linear in width', () => {
    // Aladdin 32-bit adder: 278 um2; sub and abs are priced as adders of their width.
    const row = opTableArea(aladdin, adderPe, 8);
    expect(row?.areaUm2).toBeCloseTo((278 * (8 + 9 + 17)) / 32, 9);
    expect(row?.provenance.length).toBeGreaterThan(1);
  });

  it('is left out on a table that gives no areas', () => {
    expect(opTableArea(horowitz, adderPe, 8)).toBeNull();
  });

  it('on a cell table: the PE netlist cell by cell, flip-flops included', () => {
    for (const shape of [adderPe, macPe, xnorPe]) {
      const netlist = peNetlist(shape);
      let area = netlist.registers.length * cells.register.areaUm2;
      for (const c of netlist.cells) {
        area += cells.cells.find((r) => r.kind === c.kind)?.areaUm2 as number;
      }
      const row = cellTableArea(cells, shape, 8);
      expect(row.areaUm2).toBeCloseTo(area, 9);
      expect(row.network).toBe(shape.network);
    }
    expect(peNetlist(xnorPe).inputs.find((p) => p.name === 'x')?.bits.length).toBe(150);
    expect(peNetlist(adderPe).inputs.find((p) => p.name === 'x')?.signed).toBe(false);
    // The multiplier makes the MAC PE the larger of the two one-tap PEs.
    const areas = [adderPe, macPe].map((shape) => cellTableArea(cells, shape, 8).areaUm2);
    expect(areas[1]).toBeGreaterThan(areas[0]);
  });
});

describe('operation budgets', () => {
  it('covers the six shipped architectures in both conventions', () => {
    const section = budgetSection(8);
    expect(section.architectures.map((a) => a.name).sort()).toEqual([
      'lenet5',
      'resnet18',
      'resnet20',
      'resnet32',
      'resnet50',
      'vgg-small',
    ]);
    // LeNet-5 taps, from its geometry: conv1 28·28·6·25, conv2 10·10·16·150, fc 120·400, 84·120, 10·84.
    const taps = 28 * 28 * 6 * 25 + 10 * 10 * 16 * 150 + 120 * 400 + 84 * 120 + 10 * 84;
    const lenet = section.architectures.find((a) => a.name === 'lenet5');
    const paper = Object.fromEntries(lenet?.networks.map((n) => [n.network, n.paper]) ?? []);
    expect(paper.cnn).toEqual({ mul: taps, add: taps, xnor: 0 });
    expect(paper.addernet).toEqual({ mul: 0, add: 2 * taps, xnor: 0 });
    expect(paper.bnn).toEqual({ mul: 0, add: taps, xnor: taps });
    const adder = lenet?.networks.find((n) => n.network === 'addernet');
    const count = (op: string) =>
      adder?.explicit.filter((c) => c.op === op).reduce((s, c) => s + c.count, 0);
    // Body taps are sub + abs; the stem and classifier keep their multiplications (plus BN).
    const body = 10 * 10 * 16 * 150 + 120 * 400 + 84 * 120;
    expect(count('sub')).toBe(body);
    expect(count('abs')).toBe(body);
    expect(count('mul')).toBeGreaterThanOrEqual(28 * 28 * 6 * 25 + 10 * 84);
    expect(adder?.explicit.some((c) => c.op === 'sram-read')).toBe(false);
  });
});
