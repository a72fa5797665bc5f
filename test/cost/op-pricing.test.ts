import { describe, expect, it } from 'vitest';
import { Estimate } from '../../src/cost/estimate.js';
import { estimateOps } from '../../src/cost/estimate-ops.js';
import { ones, priceOp } from '../../src/cost/op-pricing.js';
import { parseOpCounts } from '../../src/cost/ops.js';
import type { AsicOpTable } from '../../src/cost/table-types.js';
import { loadTable } from '../../src/cost/tables.js';

const horowitz = loadTable('asic-45nm-horowitz') as AsicOpTable;
const aladdin = loadTable('asic-40nm-aladdin') as AsicOpTable;
const energy = (t: AsicOpTable, op: Parameters<typeof priceOp>[1]) => priceOp(t, op).energyPj;
// QKeras qtools multiply polynomial, written out independently of the table.
const qtoolsMul = (a: number, b: number) => 0.002994791667 * a * b + (0.001041666667 * (a + b)) / 2;

describe('Horowitz 45 nm op-level table', () => {
  it('gives the published ratios: 8-bit mul/add = 6.7x, 32-bit = 31x', () => {
    const r8 = energy(horowitz, { op: 'mul', bits: 8 }) / energy(horowitz, { op: 'add', bits: 8 });
    const r32 =
      energy(horowitz, { op: 'mul', bits: 32 }) / energy(horowitz, { op: 'add', bits: 32 });
    expect(r8).toBeCloseTo(0.2 / 0.03, 12);
    expect(r8.toFixed(1)).toBe('6.7');
    expect(r32).toBeCloseTo(3.1 / 0.1, 12);
    expect(Math.round(r32)).toBe(31);
  });

  it('uses published points exactly and scales other widths from the nearest one', () => {
    expect(energy(horowitz, { op: 'add', bits: 8 })).toBe(0.03);
    expect(energy(horowitz, { op: 'add', bits: 32 })).toBe(0.1);
    // 16 bits is equally far (x2) from 8 and 32: the wider point wins, linear: 0.1 * 16/32.
    expect(energy(horowitz, { op: 'add', bits: 16 })).toBeCloseTo(0.05, 15);
    expect(energy(horowitz, { op: 'add', bits: 4 })).toBeCloseTo(0.015, 15);
    expect(energy(horowitz, { op: 'add', bits: 64 })).toBeCloseTo(0.2, 15);
    expect(energy(horowitz, { op: 'mul', bits: 16 })).toBeCloseTo(
      3.1 * (qtoolsMul(16, 16) / qtoolsMul(32, 32)),
      12,
    );
    expect(energy(horowitz, { op: 'mul', bits: 16 })).toBeCloseTo(0.78333333, 6);
    expect(energy(horowitz, { op: 'mul', bits: 8, bitsB: 4 })).toBeCloseTo(
      0.2 * (qtoolsMul(8, 4) / qtoolsMul(8, 8)),
      12,
    );
    expect(priceOp(horowitz, { op: 'add', bits: 16 }).steps).toEqual([
      'nearest published point 32 bits',
      'linear in width from 32 to 16 bits: x 0.5',
    ]);
  });

  it('prices derived rows through their base row', () => {
    expect(energy(horowitz, { op: 'sub', bits: 8 })).toBe(0.03);
    expect(energy(horowitz, { op: 'abs', bits: 9 })).toBeCloseTo((0.03 * 9) / 8, 15);
    expect(energy(horowitz, { op: 'xnor', bits: 64 })).toBeCloseTo(64 * 0.3 * (0.03 / 8), 15);
    expect(energy(horowitz, { op: 'popcount', bits: 64 })).toBeCloseTo(63 * (0.03 / 8), 15);
    expect(energy(horowitz, { op: 'sram-write', bits: 8 })).toBeCloseTo(10 / 8, 15);
    expect(energy(horowitz, { op: 'dram-read', bits: 64 })).toBe(1300);
    expect(priceOp(horowitz, { op: 'sub', bits: 8 }).row).toBe('/ops/2');
  });

  it('counts set bits for the popcount tree', () => {
    expect([0, 1, 7, 8, 63, 64].map(ones)).toEqual([0, 1, 3, 1, 6, 1]);
  });

  it('refuses what it cannot price, naming the op and the table', () => {
    expect(() => priceOp(horowitz, { op: 'fadd', bits: 8 })).toThrow(
      'table asic-45nm-horowitz cannot price fadd:8: its fadd row has published widths 16, 32 only',
    );
    expect(() => priceOp(aladdin, { op: 'sram-read', bits: 64 })).toThrow(
      'table asic-40nm-aladdin cannot price sram-read:64: it has no sram-read row (it prices add, mul, cmp, xnor, sub, abs, popcount)',
    );
    expect(() => priceOp(horowitz, { op: 'add', bits: 8, bitsB: 4 })).toThrow(
      'add:8x4 must have one width: only mul takes two, not add',
    );
  });
});

describe('Aladdin 40 nm op-level table (Accelergy scaling)', () => {
  it('scales adders linearly and multipliers in each operand width, area too', () => {
    const add8 = priceOp(aladdin, { op: 'add', bits: 8 });
    expect(add8.energyPj).toBeCloseTo(0.21 / 4, 15);
    expect(add8.areaUm2).toBeCloseTo(278 / 4, 12);
    const mul = priceOp(aladdin, { op: 'mul', bits: 16, bitsB: 8 });
    expect(mul.energyPj).toBeCloseTo((12.68 * 128) / 1024, 12);
    expect(mul.areaUm2).toBeCloseTo((6350 * 128) / 1024, 12);
    expect(priceOp(aladdin, { op: 'cmp', bits: 16 }).areaUm2).toBeUndefined();
  });
});

describe('op-count estimator', () => {
  it('folds counts into an Estimate with the row of every item', () => {
    const e = estimateOps(horowitz, parseOpCounts('add:8=1000,mul:8=1000'));
    expect(e.items.map((i) => [i.key, i.energyPj, i.row])).toEqual([
      ['add:8', 30, '/ops/0/points/0'],
      ['mul:8', 200, '/ops/1/points/0'],
    ]);
    expect(e.energyPj).toBe(230);
    expect(e.areaUm2).toBeUndefined();
    expect(e.provenance()[0]).toBe(
      'add:8 x 1000, 30 pJ <- asic-45nm-horowitz /ops/0/points/0 (Horowitz ISSCC 2014 energy table: 8-bit add 0.03 pJ); published point at 8 bits',
    );
  });

  it('adds estimates immutably and keeps area undefined unless every item has one', () => {
    const a = estimateOps(aladdin, parseOpCounts('add:32=2'));
    const b = estimateOps(aladdin, parseOpCounts('cmp:32=1'));
    expect(a.energyPj).toBeCloseTo(0.42, 15);
    expect(a.areaUm2).toBe(278);
    const sum = a.add(b);
    expect(sum.energyPj).toBeCloseTo(0.42 + 0.02947, 15);
    expect(sum.areaUm2).toBeUndefined();
    expect(a.items).toHaveLength(1);
    expect(Object.isFrozen(sum)).toBe(true);
    expect(Object.isFrozen(sum.items[0])).toBe(true);
    expect(Estimate.empty().add(a).energyPj).toBe(a.energyPj);
  });

  it('refuses op counts on tables that do not price them', () => {
    expect(() => estimateOps(loadTable('cpu-x86-skylake'), parseOpCounts('add:8=1'))).toThrow(
      'table cpu-x86-skylake (cpu) cannot price operation counts: it prices layer taps (cycles per core)',
    );
    expect(() => estimateOps(loadTable('cells-45nm'), parseOpCounts('add:8=1'))).toThrow(
      'table cells-45nm (asic-cell) cannot price operation counts: it prices netlists with switching activity',
    );
  });
});
