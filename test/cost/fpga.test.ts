import { describe, expect, it } from 'vitest';
import { fpgaLayerCycles, fpgaUnit, withMultiplier } from '../../src/cost/fpga.js';
import type { FpgaTable } from '../../src/cost/table-types.js';
import { loadTable } from '../../src/cost/tables.js';

const s7 = loadTable('fpga-xilinx-7series') as FpgaTable;
const us = loadTable('fpga-xilinx-ultrascale') as FpgaTable;
const res = (t: FpgaTable, op: Parameters<typeof fpgaUnit>[1]) => {
  const u = fpgaUnit(t, op);
  return [u.luts, u.carryCells, u.dsps];
};

describe('FPGA resources per operation', () => {
  it('adders: n LUTs + ceil(n/4) CARRY4 or ceil(n/8) CARRY8', () => {
    expect(res(s7, { op: 'add', bits: 8 })).toEqual([8, 2, 0]);
    expect(res(s7, { op: 'sub', bits: 9 })).toEqual([9, 3, 0]);
    expect(res(us, { op: 'add', bits: 32 })).toEqual([32, 4, 0]);
  });

  it('bitwise ops two per LUT6, popcount as counters plus an adder tree', () => {
    expect(res(s7, { op: 'xnor', bits: 64 })).toEqual([32, 0, 0]);
    // 64 bits: 11 counters x 3 LUTs = 33; adder levels over widths 3 (x11) -> 4 (x5), 3 ->
    // 5 (x3) -> 6, 5 -> 7: 15 + 12 + 5 + 6 LUTs and 5 + 3 + 2 + 2 CARRY4.
    expect(res(s7, { op: 'popcount', bits: 64 })).toEqual([71, 12, 0]);
    expect(res(s7, { op: 'popcount', bits: 6 })).toEqual([3, 0, 0]);
  });

  it('multipliers on one DSP when they fit (25x18 / 27x18), LUTs otherwise', () => {
    expect(res(s7, { op: 'mul', bits: 8 })).toEqual([0, 0, 1]);
    expect(res(s7, { op: 'mul', bits: 18, bitsB: 25 })).toEqual([0, 0, 1]);
    // 7-series LUT multiplier: 2.46 LUTs per product bit (the yosys fit) and a product-wide
    // carry chain, ceil((27 + 18) / 4) = 12 CARRY4.
    expect(res(s7, { op: 'mul', bits: 27, bitsB: 18 })).toEqual([Math.ceil(2.46 * 27 * 18), 12, 0]);
    expect(res(us, { op: 'mul', bits: 27, bitsB: 18 })).toEqual([0, 0, 1]);
    expect(fpgaUnit(s7, { op: 'mul', bits: 8 }).energyPj).toBeUndefined();
  });

  it('puts multiplies in LUTs with --mul-impl lut, and names the stage without a delay', () => {
    const lut = withMultiplier(s7, 'lut');
    expect(res(lut, { op: 'mul', bits: 8 })).toEqual([Math.ceil(2.46 * 64), 4, 0]);
    const mac = fpgaLayerCycles(lut, {
      name: 'c',
      kind: 'multiply',
      M: 10,
      N: 4,
      K: 9,
      operandBits: 8,
      accBits: 20,
    });
    // mul:8 in LUTs (158 + 4 CARRY4) + add:20 (20 LUTs + 5 CARRY4), no DSP.
    expect(mac.pe).toEqual({ luts: 158 + 20, carryCells: 9, dsps: 0 });
    expect(mac.steps.join('\n')).toMatch(/the LUT multiplier stage has no delay/);
    expect(mac.steps.join('\n')).not.toMatch(/DSP48E1 stage/);
  });

  it('register-to-register delay through the carry chain (prjxray-db Artix-7 figures)', () => {
    // clock-to-Q 303 + 2 x 500 routing + LUT 124 + setup 109, plus the chain:
    // 8 bits = 2 CARRY4: entry 508 + exit 313; 32 bits = 8: 508 + 6 x 114 + 313; 4 bits: 582.
    const overhead = 303 + 1000 + 124 + 109;
    expect(fpgaUnit(s7, { op: 'add', bits: 8 }).delayPs).toBe(overhead + 508 + 313);
    expect(fpgaUnit(s7, { op: 'add', bits: 32 }).delayPs).toBe(overhead + 508 + 6 * 114 + 313);
    expect(fpgaUnit(s7, { op: 'add', bits: 4 }).delayPs).toBe(overhead + 582);
  });

  it('labels LUT energy as an estimate: LUTs x 0.5 toggles x energy per toggle', () => {
    const u = fpgaUnit(s7, { op: 'add', bits: 32 });
    expect(u.energyPj).toBeCloseTo(32 * 0.5 * 0.05, 15);
    expect(u.steps.at(-1)).toBe('energy estimate: 32 LUTs x 0.5 toggles x 0.05 pJ');
  });

  it('refuses ops it has no row for', () => {
    expect(() => fpgaUnit(s7, { op: 'fadd', bits: 32 })).toThrow(
      'table fpga-xilinx-7series cannot price fadd:32: it has no fadd row (it prices add, sub, cmp, abs, xnor, popcount, mul)',
    );
  });
});

describe('FPGA layer cycles', () => {
  const layer = {
    name: 'l',
    kind: 'adder' as const,
    M: 3025,
    N: 96,
    K: 363,
    operandBits: 8,
    accBits: 32,
  };

  it('fits PEs to the LUT budget and adds the pipeline fill', () => {
    const r = fpgaLayerCycles(s7, layer);
    // PE = sub:8 (8 LUTs) + abs:9 (9) + add:32 (32) = 49 LUTs; 63,400 / 49 = 1293 PEs.
    expect(r.pe).toEqual({ luts: 49, carryCells: 13, dsps: 0 });
    expect(r.pes).toBe(1293);
    expect(r.cycles).toBe(Math.ceil((3025 * 96 * 363) / 1293) + 3);
    expect(r.clockMhz).toBeCloseTo(1e6 / (303 + 1000 + 124 + 109 + 508 + 6 * 114 + 313), 9);
    expect(fpgaLayerCycles(s7, layer, { utilisation: 0.5 }).pes).toBe(Math.floor(31700 / 49));
  });

  it('puts multiply-accumulate PEs in DSPs, leaving the clock to the DSP (not in the table)', () => {
    const r = fpgaLayerCycles(s7, { ...layer, kind: 'multiply' });
    expect(r.pes).toBe(240);
    expect(r.pe).toEqual({ luts: 0, carryCells: 0, dsps: 1 });
    expect(r.clockMhz).toBeUndefined();
  });

  it('runs binary PEs on 64 taps a cycle', () => {
    const r = fpgaLayerCycles(s7, { ...layer, kind: 'binary', operandBits: 1 });
    expect(r.pe.luts).toBe(32 + 71 + 32);
    expect(r.pes).toBe(Math.floor(63400 / 135));
    expect(r.cycles).toBe(Math.ceil((3025 * 96 * 363) / (r.pes * 64)) + 3);
  });
});
