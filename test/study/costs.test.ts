import { describe, expect, it } from 'vitest';
import type { AsicOpTable, CpuTable, FpgaTable } from '../../src/cost/table-types.js';
import { loadTable } from '../../src/cost/tables.js';
import type { NetworkCounts } from '../../src/study/counts.js';
import { cpuCost } from '../../src/study/cpu.js';
import { asicEnergy, pricesMemory } from '../../src/study/energy.js';
import { fpgaCost } from '../../src/study/fpga.js';

/**
 * The study's cost rows on small hand-made networks, against figures worked out by hand from
 * the published numbers (Horowitz ISSCC 2014: 8-bit add 0.03 pJ, 8-bit multiply 0.2 pJ, 64-bit
 * SRAM read 10 pJ; LLVM's Skylake model: VPSADBW 1, VPADDQ 1/3 cycles reciprocal throughput;
 * UG474/UG574 carry-chain sizing: an n-bit adder is n LUTs).
 */
const horowitz = loadTable('asic-45nm-horowitz') as AsicOpTable;
const aladdin = loadTable('asic-40nm-aladdin') as AsicOpTable;
const skylake = loadTable('cpu-x86-skylake') as CpuTable;
const artix = loadTable('fpga-xilinx-7series') as FpgaTable;

const tiny: NetworkCounts = {
  network: 'addernet',
  bits: 8,
  layers: [
    {
      layer: 'conv1',
      kind: 'multiply',
      ops: [
        { op: 'mul', bits: 8, count: 10 },
        { op: 'add', bits: 8, count: 10 },
      ],
      memory: [{ op: 'sram-read', bits: 64, count: 2 }],
    },
    {
      layer: 'conv2',
      kind: 'adder',
      ops: [
        { op: 'sub', bits: 8, count: 100 },
        { op: 'add', bits: 8, count: 100 },
      ],
      memory: [{ op: 'sram-read', bits: 64, count: 1 }],
    },
    { layer: 'relu2', kind: 'other', ops: [{ op: 'cmp', bits: 8, count: 50 }], memory: [] },
  ],
  works: [
    { name: 'conv1', kind: 'multiply', M: 1, N: 2, K: 5, operandBits: 8, accBits: 19 },
    { name: 'conv2', kind: 'adder', M: 10, N: 2, K: 5, operandBits: 8, accBits: 11 },
  ],
};

describe('ASIC energy per inference and its breakdown', () => {
  it('prices compute and SRAM traffic with the published energies', () => {
    const { energy, breakdown } = asicEnergy(horowitz, tiny);
    // 10 x 0.2 + (10 + 100 + 100 + 50) x 0.03 + 3 x 10 pJ
    const expected = 10 * 0.2 + 260 * 0.03 + 3 * 10;
    expect(energy.energyPj).toBeCloseTo(expected, 9);
    expect(energy.provenance.length).toBeGreaterThan(0);
    const layer = Object.fromEntries(breakdown.byLayer.map((l) => [l.layer, l.energyPj]));
    expect(layer.conv1).toBeCloseTo(2 + 0.3 + 20, 9);
    expect(layer.conv2).toBeCloseTo(6 + 10, 9);
    expect(layer.relu2).toBeCloseTo(1.5, 9);
    expect(breakdown.byLayer.map((l) => l.kind)).toEqual(['multiply', 'adder', 'other']);
    const prim = breakdown.byPrimitive.find((p) => p.op === 'sram-read');
    expect(prim).toMatchObject({ bits: 64, count: 3 });
    expect(prim?.energyPj).toBeCloseTo(30, 9);
    const sum = (xs: { energyPj: number }[]) => xs.reduce((s, x) => s + x.energyPj, 0);
    expect(sum([...breakdown.byPrimitive])).toBeCloseTo(expected, 9);
    expect(sum([...breakdown.byLayer])).toBeCloseTo(expected, 9);
  });

  it('leaves memory out on a table without SRAM rows, and says so', () => {
    expect(pricesMemory(horowitz)).toBe(true);
    expect(pricesMemory(aladdin)).toBe(false);
    const { energy, breakdown } = asicEnergy(aladdin, tiny);
    expect(breakdown.byPrimitive.some((p) => p.op === 'sram-read')).toBe(false);
    expect(energy.provenance.at(-1)).toBe(
      'memory traffic not priced: asic-40nm-aladdin has no sram-read / sram-write row (3 on-chip accesses per inference left out, for every network alike)',
    );
  });
});

describe('CPU cycles', () => {
  it('multiplies taps by the cheapest tap sequence per layer kind', () => {
    const row = cpuCost(skylake, tiny, ['conv2']);
    // adder taps: (1 + 1/3) cycles per 32 taps; multiply taps: (0.5 + 0.5 + 1/3) per 32.
    const sad = (1 + 1 / 3) / 32;
    const mac = (0.5 + 0.5 + 1 / 3) / 32;
    expect(row.kernel).toBe('VPSADBW + VPADDQ');
    expect(row.cyclesPerTap).toBeCloseTo(sad, 12);
    expect(row.cycles).toBeCloseTo(100 * sad + 10 * mac, 9);
    expect(row.energyPj).toBeNull();
  });
});

describe('FPGA rows', () => {
  it('sizes the body PE from LUT adders and assumes a fabric-adder clock for DSP layers', () => {
    const row = fpgaCost(artix, tiny, ['conv2']);
    // AdderNet PE: sub 8 + abs 9 + add 11 = 28 LUTs, no DSP.
    expect(row.lutsPerPe).toBe(28);
    expect(row.dspsPerPe).toBe(0);
    expect(row.pes).toBe(Math.floor(63_400 / 28));
    // conv1: 10 taps on 240 DSP PEs; conv2: 100 taps on the LUT PEs; + 3 fill cycles each.
    expect(row.cycles).toBe(1 + 3 + 1 + 3);
    expect(row.energyPj).toBeNull();
    expect(row.provenance.some((p) => p.includes('conv1: DSP48E1 delay not in the table'))).toBe(
      true,
    );
    expect(row.clockMhz).toBeGreaterThan(0);
  });
});
