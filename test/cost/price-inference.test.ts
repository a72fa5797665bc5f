import { describe, expect, it } from 'vitest';
import {
  type InferenceCounts,
  priceInference,
  pricesMemory,
} from '../../src/cost/price-inference.js';
import type {
  AsicCellTable,
  AsicOpTable,
  CpuTable,
  FpgaTable,
} from '../../src/cost/table-types.js';
import { loadTable } from '../../src/cost/tables.js';
import { buildAdderPe, buildMacPe } from '../../src/gen/pe/index.js';
import { buildXnorPopcount } from '../../src/gen/popcount/index.js';
import type { Netlist } from '../../src/ir/netlist.js';

/**
 * The one pricing of a counted inference, on small hand-made networks, against figures worked
 * out by hand from the published numbers (Horowitz ISSCC 2014: 8-bit add 0.03 pJ, 8-bit multiply
 * 0.2 pJ, 64-bit SRAM read 10 pJ; LLVM's Skylake model: VPSADBW 1, VPADDQ 1/3 cycles reciprocal
 * throughput; UG474/UG574 carry-chain sizing: an n-bit adder is n LUTs; Aladdin's 32-bit adder
 * 278 um2, linear in width).
 */
const horowitz = loadTable('asic-45nm-horowitz') as AsicOpTable;
const aladdin = loadTable('asic-40nm-aladdin') as AsicOpTable;
const skylake = loadTable('cpu-x86-skylake') as CpuTable;
const artix = loadTable('fpga-xilinx-7series') as FpgaTable;
const cells = loadTable('cells-45nm') as AsicCellTable;

const adderPe = buildAdderPe({ width: 8, accWidth: 11, signed: false });

const tiny: InferenceCounts = {
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
  pe: { layer: 'conv2', netlist: adderPe },
};

describe('energy per inference and its breakdown', () => {
  it('prices compute and SRAM traffic with the published energies', () => {
    const c = priceInference(horowitz, tiny);
    // 10 x 0.2 + (10 + 100 + 100 + 50) x 0.03 + 3 x 10 pJ
    const expected = 10 * 0.2 + 260 * 0.03 + 3 * 10;
    expect(c.energyPj).toBeCloseTo(expected, 9);
    expect(c.memoryPj).toBeCloseTo(30, 9);
    expect(c.energyProvenance.length).toBeGreaterThan(0);
    const breakdown = c.breakdown as NonNullable<typeof c.breakdown>;
    const layer = Object.fromEntries(breakdown.byLayer.map((l) => [l.layer, l.energyPj]));
    expect(layer.conv1).toBeCloseTo(2 + 0.3 + 20, 9);
    expect(layer.conv2).toBeCloseTo(6 + 10, 9);
    expect(layer.relu2).toBeCloseTo(1.5, 9);
    expect(breakdown.byLayer.map((l) => l.kind)).toEqual(['multiply', 'adder', 'other']);
    const prim = breakdown.byPrimitive.find((p) => p.op === 'sram-read');
    expect(prim).toMatchObject({ bits: 64, count: 3 });
    expect(prim?.energyPj).toBeCloseTo(30, 9);
    const sum = (xs: readonly { energyPj: number }[]) => xs.reduce((s, x) => s + x.energyPj, 0);
    expect(sum(breakdown.byPrimitive)).toBeCloseTo(expected, 9);
    expect(sum(breakdown.byLayer)).toBeCloseTo(expected, 9);
  });

  it('leaves memory out on a table without SRAM rows, and says so', () => {
    expect(pricesMemory(horowitz)).toBe(true);
    expect(pricesMemory(aladdin)).toBe(false);
    const c = priceInference(aladdin, tiny);
    expect(c.energyPj).toBeNull();
    expect(c.memoryPj).toBeNull();
    expect(c.computePj).toBeGreaterThan(0);
    expect(c.breakdown?.byPrimitive.some((p) => p.op === 'sram-read')).toBe(false);
    expect(c.notPriced).toContain(
      'memory: asic-40nm-aladdin has no sram-read / sram-write row (3 on-chip accesses per inference)',
    );
  });
});

describe('CPU cycles', () => {
  it('multiplies taps by the cheapest tap sequence per layer kind', () => {
    const c = priceInference(skylake, tiny);
    // adder taps: (1 + 1/3) cycles per 32 taps; multiply taps: (0.5 + 0.5 + 1/3) per 32.
    const sad = (1 + 1 / 3) / 32;
    const mac = (0.5 + 0.5 + 1 / 3) / 32;
    expect(c.pe?.sequence).toBe('VPSADBW + VPADDQ');
    expect(c.pe?.cyclesPerTap).toBeCloseTo(sad, 12);
    expect(c.cycles).toBeCloseTo(100 * sad + 10 * mac, 9);
    expect(c.energyPj).toBeNull();
  });

  it('gives no cycles, with the reason, for operands wider than its kernels take', () => {
    const wide: InferenceCounts = {
      ...tiny,
      works: tiny.works.map((w) => ({ ...w, operandBits: 12 })),
    };
    const c = priceInference(skylake, wide);
    expect(c.cycles).toBeNull();
    expect(c.notPriced.some((n) => n.includes('12-bit operands'))).toBe(true);
  });
});

describe('FPGA', () => {
  it('sizes the PE from LUT adders and assumes a fabric-adder clock for DSP layers', () => {
    const c = priceInference(artix, tiny);
    // AdderNet PE: sub 8 + abs 9 + add 11 = 28 LUTs, no DSP.
    expect(c.pe?.luts).toBe(28);
    expect(c.pe?.dsps).toBe(0);
    expect(c.pe?.pes).toBe(Math.floor(63_400 / 28));
    // conv1: 10 taps on 240 DSP PEs; conv2: 100 taps on the LUT PEs; + 3 fill cycles each.
    expect(c.cycles).toBe(1 + 3 + 1 + 3);
    expect(c.computePj).toBeNull();
    expect(
      c.cyclesProvenance.some((p) => p.includes('conv1: DSP48E1 delay not in the table')),
    ).toBe(true);
    expect(c.clockMhz).toBeGreaterThan(0);
    expect(c.timeUs).toBeCloseTo((c.cycles as number) / (c.clockMhz as number), 12);
  });
});

describe('PE area', () => {
  it('on an op-level table: one unit per op, Aladdin areas linear in width', () => {
    // Aladdin 32-bit adder: 278 um2; sub and abs are priced as adders of their width.
    const c = priceInference(aladdin, tiny);
    expect(c.pe?.areaUm2).toBeCloseTo((278 * (8 + 9 + 11)) / 32, 9);
    expect(c.pe?.provenance.length).toBeGreaterThan(1);
  });

  it('is null on a table that gives no areas', () => {
    expect(priceInference(horowitz, tiny).pe?.areaUm2).toBeNull();
  });

  it('on a cell table: the PE netlist cell by cell, flip-flops included', () => {
    const byHand = (netlist: Netlist) => {
      let area = netlist.registers.length * cells.register.areaUm2;
      for (const c of netlist.cells) {
        area += cells.cells.find((r) => r.kind === c.kind)?.areaUm2 as number;
      }
      return area;
    };
    const mac = buildMacPe({ width: 8, accWidth: 24, signed: true });
    const xnor = buildXnorPopcount({ width: 150 });
    const areas = [adderPe, mac, xnor].map((netlist) => {
      const c = priceInference(cells, { ...tiny, pe: { layer: 'conv2', netlist } });
      expect(c.pe?.areaUm2).toBeCloseTo(byHand(netlist), 9);
      // No activity: a cell table prices energy only from the gate backend's toggles.
      expect(c.computePj).toBeNull();
      return c.pe?.areaUm2 as number;
    });
    // The multiplier makes the MAC PE the larger of the two one-tap PEs.
    expect(areas[1]).toBeGreaterThan(areas[0]);
  });
});

describe('gate-level energy with a glitch model', () => {
  it('scales each netlist’s measured zero-delay energy by its factor and keeps both', () => {
    // Every net of the PE toggles once per transition: energy per evaluation by hand is
    // Σ cell outputs x switching energy + registers x (q toggle + clock), times the calibration.
    const toggles = new Float64Array(adderPe.netCount).fill(10);
    let byHand = 0;
    for (const c of adderPe.cells) {
      const row = cells.cells.find((r) => r.kind === c.kind);
      c.outputs.forEach((_, k) => {
        byHand += row?.outputSwitchingEnergyPj?.[k] ?? (row?.switchingEnergyPj as number);
      });
    }
    const reg = cells.register;
    byHand += adderPe.registers.length * (reg.toggleEnergyPj + reg.clockEnergyPj);
    byHand *= cells.energyCalibration.scale;
    const activity = {
      netlists: [{ netlist: adderPe, evaluations: 44, transitions: 10, netToggles: toggles }],
      images: 2,
    };
    const zero = priceInference(cells, { ...tiny, activity });
    expect(zero.computePj).toBeCloseTo((byHand * 44) / 2, 9);
    expect(zero.computeZeroDelayPj).toBeUndefined();
    const glitch = () => ({
      factor: 1.5,
      toggleFactor: 2,
      zeroPj: 1,
      timedPj: 1.5,
      delayModel: 'table' as const,
      vectors: 8,
    });
    const timed = priceInference(cells, { ...tiny, activity: { ...activity, glitch } });
    expect(timed.computePj).toBeCloseTo((1.5 * byHand * 44) / 2, 9);
    expect(timed.computeZeroDelayPj).toBeCloseTo((byHand * 44) / 2, 9);
    expect(timed.energyProvenance.join('\n')).toMatch(/x glitch factor 1\.5 = .* timing-aware/);
  });
});
