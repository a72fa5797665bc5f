import { describe } from 'vitest';
import { type AdderArch, buildAdder } from '../../../src/gen/adders/index.js';
import { assertAdderContract } from '../../helpers/conformance.js';

/**
 * The non-prefix adder architectures: exhaustive (every a, b, carry-in) at 1 to 6 and 8 bits,
 * properties at 13 (not a power of two), 16, 32, 64 and 128 bits, determinism, and the closed
 * forms of their doc comments where the cost is a formula of n alone. The prefix adders are in
 * prefix-adders.test.ts (two files so that the two test workers share the sweep).
 */
const WIDTHS = [1, 2, 3, 4, 5, 6, 8, 13, 16, 32, 64, 128];

const log2 = (n: number) => Math.log2(n);
const isPowerOfTwo = (n: number) => Number.isInteger(log2(n));

/** Closed forms from the generators' doc comments, derived by hand there. */
const DOCUMENTED: Record<string, (n: number) => { cells?: number; depth?: number } | undefined> = {
  // n fa; carry: 3 levels in the first full adder, 2 (and, or) in each later one.
  'ripple-carry': (n) => ({ cells: n, depth: 2 * n + 1 }),
  // 4n leaf gates + (n·log2 n + 3n − 1) mux2; one leaf gate + log2 n + 1 mux levels.
  'conditional-sum': (n) =>
    isPowerOfTwo(n) ? { cells: 4 * n + n * log2(n) + 3 * n - 1, depth: log2(n) + 2 } : undefined,
  // n = 4: 4 (and + xor) + 4 xor + c1..c3 (10 and + 6 or) + c4 (10 and + 4 or) = 42.
  // n = 16: 48 bit gates + 4 groups × (G 9 + P 3) + top unit (16 + 14) + 4 × c1..c3 16 = 190.
  'carry-lookahead': (n) => (n === 4 ? { cells: 42 } : n === 16 ? { cells: 190 } : undefined),
  // Blocks of k = ⌈√n⌉: k fa, then per later block of m: 2(m − 1) fa + ha + xnor + or + (m + 1) mux2.
  'carry-select': (n) => ({
    cells: blocks(
      n,
      () => Math.ceil(Math.sqrt(n)),
      (m, first) => (first ? m : 2 * (m - 1) + 3 + m + 1),
    ),
  }),
  // Blocks of k = ⌈√(n/2)⌉: m fa + m xor + (m − 1) and + 1 mux2 each.
  'carry-skip': (n) => ({
    cells: blocks(
      n,
      () => Math.max(1, Math.ceil(Math.sqrt(n / 2))),
      (m) => 3 * m,
    ),
  }),
  // Blocks of 1, 2, 3, …: the first m fa; later ha + (m − 1) fa + (2m − 1) and + m xor + 1 or = 4m.
  'carry-increment': (n) => ({
    cells: blocks(
      n,
      (k) => k + 1,
      (m, first) => (first ? m : 4 * m),
    ),
  }),
};

/** Sum of per-block cells over blocks of the given sizes, the last block taking the rest. */
function blocks(
  n: number,
  size: (k: number) => number,
  cells: (m: number, first: boolean) => number,
): number {
  let total = 0;
  for (let start = 0, k = 0; start < n; k++) {
    const m = Math.min(size(k), n - start);
    total += cells(m, k === 0);
    start += m;
  }
  return total;
}

const ARCHS: AdderArch[] = [
  'ripple-carry',
  'carry-lookahead',
  'carry-select',
  'carry-skip',
  'carry-increment',
  'conditional-sum',
];

describe('adders', () => {
  for (const arch of ARCHS) {
    assertAdderContract(arch, (n) => buildAdder(arch, n), {
      widths: WIDTHS,
      metrics: DOCUMENTED[arch],
    });
  }
});
