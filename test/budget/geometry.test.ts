import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  outputLength,
  paddedWindowPairs,
  validTaps,
  validWindowPairs,
} from '../../src/budget/geometry.js';

/** Naive model: walk every output pixel and window position and test the input bounds. */
function naivePairs(h: number, w: number, k: number, s: number, p: number) {
  let valid = 0;
  let padded = 0;
  for (let oh = 0; oh * s - p + k <= h + p; oh++) {
    for (let ow = 0; ow * s - p + k <= w + p; ow++) {
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          const r = oh * s - p + i;
          const c = ow * s - p + j;
          if (r >= 0 && r < h && c >= 0 && c < w) valid++;
          else padded++;
        }
      }
    }
  }
  return { valid, padded };
}

const windows = fc
  .record({
    h: fc.integer({ min: 1, max: 20 }),
    w: fc.integer({ min: 1, max: 20 }),
    k: fc.integer({ min: 1, max: 7 }),
    s: fc.integer({ min: 1, max: 4 }),
    p: fc.integer({ min: 0, max: 3 }),
  })
  .filter(({ h, w, k, p }) => k <= h + 2 * p && k <= w + 2 * p);

describe('window geometry', () => {
  it('matches a walk over every output pixel and window position', () => {
    fc.assert(
      fc.property(windows, ({ h, w, k, s, p }) => {
        const win = { height: h, width: w, kernel: k, stride: s, padding: p };
        const naive = naivePairs(h, w, k, s, p);
        expect(validWindowPairs(win)).toBe(naive.valid);
        expect(paddedWindowPairs(win)).toBe(naive.padded);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('counts by hand: 5 wide, kernel 3, stride 2, padding 1', () => {
    // Outputs read input columns {-1,0,1}, {1,2,3}, {3,4,5}: 2 + 3 + 2 = 7 in range.
    expect(outputLength(5, 3, 2, 1)).toBe(3);
    expect(validTaps(5, 3, 2, 1)).toBe(7);
    // ResNet stem: 224, kernel 7, stride 2, padding 3 -> 112 outputs.
    expect(outputLength(224, 7, 2, 3)).toBe(112);
  });
});
