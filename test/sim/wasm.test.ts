import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompiledSimulator } from '../../src/sim/compiled.js';
import { sleb, uleb } from '../../src/sim/wasm/encode.js';
import { prng, randomNetlist } from './random-netlist.js';

/** Golden LEB128 decoders, written from the specification. */
function readUleb(bytes: number[]): number {
  let value = 0;
  bytes.forEach((b, i) => {
    value += (b & 0x7f) * 2 ** (7 * i);
  });
  return value;
}
function readSleb(bytes: number[]): number {
  const u = readUleb(bytes);
  const bits = 7 * bytes.length;
  return u >= 2 ** (bits - 1) ? u - 2 ** bits : u;
}

describe('WebAssembly encoding', () => {
  it('writes LEB128 integers (continuation bit on all but the last byte)', () => {
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer(), (u, s) => {
        const ub = uleb(u);
        const sb = sleb(s | 0);
        expect(readUleb(ub)).toBe(u);
        expect(readSleb(sb)).toBe(s | 0);
        for (const bytes of [ub, sb]) {
          bytes.forEach((b, i) => expect(b >= 0x80).toBe(i < bytes.length - 1));
        }
      }),
    );
  });
});

describe('WebAssembly SIMD bit-plane kernel', () => {
  it('equals the JavaScript kernel on random netlists (interleaved 128-lane groups)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 20 }),
        (seed, groups) => {
          const netlist = randomNetlist(seed, {
            cells: 120,
            registers: 0,
            inputWidths: [3, 17],
            outputs: 3,
            maxOutputWidth: 32,
          });
          const sim = new CompiledSimulator(netlist);
          const wasm = sim.wasm!;
          expect(wasm).toBeDefined();
          const rand = prng(seed);
          const { input, output } = wasm.planeBuffers(groups, sim.inputBits, sim.outputBits);
          for (let i = 0; i < input.length; i++) input[i] = Math.floor(rand() * 2 ** 32) | 0;
          // The same lanes in the JavaScript layout: plane b, word 4k + j.
          const words = 4 * groups;
          const jsIn = Array.from({ length: sim.inputBits }, (_, b) =>
            Int32Array.from(
              { length: words },
              (_, w) => input[((w >> 2) * sim.inputBits + b) * 4 + (w & 3)],
            ),
          );
          const jsOut = Array.from({ length: sim.outputBits }, () => new Int32Array(words));
          sim.evaluatePlanes(jsIn, jsOut, words);
          wasm.evaluatePlaneBuffers(groups, sim.inputBits);
          for (let b = 0; b < sim.outputBits; b++) {
            for (let w = 0; w < words; w++) {
              expect(output[((w >> 2) * sim.outputBits + b) * 4 + (w & 3)]).toBe(jsOut[b][w]);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is not used for sequential netlists or ports wider than 32 bits', () => {
    const seq = randomNetlist(1, { cells: 20, registers: 2, inputWidths: [4], outputs: 1 });
    const wide = randomNetlist(2, { cells: 20, registers: 0, inputWidths: [33], outputs: 1 });
    expect(new CompiledSimulator(seq).wasm).toBeUndefined();
    expect(new CompiledSimulator(wide).wasm).toBeUndefined();
  });
});
