import { describe, expect, it } from 'vitest';
import { finishUnsigned, stepSigned } from '../../src/engine/accumulate.js';
import type { AccOverflow } from '../../src/quant/options.js';

/**
 * The accumulator register semantics, exhaustively over small widths, against a golden register
 * written here: exact BigInt partial sums, each addition followed by WRAP (reduce into the W-bit
 * range) or SAT (clamp to it), and a sticky flag set when any partial sum left the range.
 */
function golden(
  addends: readonly number[],
  bits: number,
  signed: boolean,
  mode: AccOverflow,
): { value: number; overflowed: boolean } {
  const lo = signed ? -(2n ** BigInt(bits - 1)) : 0n;
  const hi = lo + 2n ** BigInt(bits) - 1n;
  const span = hi - lo + 1n;
  let acc = 0n;
  let overflowed = false;
  for (const a of addends) {
    acc += BigInt(a);
    if (acc < lo || acc > hi) {
      overflowed = true;
      if (mode === 'sat') acc = acc < lo ? lo : hi;
      else {
        while (acc > hi) acc -= span;
        while (acc < lo) acc += span;
      }
    }
  }
  return { value: Number(acc), overflowed };
}

const MODES: readonly AccOverflow[] = ['wrap', 'sat'];

describe('unsigned accumulator (adder and binary layers)', () => {
  it('equals the per-addition register for every total of non-negative addends', () => {
    for (const mode of MODES) {
      for (let bits = 1; bits <= 5; bits++) {
        for (let sum = 0; sum <= 3 * 2 ** bits + 1; sum++) {
          // One addend per unit: the partial sums walk through every value up to the total.
          const want = golden(new Array(sum).fill(1), bits, false, mode);
          expect({ mode, bits, sum, ...finishUnsigned(sum, bits, mode) }).toEqual({
            mode,
            bits,
            sum,
            ...want,
          });
        }
      }
    }
  });
});

describe('signed accumulator (multiply layers)', () => {
  it('equals the per-addition register for every product sequence of 3-bit operands', () => {
    // All sequences of up to 3 taps with x, w from 3-bit values, in a 4-bit register (−8..7):
    // products −12..16, so partial sums reach both ends exactly, leave them on either side, and
    // come back.
    const values = [-4, -2, -1, 0, 1, 3];
    const sequences: number[][][] = [[]];
    for (let len = 1; len <= 3; len++) {
      for (const prev of sequences.filter((s) => s.length === len - 1)) {
        for (const x of values) for (const w of values) sequences.push([...prev, [x, w]]);
      }
    }
    for (const mode of MODES) {
      for (const taps of sequences) {
        // The taps sit inside longer arrays at offsets, next to values that must not be read.
        const x = [9, 9, ...taps.map((t) => t[0]), 9];
        const w = [-9, ...taps.map((t) => t[1]), -9, -9];
        const got = stepSigned(x, 2, w, 1, taps.length, 4, mode);
        const want = golden(
          taps.map(([a, b]) => a * b),
          4,
          true,
          mode,
        );
        if (got.value !== want.value || got.overflowed !== want.overflowed) {
          expect({ mode, taps, ...got }).toEqual({ mode, taps, ...want });
        }
      }
    }
  });

  it('does not flag a partial sum that lands exactly on the most negative value', () => {
    // −2·4 = −8 = −2^3 fits a 4-bit register: no overflow, in either mode.
    for (const mode of MODES) {
      expect(stepSigned([-2], 0, [4], 0, 1, 4, mode)).toEqual({ value: -8, overflowed: false });
      expect(stepSigned([-2, 1], 0, [4, -1], 0, 2, 4, mode)).toEqual({
        value: mode === 'wrap' ? 7 : -8,
        overflowed: true,
      });
    }
  });
});
