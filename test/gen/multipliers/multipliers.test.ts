import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADDER_ARCHS } from '../../../src/gen/adders/index.js';
import { buildMultiplier, MULTIPLIER_ARCHS } from '../../../src/gen/multipliers/index.js';
import { assertCombinationalContract, type Golden } from '../../helpers/conformance.js';
import { SIMULATORS } from '../../helpers/simulators.js';
import { extremes, goldenProduct } from './golden.js';

/**
 * Every multiplier, signed and unsigned: exhaustive up to 8×8 (one batch per netlist),
 * fast-check properties at 16, 32 and 64 bits, through the shared combinational contract (every
 * simulator, determinism, no registers). Wide operands, the final-adder parameter and the error
 * messages below.
 */
const WIDTHS = [1, 2, 3, 4, 5, 6, 8, 16, 32, 64];

/** One golden factory per reading, so that the contract computes each exhaustive sweep once. */
const GOLDEN: Record<'signed' | 'unsigned', (n: number) => Golden> = {
  unsigned: (n) => (v) => ({ product: goldenProduct(n, false, v.a, v.b) }),
  signed: (n) => (v) => ({ product: goldenProduct(n, true, v.a, v.b) }),
};

for (const arch of MULTIPLIER_ARCHS) {
  for (const reading of ['unsigned', 'signed'] as const) {
    assertCombinationalContract(
      `${arch} multiplier, ${reading}`,
      (width) => buildMultiplier({ width, arch, signed: reading === 'signed' }),
      GOLDEN[reading],
      { widths: WIDTHS, runs: 4 },
    );
  }
}

/** Mismatches (at most 5) between a batch's products and the golden model. */
function mismatches(n: number, signed: boolean, a: bigint[], b: bigint[], product: bigint[]) {
  const bad: string[] = [];
  for (let i = 0; i < a.length && bad.length < 5; i++) {
    const expected = goldenProduct(n, signed, a[i], b[i]);
    if (product[i] !== expected) bad.push(`${a[i]}·${b[i]}: ${product[i]} ≠ ${expected}`);
  }
  return bad;
}

describe.each(SIMULATORS)('multipliers on the $name simulator', (sim) => {
  describe.each(MULTIPLIER_ARCHS)('%s', (arch) => {
    it.each([
      [128, false],
      [128, true],
      [256, true],
    ] as const)('is exact at %i bits (signed: %s) on extreme and sampled pairs', (n, signed) => {
      const word = fc.bigInt({ min: 0n, max: (1n << BigInt(n)) - 1n });
      const a = [...extremes(n), ...fc.sample(word, { seed: n, numRuns: 2 })];
      const b = [...a.slice(1), a[0]];
      const { product } = sim.evaluateBatch(buildMultiplier({ width: n, arch, signed }), { a, b });
      expect(mismatches(n, signed, a, b, product)).toEqual([]);
    });
  });

  it.each(ADDER_ARCHS)('takes %s as the final adder of a 16-bit booth-dadda', (adder) => {
    const word = fc.bigInt({ min: 0n, max: 0xffffn });
    const values = [...extremes(16), ...fc.sample(word, { seed: 16, numRuns: 10 })];
    const a = values.flatMap((x) => values.map(() => x));
    const b = values.flatMap(() => values);
    for (const signed of [false, true]) {
      const netlist = buildMultiplier({ width: 16, arch: 'booth-dadda', signed, adder });
      expect(netlist.params?.adder).toBe(adder);
      const { product } = sim.evaluateBatch(netlist, { a, b });
      expect(mismatches(16, signed, a, b, product), `signed: ${signed}`).toEqual([]);
    }
  });
});

describe('multiplier netlists', () => {
  it('have documented ports a, b → product of 2n bits', () => {
    for (const arch of MULTIPLIER_ARCHS) {
      const netlist = buildMultiplier({ width: 12, arch, signed: true });
      expect(netlist.inputs.map((p) => [p.name, p.bits.length])).toEqual([
        ['a', 12],
        ['b', 12],
      ]);
      expect(netlist.outputs.map((p) => [p.name, p.bits.length])).toEqual([['product', 24]]);
      for (const port of [...netlist.inputs, ...netlist.outputs]) expect(port.doc).toBeTruthy();
    }
  });

  it('refuses widths and names outside the catalog with exact messages', () => {
    expect(() => buildMultiplier({ width: 0 })).toThrow(
      'multiplier width must be an integer from 1 to 256, not 0',
    );
    expect(() => buildMultiplier({ width: 257 })).toThrow(
      'multiplier width must be an integer from 1 to 256, not 257',
    );
    expect(() => buildMultiplier({ width: 8, arch: 'booth' as never })).toThrow(
      'multiplier arch must be one of array, wallace, dadda, booth-wallace, booth-dadda, not "booth"',
    );
    expect(() => buildMultiplier({ width: 8, adder: 'rc' as never })).toThrow(
      `adder arch must be one of ${ADDER_ARCHS.join(', ')}, not "rc"`,
    );
  });
});
