import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampDistance, quantizeAdderWeights } from '../../src/quant/weights.js';

describe('the lossless weight clamp', () => {
  it('|x − w| = |x − clip(w, 0, A)| + dist(w, [0, A]) for every integer x in [0, A]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 << 16 }),
        fc.integer({ min: -(1 << 20), max: 1 << 20 }),
        fc.nat(),
        (a, w, seed) => {
          const x = seed % (a + 1);
          const clipped = Math.min(a, Math.max(0, w));
          expect(Math.abs(x - w)).toBe(Math.abs(x - clipped) + clampDistance(w, a));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is not exact for x outside [0, A] (the property needs the range)', () => {
    // x = A + 1 against w = A + 5: |x − w| = 4, but |x − A| + (w − A) = 1 + 5 = 6.
    const a = 10;
    expect(Math.abs(a + 1 - (a + 5))).not.toBe(Math.abs(a + 1 - a) + clampDistance(a + 5, a));
  });

  it('a quantized adder layer with clipped weights plus its constant equals the unclipped sum', () => {
    // Weights on the code grid (scale 1: A = 2^b − 1) but far outside [0, A]; activations are
    // codes in [0, A]. Golden: Σ|x − w| over the original weights, by a naive loop.
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.integer({ min: -600, max: 600 }), { minLength: 1, maxLength: 24 }),
        fc.array(fc.nat(), { minLength: 24, maxLength: 24 }),
        (bits, weights, xs) => {
          const a = 2 ** bits - 1;
          const k = weights.length;
          const q = quantizeAdderWeights(
            Float32Array.from(weights),
            1,
            k,
            bits,
            Float64Array.of(a),
          );
          expect(q.scales[0]).toBe(1);
          let want = 0;
          let got = 0;
          for (let r = 0; r < k; r++) {
            const x = xs[r] % (a + 1);
            want += Math.abs(x - weights[r]);
            got += Math.abs(x - q.codes[r]);
          }
          expect(got + q.clampConstants[0]).toBe(want);
        },
      ),
      { numRuns: 500 },
    );
  });
});
