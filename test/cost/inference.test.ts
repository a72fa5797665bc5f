import { describe, expect, it } from 'vitest';
import { costOfInference } from '../../src/cost/inference.js';
import { parseOpCounts } from '../../src/cost/ops.js';
import { loadTable } from '../../src/cost/tables.js';

const layer = {
  name: 'conv',
  kind: 'adder' as const,
  M: 3025,
  N: 96,
  K: 363,
  operandBits: 8,
  accBits: 32,
};
const counts = parseOpCounts('sub:8=10,abs:9=10,add:32=10');

describe('costOfInference', () => {
  it('asic-op: energy from counts, PE-array cycles when an array is given', () => {
    const c = costOfInference(loadTable('asic-45nm-horowitz'), {
      counts,
      layers: [layer],
      array: { rows: 32, cols: 32, dataflow: 'ws' },
    });
    expect(c.energyPj).toBeCloseTo(10 * (0.03 + (0.03 * 9) / 8 + 0.1), 12);
    expect(c.cycles).toBe(112284);
    expect(c.notPriced).toEqual([]);
    expect(c.provenance).toHaveLength(4);
  });

  it('says what it cannot give instead of a zero', () => {
    const asic = costOfInference(loadTable('asic-45nm-horowitz'), { layers: [layer] });
    expect(asic.cycles).toBeUndefined();
    expect(asic.notPriced).toEqual([
      'cycles: asic-45nm-horowitz is an ASIC table; give a PE array (rows, cols, dataflow) for cycles',
    ]);
    const cpu = costOfInference(loadTable('cpu-arm-neoverse-n1'), { counts, layers: [layer] });
    expect(cpu.energyPj).toBeUndefined();
    expect(cpu.cycles).toBeCloseTo((3025 * 96 * 363) / 16, 6);
    expect(cpu.notPriced).toEqual([
      'operation counts: cpu-arm-neoverse-n1 is a cpu table (it gives cycles from layer taps)',
    ]);
  });

  it('fpga: resources and energy estimate from counts, cycles and clock from layers', () => {
    const c = costOfInference(loadTable('fpga-xilinx-7series'), { counts, layers: [layer] });
    expect(c.estimate?.resources).toEqual({ luts: 49, carryCells: 13, dsps: 0 });
    expect(c.energyPj).toBeCloseTo(10 * 49 * 0.5 * 0.05, 12);
    expect(c.cycles).toBe(Math.ceil((3025 * 96 * 363) / 1293) + 3);
    expect(c.clockMhz).toBeGreaterThan(0);
    expect(c.timeUs).toBeCloseTo((c.cycles as number) / (c.clockMhz as number), 9);
  });
});
