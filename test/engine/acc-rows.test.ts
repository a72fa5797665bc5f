import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accCircuitRows } from '../../src/engine/kernels/acc-rows.js';
import type { AccOverflow } from '../../src/quant/options.js';
import { aca, eta1, loa, truncAdd } from '../gen/approx/golden.js';

/**
 * The functional backend's accumulator circuit (`--acc-circuit`) against a BigInt model written
 * from the accumulator's definition and the adders' papers (gen/approx/golden.ts): each lane
 * starts at 0, and every tap does (sum, cout) = adder(acc, addend mod 2^W); overflow is the
 * carry-out (unsigned) or "operands agree in sign, sum differs" (signed); WRAP keeps the sum,
 * SAT clamps to the range's end on the addend's side; the flag is sticky. Lanes cross the
 * 32-lane word boundary, register widths cross 32 bits.
 */
type Adder = (n: number, a: bigint, b: bigint) => bigint;
const ADDERS: Record<string, (param: number) => Adder> = {
  loa: (k) => (_, a, b) => loa(k, a, b),
  trunc: (k) => (_, a, b) => truncAdd(k, a, b),
  eta1: (k) => (_, a, b) => eta1(k, a, b),
  aca: (w) => (n, a, b) => aca(w, n, a, b),
};

function model(
  adder: Adder,
  width: number,
  signed: boolean,
  mode: AccOverflow,
  taps: readonly number[],
): { value: number; overflowed: boolean } {
  const modulus = 1n << BigInt(width);
  const top = (v: bigint) => (v >> BigInt(width - 1)) & 1n;
  let acc = 0n;
  let overflowed = false;
  for (const tap of taps) {
    const addend = ((BigInt(tap) % modulus) + modulus) % modulus;
    const total = adder(width, acc, addend);
    const sum = total % modulus;
    const overflow = signed
      ? top(acc) === top(addend) && top(sum) !== top(acc)
      : total >> BigInt(width) === 1n;
    overflowed ||= overflow;
    if (!overflow || mode === 'wrap') acc = sum;
    else if (!signed) acc = modulus - 1n;
    else acc = top(addend) === 1n ? modulus / 2n : modulus / 2n - 1n;
  }
  const value = signed && top(acc) === 1n ? acc - modulus : acc;
  return { value: Number(value), overflowed };
}

const CIRCUITS = [
  ['loa', 0],
  ['loa', 5],
  ['trunc', 3],
  ['eta1', 4],
  ['aca', 3],
] as const;

describe('accumulator circuit rows (functional backend)', () => {
  for (const [family, param] of CIRCUITS) {
    it(`${family}:${param} equals the BigInt model, both signs, WRAP and SAT`, () => {
      fc.assert(
        fc.property(
          fc.record({
            width: fc.integer({ min: 10, max: 40 }),
            signed: fc.boolean(),
            mode: fc.constantFrom<AccOverflow>('wrap', 'sat'),
            rows: fc.integer({ min: 1, max: 70 }),
            channels: fc.integer({ min: 1, max: 3 }),
            taps: fc.integer({ min: 1, max: 12 }),
            seed: fc.integer(),
          }),
          (c) => {
            const tapBits = Math.min(c.width, 9);
            const rng = fc.sample(
              fc.integer({
                min: c.signed ? -(2 ** (tapBits - 1)) : 0,
                max: c.signed ? 2 ** (tapBits - 1) - 1 : 2 ** tapBits - 1,
              }),
              { seed: c.seed, numRuns: c.rows * c.channels * c.taps },
            );
            const tapOf = (q: number, j: number, t: number) => rng[(j * c.taps + t) * c.rows + q];
            const n4 = c.channels + 1;
            const sums = new Float64Array(c.rows * n4);
            const events = accCircuitRows(
              {
                key: `${family}:${param}`,
                bits: c.width,
                mode: c.mode,
                signed: c.signed,
                tapBits,
                rows: c.rows,
                channels: c.channels,
                taps: c.taps,
                n4,
                tap: (j, t, out) => {
                  for (let q = 0; q < c.rows; q++) out[q] = tapOf(q, j, t);
                },
              },
              sums,
            );
            let expected = 0;
            for (let q = 0; q < c.rows; q++) {
              for (let j = 0; j < c.channels; j++) {
                const taps = Array.from({ length: c.taps }, (_, t) => tapOf(q, j, t));
                const m = model(ADDERS[family](param), c.width, c.signed, c.mode, taps);
                expect(sums[q * n4 + j]).toBe(m.value);
                if (m.overflowed) expected++;
              }
            }
            expect(events).toBe(expected);
          },
        ),
        { numRuns: 25, seed: 15 },
      );
    });
  }

  it('narrow registers overflow and saturate where the model says (exact adder, loa:0)', () => {
    // 10-bit signed register, taps of +200: 0, 200, 400, then 600 > 511 overflows.
    const sums = new Float64Array(2);
    const events = accCircuitRows(
      {
        key: 'loa:0',
        bits: 10,
        mode: 'sat',
        signed: true,
        tapBits: 9,
        rows: 2,
        channels: 1,
        taps: 3,
        n4: 1,
        tap: (_, t, out) => {
          out[0] = 200;
          out[1] = t === 0 ? -256 : -200;
        },
      },
      sums,
    );
    expect([...sums]).toEqual([511, -512]);
    expect(events).toBe(2);
  });
});
