import { describe, expect, it } from 'vitest';
import { buildTruncatedMultiplier } from '../../../src/gen/approx/index.js';
import { netlistMetrics } from '../../../src/ir/metrics.js';
import { assertCombinationalContract } from '../../helpers/conformance.js';
import { truncMul } from './golden.js';

/**
 * The column-truncated multiplier against the naive sum of its kept partial products: every
 * a, b at 1 to 4 bits for every k, at 8 bits for a spread of k (0 is the exact product).
 */
const CASES: [number, number[]][] = [
  [1, [0, 1]],
  [2, [0, 1, 2]],
  [3, [0, 1, 2, 3]],
  [4, [0, 1, 2, 3, 4]],
  [8, [0, 1, 4, 7, 8]],
];

describe('truncated multiplier', () => {
  for (const [n, ks] of CASES) {
    for (const k of ks) {
      assertCombinationalContract(
        `trunc:${k} at ${n} bits`,
        (width) => buildTruncatedMultiplier(width, k),
        (width) =>
          ({ a, b }) => ({ product: truncMul(k, width, a, b) }),
        { widths: [n] },
      );
    }
  }

  it('has n² − k(k + 1)/2 and gates (doc comment) at 2 to 16 bits', () => {
    for (let n = 2; n <= 16; n++) {
      for (let k = 0; k <= n; k++) {
        const and = netlistMetrics(buildTruncatedMultiplier(n, k)).cellsByType.and;
        expect({ n, k, and }).toEqual({ n, k, and: n * n - (k * (k + 1)) / 2 });
      }
    }
  });

  it('with k = 0 is the exact Dadda multiplier: (n − 1)² fa, n − 1 ha from 3 bits', () => {
    for (let n = 3; n <= 16; n++) {
      const cells = netlistMetrics(buildTruncatedMultiplier(n, 0)).cellsByType;
      // Dadda tree n² − 4n + 3 fa and n − 1 ha, then a 2n − 2-bit ripple adder.
      expect({ n, fa: cells.fa, ha: cells.ha }).toEqual({ n, fa: (n - 1) ** 2, ha: n - 1 });
    }
  });
});
