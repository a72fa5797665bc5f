import { describe, expect, it } from 'vitest';
import { cpuLayerCycles, tapCost } from '../../src/cost/cpu.js';
import type { CpuTable } from '../../src/cost/table-types.js';
import { loadTable } from '../../src/cost/tables.js';

const skl = loadTable('cpu-x86-skylake') as CpuTable;
const n1 = loadTable('cpu-arm-neoverse-n1') as CpuTable;

describe('CPU tap costs from reciprocal throughputs', () => {
  it('Skylake: VPSADBW + VPADDQ, VPMADDUBSW + VPMADDWD + VPADDD, XOR + POPCNT + ADD', () => {
    // Reciprocal throughputs from X86SchedSkylakeClient.td: PSADBW 1 (p5), PADD 1/3 (p015),
    // vector multiply 1/2 (p01), scalar ALU 1/4 (p0156), POPCNT 1 (p1).
    expect(tapCost(skl, 'sad-int8').cyclesPerTap).toBeCloseTo((1 + 1 / 3) / 32, 15);
    expect(tapCost(skl, 'mac-int8').cyclesPerTap).toBeCloseTo((0.5 + 0.5 + 1 / 3) / 32, 15);
    expect(tapCost(skl, 'xnor-popcount').cyclesPerTap).toBeCloseTo((0.25 + 1 + 0.25) / 64, 15);
    expect(tapCost(skl, 'sad-int8').sequence).toBe('VPSADBW + VPADDQ');
  });

  it('Neoverse N1: picks UABD + UDOT over UABAL, SDOT for MAC, EOR + CNT + UDOT for XNOR', () => {
    // UABD/UDOT/EOR/CNT on either vector pipe: 1/2; UABAL and UADALP on V1 only: 1.
    const sad = tapCost(n1, 'sad-int8');
    expect(sad.sequence).toBe('UABD + UDOT');
    expect(sad.cyclesPerTap).toBeCloseTo(1 / 16, 15);
    expect(sad.alternatives).toEqual([
      { sequence: 'UABD + UDOT', cyclesPerTap: 1 / 16 },
      { sequence: 'UABAL + UABAL2', cyclesPerTap: 2 / 16 },
    ]);
    expect(tapCost(n1, 'mac-int8').cyclesPerTap).toBeCloseTo(0.5 / 16, 15);
    const xnor = tapCost(n1, 'xnor-popcount');
    expect(xnor.sequence).toBe('EOR + CNT + UDOT');
    expect(xnor.cyclesPerTap).toBeCloseTo(1.5 / 128, 15);
  });

  it('multiplies taps by the cost per tap for a layer', () => {
    const layer = {
      name: 'c',
      kind: 'adder' as const,
      M: 100,
      N: 8,
      K: 27,
      operandBits: 8,
      accBits: 32,
    };
    expect(cpuLayerCycles(n1, layer).cycles).toBeCloseTo((100 * 8 * 27) / 16, 9);
    expect(cpuLayerCycles(skl, { ...layer, kind: 'binary', operandBits: 1 }).cycles).toBeCloseTo(
      (21600 * 1.5) / 64,
      9,
    );
  });

  it('refuses layers its sequences cannot run', () => {
    const layer = {
      name: 'wide',
      kind: 'adder' as const,
      M: 1,
      N: 1,
      K: 1,
      operandBits: 16,
      accBits: 32,
    };
    expect(() => cpuLayerCycles(skl, layer)).toThrow(
      'table cpu-x86-skylake cannot run layer wide: its sad-int8 sequence takes 8-bit operands, not 16-bit',
    );
  });
});
