import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packWide, unpackWide } from '../../src/engine/planes.js';
import { allocPlanes } from '../../src/sim/bitplane.js';

/**
 * Wide values through bit planes: packWide then unpackWide gives every value back, read as
 * `width`-bit two's complement (signed) or its low `width` bits (unsigned), on both sides of 32
 * bits and of a 32-lane word; bit b of lane i is checked against BigInt arithmetic.
 */
describe('packWide / unpackWide', () => {
  it('round-trips signed and unsigned values of 1 to 53 bits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 53 }),
        fc.boolean(),
        fc.array(fc.bigInt({ min: -(2n ** 52n), max: 2n ** 53n - 1n }), {
          minLength: 1,
          maxLength: 70,
        }),
        (width, signed, raw) => {
          const modulus = 1n << BigInt(width);
          const low = raw.map((v) => ((v % modulus) + modulus) % modulus);
          const expected = low.map((v) =>
            signed && v >= modulus / 2n ? Number(v - modulus) : Number(v),
          );
          const values = Float64Array.from(expected);
          const words = Math.ceil(values.length / 32);
          const planes = allocPlanes(width, words);
          packWide(values, width, planes);
          for (let i = 0; i < values.length; i++) {
            for (let b = 0; b < width; b++) {
              const bit = (planes[b][i >>> 5] >>> (i & 31)) & 1;
              expect(bit).toBe(Number((low[i] >> BigInt(b)) & 1n));
            }
          }
          expect([...unpackWide(planes, width, values.length, signed)]).toEqual(expected);
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});
