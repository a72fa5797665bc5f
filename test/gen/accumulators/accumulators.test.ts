import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accumulatorWidth,
  buildAccumulator,
  OVERFLOW_MODES,
} from '../../../src/gen/accumulators/index.js';
import { ADDER_ARCHS } from '../../../src/gen/adders/index.js';
import { netlistMetrics } from '../../../src/ir/metrics.js';
import { assertValidNetlist } from '../../../src/ir/validate.js';
import { assertSequentialContract } from '../../helpers/conformance.js';
import { SIMULATORS } from '../../helpers/simulators.js';
import { type Cycle, goldenAccumulator } from './golden.js';

/** Cycles with clear rare enough (1 in 8) that narrow accumulators overflow between clears. */
function cyclesArbitrary(xBits: number, carryIn: boolean, length: number) {
  const clear = fc.oneof(
    { weight: 1, arbitrary: fc.constant(1n) },
    { weight: 7, arbitrary: fc.constant(0n) },
  );
  const x = fc.bigInt({ min: 0n, max: (1n << BigInt(xBits)) - 1n });
  const cin = fc.bigInt({ min: 0n, max: 1n });
  const cycle = carryIn ? fc.record({ x, clear, cin }) : fc.record({ x, clear });
  return fc.array(cycle as fc.Arbitrary<Cycle>, { minLength: length, maxLength: length });
}

const CONFIGS = [1, 3, 8, 16, 32, 64].flatMap((xBits) =>
  [0, 2, 'sized' as const].map((extra) => ({
    xBits,
    extra,
  })),
);

describe.each(SIMULATORS)('accumulators on the $name simulator', (sim) => {
  describe.each(OVERFLOW_MODES)('%s', (overflow) => {
    it.each(CONFIGS)('follow the golden sequence: $xBits-bit addend, +$extra bits', (c) => {
      for (const signed of [false, true]) {
        for (const carryIn of [false, true]) {
          const accBits =
            c.extra === 'sized' ? accumulatorWidth(c.xBits, 1000, signed) : c.xBits + c.extra;
          const netlist = buildAccumulator({
            width: c.xBits,
            accWidth: accBits,
            signed,
            overflow,
            carryIn,
          });
          const model = { xBits: c.xBits, accBits, signed, overflow };
          fc.assert(
            fc.property(cyclesArbitrary(c.xBits, carryIn, 40), (cycles) => {
              expect(sim.run(netlist, cycles)).toEqual(goldenAccumulator(model, cycles));
            }),
            { numRuns: 4 },
          );
        }
      }
    });
  });

  it('wraps and saturates a 4-bit accumulator as worked out by hand', () => {
    const adds = (xs: bigint[], clearAt = -1) =>
      xs.map((x, i) => ({ x, clear: i === clearAt ? 1n : 0n }));
    const run = (signed: boolean, overflow: 'wrap' | 'sat', cycles: Cycle[]) =>
      sim
        .run(buildAccumulator({ width: 4, signed, overflow }), cycles)
        .map((o) => [Number(o.acc), Number(o.overflow)]);
    const fifteens = adds([15n, 15n, 15n, 1n], 3);
    // unsigned 15 + 15 = 30: wraps to 14, saturates at 15; then 14 + 15 = 29 → 13; clear loads 1.
    expect(run(false, 'wrap', [...fifteens, ...adds([0n])])).toEqual([
      [0, 0],
      [15, 0],
      [14, 1],
      [13, 1],
      [1, 0],
    ]);
    expect(run(false, 'sat', [...fifteens, ...adds([0n])])).toEqual([
      [0, 0],
      [15, 0],
      [15, 1],
      [15, 1],
      [1, 0],
    ]);
    // signed: 7 + 7 = 14 → wraps to −2 (0b1110), saturates at 7; −8 + −8 saturates at −8 (0b1000).
    expect(run(true, 'wrap', adds([7n, 7n, 0n]))).toEqual([
      [0, 0],
      [7, 0],
      [14, 1],
    ]);
    expect(run(true, 'sat', adds([7n, 7n, 8n, 8n, 8n]))).toEqual([
      [0, 0],
      [7, 0],
      [7, 1],
      [15, 1],
      [8, 1],
    ]);
  });

  it.each(ADDER_ARCHS)('takes %s as its adder', (adder) => {
    for (const overflow of OVERFLOW_MODES) {
      const netlist = buildAccumulator({
        width: 12,
        accWidth: 14,
        signed: true,
        overflow,
        carryIn: true,
        adder,
      });
      expect(netlist.params?.adder).toBe(adder);
      const model = { xBits: 12, accBits: 14, signed: true, overflow };
      const [cycles] = fc.sample(cyclesArbitrary(12, true, 60), { seed: 7, numRuns: 1 });
      expect(sim.run(netlist, cycles)).toEqual(goldenAccumulator(model, cycles));
    }
  });
});

// The shared sequential contract (uniform random inputs: clear every other cycle on average).
for (const signed of [false, true]) {
  for (const overflow of OVERFLOW_MODES) {
    const model = { xBits: 8, accBits: 9, signed, overflow };
    assertSequentialContract(
      `9-bit ${overflow} accumulator of 8-bit ${signed ? 'signed' : 'unsigned'} addends`,
      () => buildAccumulator({ width: 8, accWidth: 9, signed, overflow, carryIn: true }),
      (cycles) => goldenAccumulator(model, cycles),
      { length: 40, runs: 10 },
    );
  }
}

describe('accumulator netlists', () => {
  it('size the register to the fewest bits that hold every sum of taps operands', () => {
    for (let bits = 1; bits <= 8; bits++) {
      for (let taps = 1; taps <= 40; taps++) {
        // Extreme sums, and the smallest width whose range holds them, by search.
        const unsignedMax = BigInt(taps) * ((1n << BigInt(bits)) - 1n);
        const signedMin = -BigInt(taps) * (1n << BigInt(bits - 1));
        const signedMax = BigInt(taps) * ((1n << BigInt(bits - 1)) - 1n);
        let u = 1;
        while ((1n << BigInt(u)) - 1n < unsignedMax) u++;
        let s = 1;
        while (-(1n << BigInt(s - 1)) > signedMin || (1n << BigInt(s - 1)) - 1n < signedMax) s++;
        expect(accumulatorWidth(bits, taps, false), `${bits} bits × ${taps}`).toBe(u);
        expect(accumulatorWidth(bits, taps, true), `${bits} bits × ${taps} signed`).toBe(s);
      }
    }
    expect(accumulatorWidth(8, 576, false)).toBe(18);
  });

  it('are valid and documented, and cost what the doc comment states', () => {
    for (const signed of [false, true]) {
      for (const overflow of OVERFLOW_MODES) {
        const netlist = buildAccumulator({ width: 8, taps: 16, signed, overflow, carryIn: true });
        assertValidNetlist(netlist);
        for (const port of [...netlist.inputs, ...netlist.outputs]) expect(port.doc).toBeTruthy();
        const w = 12; // unsigned: 16·255 = 4080 < 2^12; signed: 8 + log2 16
        expect(netlist.outputs.map((p) => [p.name, p.bits.length])).toEqual([
          ['acc', w],
          ['overflow', 1],
        ]);
        const m = netlistMetrics(netlist);
        expect(m.registers).toBe(w + 1);
        // ripple adder: w fa; clear: w and + 1 not; flag: 1 and + 1 or; signed detection:
        // xnor + xor + and; SAT: w or (unsigned) or w mux2 + 1 not (signed).
        const expected: Record<string, number> = { fa: w, and: w + 1, not: 1, or: 1 };
        if (signed) Object.assign(expected, { xnor: 1, xor: 1, and: w + 2 });
        if (overflow === 'sat' && signed) Object.assign(expected, { mux2: w, not: 2 });
        if (overflow === 'sat' && !signed) expected.or = w + 1;
        expect(m.cellsByType, `${overflow}, signed: ${signed}`).toEqual(expected);
      }
    }
  });

  it('refuses bad options with exact messages', () => {
    expect(() => buildAccumulator({ width: 0 })).toThrow(
      'accumulator addend width must be an integer from 1 to 256, not 0',
    );
    expect(() => buildAccumulator({ width: 8, accWidth: 4 })).toThrow(
      'accumulator width must be an integer from 8 to 512, not 4',
    );
    expect(() => buildAccumulator({ width: 8, overflow: 'clip' as never })).toThrow(
      'overflow mode must be one of wrap, sat, not "clip"',
    );
    expect(() => accumulatorWidth(8, 0, false)).toThrow(
      'taps must be an integer from 1 to 1099511627776, not 0',
    );
  });
});
