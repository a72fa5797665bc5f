import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ABSDIFF_VARIANTS,
  ABSDIFFS,
  type AbsDiffVariant,
  buildAbsDiff,
} from '../../../src/gen/absdiff/index.js';
import { ADDERS, type AdderArch } from '../../../src/gen/adders/index.js';
import { NetlistBuilder } from '../../../src/ir/builder.js';
import type { Netlist } from '../../../src/ir/netlist.js';
import { assertCombinationalContract, type Golden } from '../../helpers/conformance.js';
import { SIMULATORS } from '../../helpers/simulators.js';
import { readAs } from '../golden.js';

/**
 * |a − b| for both readings. The exact variants give diff = |a − b|; the folded one gives
 * diff = |a − b| − [a < b] and plus_one = [a < b] (its documented contract), so that
 * diff + plus_one = |a − b|.
 */
const golden =
  (variant: AbsDiffVariant, signed: boolean) =>
  (width: number): Golden =>
  ({ a, b }): Record<string, bigint> => {
    const x = readAs(a, width, signed);
    const y = readAs(b, width, signed);
    const magnitude = x < y ? y - x : x - y;
    if (variant !== 'ones-complement') return { diff: magnitude };
    const plusOne = x < y ? 1n : 0n;
    return { diff: magnitude - plusOne, plus_one: plusOne };
  };
const GOLDENS = new Map(
  ABSDIFF_VARIANTS.flatMap((v) => [false, true].map((s) => [`${v} ${s}`, golden(v, s)] as const)),
);
const ADDER_CHOICES: AdderArch[] = ['ripple-carry', 'kogge-stone'];

describe('|a - b|', () => {
  for (const variant of ABSDIFF_VARIANTS) {
    for (const adder of ADDER_CHOICES) {
      for (const signed of [false, true]) {
        assertCombinationalContract(
          `${variant} ${adder} ${signed ? 'signed' : 'unsigned'}`,
          (n) => buildAbsDiff(variant, n, { signed, adder }),
          GOLDENS.get(`${variant} ${signed}`)!,
          { widths: [1, 2, 3, 4, 6, 8, 16, 64], exhaustiveUpTo: 6 },
        );
      }
    }
  }

  it('exports plus_one only for the folded variant', () => {
    for (const variant of ABSDIFF_VARIANTS) {
      const ports = buildAbsDiff(variant, 4, { signed: false, adder: 'ripple-carry' }).outputs;
      expect([variant, ports.map((p) => p.name)]).toEqual([
        variant,
        variant === 'ones-complement' ? ['diff', 'plus_one'] : ['diff'],
      ]);
    }
  });
});

/**
 * An accumulator fed by the folded |a − b|: acc ← acc + diff + plus_one, the deferred +1
 * entering through the adder's carry-in (what a SAD or AdderNet accumulator does). Built here,
 * in the test, from the registry's pieces; acc is `accWidth` bits, diff zero-extended.
 */
function foldedAccumulator(width: number, accWidth: number, signed: boolean): Netlist {
  const b = new NetlistBuilder('sad');
  const x = b.input('a', width, { signed });
  const y = b.input('b', width, { signed });
  const { diff, plusOne } = ABSDIFFS['ones-complement'](b, x, y, {
    signed,
    adder: ADDERS['ripple-carry'],
  });
  const acc = Array.from({ length: accWidth }, () => b.registerLater());
  const q = acc.map((r) => r.q);
  const addend = [...diff, ...b.constant(0n, accWidth - width)];
  const { sum } = ADDERS['brent-kung'](b, q, addend, plusOne);
  acc.forEach((r, i) => {
    r.drive(sum[i]);
  });
  b.output('acc', q);
  return b.build();
}

describe.each(SIMULATORS)('folded |a - b| accumulated through the carry-in [$name]', (sim) => {
  for (const signed of [false, true]) {
    it(`sums |a - b| exactly over random sequences (${signed ? 'signed' : 'unsigned'})`, () => {
      const width = 6;
      const length = 40;
      const accWidth = width + 6; // 40 terms of at most 2^6 − 1: below 2^12
      const netlist = foldedAccumulator(width, accWidth, signed);
      const operand = fc.bigInt({ min: 0n, max: (1n << BigInt(width)) - 1n });
      fc.assert(
        fc.property(
          fc.array(fc.record({ a: operand, b: operand }), { minLength: length, maxLength: length }),
          (cycles) => {
            const seen = sim.run(netlist, cycles).map((o) => o.acc);
            let total = 0n;
            const expected = cycles.map(({ a, b }) => {
              const before = total; // outputs are read before the clock edge
              const x = readAs(a, width, signed);
              const y = readAs(b, width, signed);
              total += x < y ? y - x : x - y;
              return before;
            });
            expect(seen).toEqual(expected);
          },
        ),
        { numRuns: 25, seed: 0x5ad },
      );
    });
  }
});
