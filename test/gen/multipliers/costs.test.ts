import { describe, expect, it } from 'vitest';
import {
  buildMultiplier,
  MULTIPLIER_ARCHS,
  type MultiplierArch,
} from '../../../src/gen/multipliers/index.js';
import { netlistMetrics } from '../../../src/ir/metrics.js';

const cells = (width: number, arch: 'array' | 'dadda', signed: boolean) =>
  netlistMetrics(buildMultiplier({ width, arch, signed, adder: 'ripple-carry' })).cellsByType;

describe('documented cell counts', () => {
  it('carry-save array: n² gates, (n−1)² fa and n−1 ha with a ripple final adder', () => {
    for (let n = 2; n <= 24; n++) {
      expect(cells(n, 'array', false), `${n} bits unsigned`).toEqual({
        and: n * n,
        fa: (n - 1) * (n - 1),
        ha: n - 1,
      });
      // Baugh-Wooley: 2n − 2 NAND for the mixed sign products, one inverter for the top bit.
      expect(cells(n, 'array', true), `${n} bits signed`).toEqual({
        and: n * n - 2 * n + 2,
        nand: 2 * n - 2,
        not: 1,
        fa: (n - 1) * (n - 1),
        ha: n - 1,
      });
    }
  });

  it('carry-save array with a ripple final adder: 4n − 2 gate levels (4n − 1 signed)', () => {
    // The path: an and gate, then the carries down the array's diagonal and along the final
    // ripple, about 2n adder stages of 2 gate levels; signed adds the top bit's inverter.
    for (let n = 3; n <= 32; n++) {
      const depth = (signed: boolean) =>
        netlistMetrics(buildMultiplier({ width: n, arch: 'array', signed })).depth;
      expect([depth(false), depth(true)], `${n} bits`).toEqual([4 * n - 2, 4 * n - 1]);
    }
  });

  it('dadda, unsigned: n² − 4n + 3 fa and n − 1 ha in the tree, then a 2n − 2-bit adder', () => {
    for (let n = 3; n <= 24; n++) {
      expect(cells(n, 'dadda', false), `${n} bits`).toEqual({
        and: n * n,
        fa: n * n - 4 * n + 3 + (2 * n - 2),
        ha: n - 1,
      });
    }
  });

  it('radix-4 Booth about halves the adders from 32 bits on', () => {
    // Tree adders ≈ bits to reduce: n² for the AND array, ⌈(n+1)/2⌉ rows of about n + 3 for
    // Booth; the shared 2n-bit final adder keeps the ratio above 1/2.
    for (const n of [32, 64, 128]) {
      for (const signed of [false, true]) {
        const adders = (arch: 'dadda' | 'booth-dadda') => {
          const m = netlistMetrics(buildMultiplier({ width: n, arch, signed })).cellsByType;
          return (m.fa ?? 0) + (m.ha ?? 0);
        };
        const ratio = adders('booth-dadda') / adders('dadda');
        expect(ratio, `${n} bits, signed: ${signed}`).toBeGreaterThan(0.5);
        expect(ratio, `${n} bits, signed: ${signed}`).toBeLessThan(0.6);
      }
    }
  });

  it('trees grow in depth like log n with a log-depth final adder, the array like 2n', () => {
    const depth = (width: number, arch: MultiplierArch) =>
      netlistMetrics(buildMultiplier({ width, arch, signed: true, adder: 'kogge-stone' })).depth;
    for (const arch of MULTIPLIER_ARCHS) {
      if (arch === 'array') {
        expect(depth(64, arch)).toBeGreaterThan(2 * 64);
      } else {
        // Two doublings from 16 to 64 bits: two or three more tree stages and two prefix levels.
        expect(depth(64, arch) - depth(16, arch), arch).toBeLessThanOrEqual(18);
        expect(depth(64, arch), arch).toBeLessThan(64);
      }
    }
  });
});
