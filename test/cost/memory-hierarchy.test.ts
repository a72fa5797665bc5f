import { describe, expect, it } from 'vitest';
import { sramEnergyPj } from '../../src/cost/memory-energy.js';
import { loadAccelerator, loadMemoryTable } from '../../src/cost/memory-files.js';
import { layerTraffic, priceMemoryHierarchy } from '../../src/cost/memory-hierarchy.js';

/**
 * Memory by capacity and dataflow, against figures worked out by hand from Horowitz's ISSCC
 * 2014 points (64-bit access: 8 KB 10 pJ, 32 KB 20 pJ, 1 MB 100 pJ; DRAM 1.3 nJ) and the fold
 * formulas (folds = ceil(S_R/R) * ceil(S_C/C)).
 */
const memory = loadMemoryTable('memory-45nm');

describe('SRAM energy by capacity', () => {
  it('is the published point at a published capacity, a power law between and beyond', () => {
    expect(sramEnergyPj(memory, 32).energyPj).toBe(20);
    // 16 KiB between 8 (10 pJ) and 32 (20 pJ): 10 * 2^0.5.
    expect(sramEnergyPj(memory, 16).energyPj).toBeCloseTo(10 * Math.SQRT2, 12);
    // 64 KiB on the 32 KiB -> 1 MiB segment: 20 * 2^k with k = log(5) / log(32).
    expect(sramEnergyPj(memory, 64).energyPj).toBeCloseTo(
      20 * 2 ** (Math.log(5) / Math.log(32)),
      12,
    );
    expect(sramEnergyPj(memory, 2).step).toMatch(/extrapolated \(estimate\)/);
    expect(sramEnergyPj(memory, 2).energyPj).toBeCloseTo(10 * 0.25 ** 0.5, 12);
  });
});

describe('buffer traffic by dataflow', () => {
  // M = 100 pixels, N = 40 filters, K = 70 taps on a 32 x 32 array.
  const work = {
    name: 'l',
    kind: 'multiply' as const,
    M: 100,
    N: 40,
    K: 70,
    operandBits: 8,
    accBits: 24,
  };
  it('follows the fold counts of each dataflow', () => {
    // ws: rows K (3 folds), columns N (2 folds).
    expect(layerTraffic(work, { rows: 32, cols: 32, dataflow: 'ws' })).toEqual({
      weightReads: 70 * 40,
      inputReads: 100 * 70 * 2,
      outputWrites: 100 * 40 * 3,
      psumReads: 100 * 40 * 2,
    });
    // os: rows M (4 folds), columns N (2 folds).
    expect(layerTraffic(work, { rows: 32, cols: 32, dataflow: 'os' })).toEqual({
      weightReads: 70 * 40 * 4,
      inputReads: 100 * 70 * 2,
      outputWrites: 100 * 40,
      psumReads: 0,
    });
    // is: rows K (3 folds), columns M (4 folds).
    expect(layerTraffic(work, { rows: 32, cols: 32, dataflow: 'is' })).toEqual({
      weightReads: 70 * 40 * 4,
      inputReads: 100 * 70,
      outputWrites: 100 * 40 * 3,
      psumReads: 100 * 40 * 2,
    });
  });

  it('prices buffers at their capacity and sends what does not fit to DRAM', () => {
    const array = { rows: 32, cols: 32, dataflow: 'ws' as const };
    const small = { ...loadAccelerator(), weightBufferKiB: 8, activationBufferKiB: 32 };
    const w = { ...work, inputElements: 700 };
    const cost = priceMemoryHierarchy(small, memory, { works: [w], others: [], array });
    const [wb, ab, dram] = cost.levels;
    // Weights 70*40*8 = 22400 bits fit 8 KiB (65536 bits): resident, never from DRAM.
    expect(cost.weightsResident).toBe(true);
    expect(wb.readBits).toBe(22400);
    expect(wb.writeBits).toBe(0);
    // Input 5600 bits + output 100*40*24 = 96000 bits fit 32 KiB: the input comes from DRAM
    // once, the last layer's output goes to DRAM once.
    const inBits = 5600;
    const outBits = 96000;
    expect(dram.readBits).toBe(inBits);
    expect(dram.writeBits).toBe(outBits);
    expect(ab.readBits).toBe(100 * 70 * 2 * 8 + 100 * 40 * 2 * 24);
    expect(ab.writeBits).toBe(100 * 40 * 3 * 24 + inBits);
    const expected =
      (10 / 64) * 22400 +
      (20 / 64) * (ab.readBits + ab.writeBits) +
      (1300 / 64) * (inBits + outBits);
    expect(cost.energyPj).toBeCloseTo(expected, 6);
    // A 1 KiB activation buffer: tiled, the input (5600 bits > 4096 bits) read once per
    // column fold (2), the output written to DRAM once.
    const tiny = { ...small, activationBufferKiB: 1 };
    const spill = priceMemoryHierarchy(tiny, memory, { works: [w], others: [], array });
    expect(spill.levels[2].readBits).toBe(inBits * 2);
    expect(spill.levels[2].writeBits).toBe(outBits);
  });

  it('refuses a broken accelerator file naming the field', () => {
    expect(() => loadAccelerator('no-such-accelerator')).toThrow(
      /^accelerator must be a file in cost-tables\/memory by name or the path of a JSON file/,
    );
  });
});
