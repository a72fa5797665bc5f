import { describe, expect, it } from 'vitest';
import { buildAdder } from '../../src/gen/adders/index.js';
import { buildApproxAdder, buildTruncatedMultiplier } from '../../src/gen/approx/index.js';
import { NetlistBuilder } from '../../src/ir/builder.js';
import { errorMetrics } from '../../src/sim/error-metrics.js';
import { loa, truncAdd, truncMul } from '../gen/approx/golden.js';

/**
 * Error metrics against a naive model: the approximate result from the circuit's published
 * definition (test/gen/approx/golden.ts, BigInt), the exact result, and the sums written out
 * below — never from the simulator. Relative errors are summed in the metrics' documented
 * vector order (operand a fastest), so even the double-precision MRE must match exactly.
 */
interface Naive {
  absolute: bigint;
  signed: bigint;
  squared: bigint;
  worst: bigint;
  errorVectors: number;
  relativeVectors: number;
  mre: number;
}

function naive(
  pairs: Iterable<[bigint, bigint]>,
  approx: (a: bigint, b: bigint) => bigint,
  exact: (a: bigint, b: bigint) => bigint,
): Naive {
  const n: Naive = {
    absolute: 0n,
    signed: 0n,
    squared: 0n,
    worst: 0n,
    errorVectors: 0,
    relativeVectors: 0,
    mre: 0,
  };
  let relative = 0;
  for (const [a, b] of pairs) {
    const want = exact(a, b);
    const e = approx(a, b) - want;
    const mag = e < 0n ? -e : e;
    n.absolute += mag;
    n.signed += e;
    n.squared += e * e;
    if (mag > n.worst) n.worst = mag;
    if (e !== 0n) n.errorVectors++;
    if (want !== 0n) {
      n.relativeVectors++;
      relative += Number(mag) / Number(want < 0n ? -want : want);
    }
  }
  n.mre = n.relativeVectors === 0 ? 0 : relative / n.relativeVectors;
  return n;
}

function* allPairs(
  bits: number,
  read: (x: bigint) => bigint = (x) => x,
): Generator<[bigint, bigint]> {
  for (let b = 0n; b < 1n << BigInt(bits); b++)
    for (let a = 0n; a < 1n << BigInt(bits); a++) yield [read(a), read(b)];
}

function expectSums(metrics: ReturnType<typeof errorMetrics>, want: Naive): void {
  const vectors = metrics.vectors;
  expect(metrics.sums).toEqual({
    absolute: want.absolute.toString(),
    signed: want.signed.toString(),
    squared: want.squared.toString(),
    worst: want.worst.toString(),
    errorVectors: want.errorVectors,
    relativeVectors: want.relativeVectors,
  });
  expect(metrics.mre).toBe(want.mre);
  expect(metrics.mae).toBe(Number(want.absolute) / vectors);
  expect(metrics.bias).toBe(Number(want.signed) / vectors);
  expect(metrics.mse).toBe(Number(want.squared) / vectors);
  expect(metrics.wce).toBe(Number(want.worst));
  expect(metrics.ep).toBe(want.errorVectors / vectors);
}

const noRandom = () => {
  throw new Error('an exhaustive sweep draws no random numbers');
};
const add = (a: bigint, b: bigint) => a + b;

describe('error metrics', () => {
  it('are zero for an exact adder (carry-in held at 0), over all 2^16 pairs', () => {
    const m = errorMetrics(buildAdder('kogge-stone', 8), {
      operands: ['a', 'b'],
      result: ['sum', 'cout'],
      signed: false,
      exact: add,
      vectors: 1,
      random: noRandom,
    });
    expect(m).toMatchObject({ exhaustive: true, vectors: 65536, mae: 0, wce: 0, ep: 0, mre: 0 });
    // Only a = b = 0 has an exact sum of 0.
    expect(m.sums.relativeVectors).toBe(65535);
  });

  for (const k of [1, 3, 6]) {
    it(`match the naive sums for LOA(${k}) and truncation(${k}) at 8 bits`, () => {
      for (const [name, model] of [
        ['loa', loa],
        ['trunc', truncAdd],
      ] as const) {
        const m = errorMetrics(buildApproxAdder(name, k, 8), {
          operands: ['a', 'b'],
          result: ['sum', 'cout'],
          signed: false,
          exact: add,
          vectors: 1,
          random: noRandom,
        });
        expect(m.exhaustive).toBe(true);
        expectSums(
          m,
          naive(allPairs(8), (a, b) => model(k, a, b), add),
        );
      }
    });
  }

  it('sweep 9-bit operands exhaustively (2^18 pairs) and match a truncated multiplier', () => {
    const m = errorMetrics(buildTruncatedMultiplier(9, 5), {
      operands: ['a', 'b'],
      result: ['product'],
      signed: false,
      exact: (a, b) => a * b,
      vectors: 1,
      random: noRandom,
    });
    expect([m.exhaustive, m.vectors]).toEqual([true, 2 ** 18]);
    expectSums(
      m,
      naive(
        allPairs(9),
        (a, b) => truncMul(5, 9, a, b),
        (a, b) => a * b,
      ),
    );
  });

  it('read signed operands and results as two’s complement (LOA(2), 6 bits, n-bit sum)', () => {
    const n = 6;
    const wrap = (x: bigint) => BigInt.asIntN(n, x);
    const m = errorMetrics(buildApproxAdder('loa', 2, n, true), {
      operands: ['a', 'b'],
      result: ['sum'],
      signed: true,
      exact: (a, b) => wrap(a + b),
      vectors: 1,
      random: noRandom,
    });
    // The LOA definition on the unsigned bit patterns gives the same bits; read them signed.
    const unsigned = (x: bigint) => BigInt.asUintN(n, x);
    const approx = (a: bigint, b: bigint) => wrap(loa(2, unsigned(a), unsigned(b)));
    expectSums(
      m,
      naive(allPairs(n, wrap), approx, (a, b) => wrap(a + b)),
    );
    expect(m.sums.signed).not.toBe('0');
  });

  it('follow EvoApproxLib for MRE: vectors with an exact result of 0 are left out', () => {
    const b = new NetlistBuilder('zero-multiplier');
    b.input('a', 4);
    b.input('b', 4);
    b.output('product', b.constant(0n, 8));
    const m = errorMetrics(b.build(), {
      operands: ['a', 'b'],
      result: ['product'],
      signed: false,
      exact: (x, y) => x * y,
      vectors: 1,
      random: noRandom,
    });
    // 15 · 15 pairs have a non-zero product, each 100 % off; the 31 others are exact.
    expect([m.mre, m.ep, m.sums.relativeVectors]).toEqual([1, 225 / 256, 225]);
  });

  it('sample wider operands from the random source, reproducibly (10 and 40 bits)', () => {
    for (const n of [10, 40]) {
      const draw = (seed: number) => {
        let s = seed;
        return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
      };
      const options = (seed: number) => ({
        operands: ['a', 'b'] as const,
        result: ['sum', 'cout'],
        signed: false,
        exact: add,
        vectors: 3000,
        random: draw(seed),
      });
      const netlist = buildApproxAdder('trunc', 4, n);
      const m = errorMetrics(netlist, options(7));
      expect([m.exhaustive, m.vectors]).toEqual([false, 3000]);
      expect(errorMetrics(netlist, options(7))).toEqual(m);
      // The documented draw: per vector a then b, each from 32-bit words, high word first.
      const next = draw(7);
      const bits = () => {
        let v = 0n;
        for (let filled = 0; filled < n; filled += 32) v = (v << 32n) | BigInt(next());
        return BigInt.asUintN(n, v);
      };
      const pairs = Array.from({ length: 3000 }, () => [bits(), bits()] as [bigint, bigint]);
      expectSums(
        m,
        naive(pairs, (a, b) => truncAdd(4, a, b), add),
      );
    }
  });
});
