import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant of the arithmetic core (stryker.config.json): the
 * test files of the core files and of the callers whose golden models pin them down, not the
 * whole suite, so that a mutation run stays affordable on a small machine.
 */
export default defineConfig({
  test: {
    include: [
      'test/bits/fast-number*.test.ts',
      'test/bits/quantize.test.ts',
      'test/quant/requant*.test.ts',
      'test/quant/widths.test.ts',
      'test/engine/overflow.test.ts',
      'test/engine/accumulate.test.ts',
      'test/budget/*.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
