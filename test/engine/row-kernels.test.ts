import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dotRows,
  dotRowsJs,
  sadRows,
  sadRowsJs,
  simdAvailable,
} from '../../src/engine/row-kernels.js';

/** Naive golden model: one loop per output, BigInt-free but with exact small integers. */
function naive(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  rows: number,
  kp: number,
  n4: number,
  f: (a: number, b: number) => number,
): number[] {
  const out: number[] = [];
  for (let q = 0; q < rows; q++)
    for (let o = 0; o < n4; o++) {
      let s = 0;
      for (let r = 0; r < kp; r++) s += f(x[q * kp + r], w[o * kp + r]);
      out.push(s);
    }
  return out;
}

const shape = fc.record({
  rows: fc.integer({ min: 1, max: 9 }),
  blocks: fc.integer({ min: 1, max: 3 }),
  vectors: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer(),
});

function bytes(n: number, seed: number): number[] {
  let s = seed | 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    return (s >>> 16) & 0xff;
  });
}

describe('int8 row kernels', () => {
  it('WebAssembly SIMD is available on this platform', () => {
    expect(simdAvailable()).toBe(true);
  });

  it('sad: SIMD and JavaScript equal the naive sum of |x - w| on unsigned bytes', () => {
    fc.assert(
      fc.property(shape, ({ rows, blocks, vectors, seed }) => {
        const kp = 16 * vectors;
        const n4 = 4 * blocks;
        const x = Uint8Array.from(bytes(rows * kp, seed));
        const w = Uint8Array.from(bytes(n4 * kp, seed + 1));
        const want = naive(x, w, rows, kp, n4, (a, b) => Math.abs(a - b));
        const simd = new Int32Array(rows * n4);
        const js = new Int32Array(rows * n4);
        sadRows(x, w, rows, kp, n4, simd, true);
        sadRowsJs(x, w, rows, kp, n4, js);
        expect([...simd]).toEqual(want);
        expect([...js]).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });

  it('sad: the i16 partial sums are flushed before they can overflow (long rows of 255)', () => {
    const kp = 16 * 300; // 300 vectors: more than 128 between flushes
    const x = new Uint8Array(kp).fill(255);
    const w = new Uint8Array(4 * kp);
    const out = new Int32Array(4);
    sadRows(x, w, 1, kp, 4, out, true);
    expect([...out]).toEqual([255 * kp, 255 * kp, 255 * kp, 255 * kp]);
  });

  it('dot: SIMD and JavaScript equal the naive sum of x*w on signed bytes', () => {
    fc.assert(
      fc.property(shape, ({ rows, blocks, vectors, seed }) => {
        const kp = 16 * vectors;
        const n4 = 4 * blocks;
        const x = Int8Array.from(bytes(rows * kp, seed));
        const w = Int8Array.from(bytes(n4 * kp, seed + 7));
        const want = naive(x, w, rows, kp, n4, (a, b) => a * b);
        const simd = new Int32Array(rows * n4);
        const js = new Int32Array(rows * n4);
        dotRows(x, w, rows, kp, n4, simd, true);
        dotRowsJs(x, w, rows, kp, n4, js);
        expect([...simd]).toEqual(want);
        expect([...js]).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });
});
