import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocPlanes,
  packBigInt,
  packInt32,
  transpose32,
  unpackBigInt,
  unpackInt32,
} from '../../src/sim/bitplane.js';

/** Naive golden transpose: bit r of row c = bit c of row r, one bit at a time. */
function naiveTranspose(rows: readonly number[]): number[] {
  const out = new Array<number>(32).fill(0);
  for (let r = 0; r < 32; r++)
    for (let c = 0; c < 32; c++) if ((rows[r] >>> c) & 1) out[c] |= 1 << r;
  return out;
}

describe('32x32 bit-matrix transpose', () => {
  it('matches a bit-by-bit transpose', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 32, maxLength: 32 }), (rows) => {
        const m = Int32Array.from(rows);
        transpose32(m);
        expect(Array.from(m)).toEqual(naiveTranspose(rows.map((x) => x | 0)));
      }),
    );
  });

  it('transposes at an offset and leaves the neighbours alone', () => {
    const m = new Int32Array(34).fill(7);
    for (let r = 0; r < 32; r++) m[r + 1] = 1 << r;
    transpose32(m, 1);
    expect(m[0]).toBe(7);
    expect(m[33]).toBe(7);
    for (let r = 0; r < 32; r++) expect(m[r + 1]).toBe(1 << r);
  });
});

describe('packing word vectors into bit planes', () => {
  it('puts bit c of vector i into plane c, word i/32, bit i%32', () => {
    const planes = allocPlanes(4, 1);
    packInt32([0x1, 0x3, 0x8], 4, planes);
    expect(Array.from(planes, (p) => p[0])).toEqual([0b011, 0b010, 0, 0b100]);
  });

  it('round-trips Int32 vectors, zero- or sign-extending narrow ports', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 32 }),
        fc.array(fc.integer(), { maxLength: 100 }),
        fc.boolean(),
        (width, values, signed) => {
          const planes = allocPlanes(width, Math.ceil(values.length / 32));
          packInt32(values, width, planes);
          const back = unpackInt32(planes, width, values.length, signed);
          const expected = values.map((v) => {
            const big = BigInt(v);
            return Number(signed ? BigInt.asIntN(width, big) : BigInt.asUintN(width, big)) | 0;
          });
          expect(Array.from(back)).toEqual(expected);
        },
      ),
    );
  });

  it('round-trips bigint vectors of any width as unsigned bit patterns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.array(fc.bigInt({ min: -(1n << 100n), max: 1n << 100n }), { maxLength: 70 }),
        (width, values) => {
          const planes = allocPlanes(width, Math.ceil(values.length / 32));
          packBigInt(values, width, planes);
          expect(unpackBigInt(planes, width, values.length)).toEqual(
            values.map((v) => BigInt.asUintN(width, v)),
          );
        },
      ),
    );
  });
});
