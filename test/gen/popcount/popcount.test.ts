import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPopcount, buildXnorPopcount } from '../../../src/gen/popcount/index.js';
import { toCanonicalText } from '../../../src/ir/canonical.js';
import { netlistMetrics } from '../../../src/ir/metrics.js';
import { SIMULATORS } from '../../helpers/simulators.js';

/** Golden models: naive loops over the bits. */
function ones(n: number, x: bigint): bigint {
  let count = 0n;
  for (let i = 0; i < n; i++) count += (x >> BigInt(i)) & 1n;
  return count;
}
function agreements(n: number, x: bigint, w: bigint): bigint {
  let count = 0n;
  for (let i = 0; i < n; i++) if (((x >> BigInt(i)) & 1n) === ((w >> BigInt(i)) & 1n)) count++;
  return count;
}
const bitLength = (n: number) => n.toString(2).length;
const word = (n: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(n)) - 1n });

describe.each(SIMULATORS)('popcount on the $name simulator', (sim) => {
  it('counts every input of 1 to 12 bits', () => {
    for (let n = 1; n <= 12; n++) {
      const x = Array.from({ length: 2 ** n }, (_, i) => BigInt(i));
      const { count } = sim.evaluateBatch(buildPopcount({ width: n }), { x });
      expect(count, `${n} bits`).toEqual(x.map((v) => ones(n, v)));
    }
  });

  it.each([16, 32, 64, 255, 256, 1024])('counts random and extreme %i-bit words', (n) => {
    const netlist = buildPopcount({ width: n });
    const all = (1n << BigInt(n)) - 1n;
    fc.assert(
      fc.property(fc.array(word(n), { minLength: 1, maxLength: 16 }), (words) => {
        const x = [0n, all, 1n, 1n << BigInt(n - 1), ...words];
        expect(sim.evaluateBatch(netlist, { x }).count).toEqual(x.map((v) => ones(n, v)));
      }),
      { numRuns: 5 },
    );
  });

  it('xnor-popcount counts agreeing lanes of every pair of 1 to 6 bits', () => {
    for (let n = 1; n <= 6; n++) {
      const x: bigint[] = [];
      const w: bigint[] = [];
      for (let i = 0; i < 2 ** n; i++) {
        for (let j = 0; j < 2 ** n; j++) {
          x.push(BigInt(i));
          w.push(BigInt(j));
        }
      }
      const { count } = sim.evaluateBatch(buildXnorPopcount({ width: n }), { x, w });
      expect(count, `${n} lanes`).toEqual(x.map((v, i) => agreements(n, v, w[i])));
    }
  });

  it.each([16, 32, 64, 1024])('xnor-popcount matches on random %i-lane words', (n) => {
    const netlist = buildXnorPopcount({ width: n });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word(n), word(n)), { minLength: 1, maxLength: 16 }),
        (pairs) => {
          const x = pairs.map((p) => p[0]);
          const w = pairs.map((p) => p[1]);
          expect(sim.evaluateBatch(netlist, { x, w }).count).toEqual(
            x.map((v, i) => agreements(n, v, w[i])),
          );
        },
      ),
      { numRuns: 5 },
    );
  });
});

describe('popcount netlists', () => {
  it('use exactly n − ⌈log2(n+1)⌉ full adders and nothing but adders', () => {
    for (let n = 1; n <= 300; n++) {
      const netlist = buildPopcount({ width: n });
      const { fa = 0, ...rest } = netlistMetrics(netlist).cellsByType;
      expect(fa, `${n} bits`).toBe(n - bitLength(n));
      expect(
        Object.keys(rest).filter((k) => k !== 'ha'),
        `${n} bits`,
      ).toEqual([]);
      expect(netlist.outputs[0].bits.length).toBe(bitLength(n));
    }
  });

  it('need no half adder at 2^k − 1 bits, k at 2^k, and 4k − 5 gate levels at 2^k − 1', () => {
    for (let k = 2; k <= 10; k++) {
      const full = netlistMetrics(buildPopcount({ width: 2 ** k - 1 }));
      expect(full.cellsByType.ha, `${2 ** k - 1} bits`).toBeUndefined();
      expect(full.depth, `${2 ** k - 1} bits`).toBe(4 * k - 5);
      expect(netlistMetrics(buildPopcount({ width: 2 ** k })).cellsByType.ha).toBe(k);
    }
  });

  it('xnor-popcount adds one xnor per lane, and every port is documented', () => {
    const netlist = buildXnorPopcount({ width: 64 });
    expect(netlistMetrics(netlist).cellsByType).toEqual({ xnor: 64, fa: 57, ha: 6 });
    for (const port of [...netlist.inputs, ...netlist.outputs]) expect(port.doc).toBeTruthy();
  });

  it('refuses widths outside 1 to 1024', () => {
    expect(() => buildPopcount({ width: 0 })).toThrow(
      'popcount width must be an integer from 1 to 1024, not 0',
    );
    expect(() => buildXnorPopcount({ width: 1.5 })).toThrow(
      'xnor-popcount width must be an integer from 1 to 1024, not 1.5',
    );
  });
});

it('counts 4 bits with one full adder and an incrementer (canonical text)', () => {
  expect(toCanonicalText(buildPopcount({ width: 4 }))).toBe(
    [
      'netlist popcount_4 (op=popcount width=4)',
      'input x[4] -- 4 bits to count',
      'n0 n1 = fa x[0] x[1] x[2]',
      'n2 n3 = ha n0 x[3]',
      'n4 n5 = ha n1 n3',
      'output count[3] = n2 n4 n5 -- number of ones in x, 3 bits unsigned',
      '',
    ].join('\n'),
  );
});
