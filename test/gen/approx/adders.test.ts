import { describe, expect, it } from 'vitest';
import { buildApproxAdder } from '../../../src/gen/approx/index.js';
import { netlistMetrics } from '../../../src/ir/metrics.js';
import { assertCombinationalContract, type Golden } from '../../helpers/conformance.js';
import { aca, eta1, loa, truncAdd } from './golden.js';

/**
 * The approximate adders against their papers' definitions (golden.ts): exhaustive over every
 * a, b at 1 to 5 and 8 bits for every parameter (8 bits: a spread of parameters), properties
 * at 16 and 33 bits; then the cell counts of their doc comments.
 */
type Definition = (param: number, n: number, a: bigint, b: bigint) => bigint;
const FAMILIES: Record<string, { min: number; definition: Definition }> = {
  loa: { min: 0, definition: (k, _, a, b) => loa(k, a, b) },
  trunc: { min: 0, definition: (k, _, a, b) => truncAdd(k, a, b) },
  eta1: { min: 0, definition: (k, _, a, b) => eta1(k, a, b) },
  aca: { min: 1, definition: (w, n, a, b) => aca(w, n, a, b) },
};

/** Parameters checked at each width: all up to 5 bits, a spread at 8, a few when wide. */
function params(min: number, n: number): number[] {
  if (n <= 5) return Array.from({ length: n - min + 1 }, (_, i) => min + i);
  const picks = n === 8 ? [min, 1, 2, 3, 4, 5, 7, 8] : [min, 3, Math.floor(n / 2), n - 1];
  return [...new Set(picks)].filter((p) => p >= min && p <= n);
}

const goldens = new Map<string, (width: number) => Golden>();
function goldenOf(name: string, param: number): (width: number) => Golden {
  const key = `${name}:${param}`;
  let g = goldens.get(key);
  if (g === undefined) {
    const definition = FAMILIES[name].definition;
    g =
      (n) =>
      ({ a, b }) => {
        const total = definition(param, n, a, b);
        return { sum: total, cout: total >> BigInt(n) };
      };
    goldens.set(key, g);
  }
  return g;
}

for (const [name, { min }] of Object.entries(FAMILIES)) {
  describe(`approximate adder ${name}`, () => {
    for (const n of [1, 2, 3, 4, 5, 8, 16, 33]) {
      for (const p of params(min, n)) {
        assertCombinationalContract(
          `${name}:${p} at ${n} bits`,
          (width) => buildApproxAdder(name, p, width),
          goldenOf(name, p),
          { widths: [n], runs: 8 },
        );
      }
    }
  });
}

/** Σ_(i=1..n) (min(i, w − 1) − 1): the and/or pairs of ACA's carry chains. */
const acaChainSteps = (n: number, w: number) => {
  let steps = 0;
  for (let i = 1; i <= n; i++) steps += Math.min(i, w - 1) - 1;
  return steps;
};

describe('approximate adder costs (doc comments)', () => {
  const expected: Record<string, (n: number, p: number) => Record<string, number>> = {
    loa: (n, k) => ({ or: k, and: k >= 1 ? 1 : 0, fa: n - k }),
    trunc: (n, k) => ({ fa: n - k }),
    eta1: (n, k) => ({ xor: k, and: k, or: k >= 1 ? 2 * k - 1 : 0, fa: n - k }),
    aca: (n, w): Record<string, number> =>
      w === 1
        ? { xor: n }
        : { xor: 2 * n - 1, and: n + acaChainSteps(n, w), or: acaChainSteps(n, w) },
  };
  for (const name of Object.keys(FAMILIES)) {
    it(`${name}: cells by kind at 1 to 24 bits, every parameter`, () => {
      for (let n = 1; n <= 24; n++) {
        for (let p = FAMILIES[name].min; p <= n; p++) {
          const want = Object.fromEntries(
            Object.entries(expected[name](n, p)).filter(([, count]) => count > 0),
          );
          const got = netlistMetrics(buildApproxAdder(name, p, n)).cellsByType;
          expect({ n, p, cells: got }).toEqual({ n, p, cells: want });
        }
      }
    });
  }

  it('LOA, truncation and ETA-I with no approximate bits are the ripple-carry adder', () => {
    for (const name of ['loa', 'trunc', 'eta1']) {
      expect(netlistMetrics(buildApproxAdder(name, 0, 16)).cellsByType).toEqual({ fa: 16 });
    }
  });

  it('ACA depth does not grow with the width', () => {
    const depth = (n: number) => netlistMetrics(buildApproxAdder('aca', 4, n)).depth;
    expect(depth(64)).toBe(depth(16));
  });
});
