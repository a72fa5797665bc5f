import { describe, expect, it } from 'vitest';
import { ADDER_ARCHS, type AdderArch, buildAdder } from '../../../src/gen/adders/index.js';
import type { Netlist } from '../../../src/ir/netlist.js';
import { combinationalOrder } from '../../../src/ir/validate.js';
import { assertAdderContract } from '../../helpers/conformance.js';

const WIDTHS = [1, 2, 3, 4, 5, 6, 8, 13, 16, 32, 64, 128];
const PREFIX: AdderArch[] = [
  'kogge-stone',
  'brent-kung',
  'sklansky',
  'han-carlson',
  'ladner-fischer',
];

describe('prefix adders', () => {
  for (const arch of PREFIX)
    assertAdderContract(arch, (n) => buildAdder(arch, n), { widths: WIDTHS });
});

/**
 * Prefix operators and operator depth measured from the netlist. Every or cell of a prefix
 * adder is the G output of one prefix operator (bit generates are and, propagates and sums
 * xor, bit 0 a full adder), so operators = or cells, and depth = the most or cells on one
 * path (an operator's G goes through exactly one or).
 */
function prefixFigures(netlist: Netlist): { operators: number; depth: number } {
  const orDepth = new Int32Array(netlist.netCount);
  let operators = 0;
  let depth = 0;
  for (const ci of combinationalOrder(netlist) ?? []) {
    const cell = netlist.cells[ci];
    const isOr = cell.kind === 'or' ? 1 : 0;
    operators += isOr;
    const d = Math.max(...cell.inputs.map((x) => orDepth[x])) + isOr;
    for (const o of cell.outputs) orDepth[o] = d;
    depth = Math.max(depth, d);
  }
  return { operators, depth };
}

/**
 * Closed forms at n = 2^k (Harris, "A taxonomy of parallel prefix networks", 2003; the
 * Han-Carlson and Ladner-Fischer counts derived in prefix-networks.ts). Depth is the operator
 * chain, which below n = 8 is k for every network.
 */
const CLOSED_FORMS: Record<string, (n: number, k: number) => { operators: number; depth: number }> =
  {
    'kogge-stone': (n, k) => ({ operators: n * k - n + 1, depth: k }),
    'brent-kung': (n, k) => ({ operators: 2 * n - 2 - k, depth: k <= 1 ? k : 2 * k - 2 }),
    sklansky: (n, k) => ({ operators: (n / 2) * k, depth: k }),
    'han-carlson': (n, k) => ({ operators: (n / 2) * k, depth: k <= 2 ? k : k + 1 }),
    'ladner-fischer': (n, k) => ({
      operators: (n / 4) * k + (3 * n) / 4 - 1,
      depth: k <= 2 ? k : k + 1,
    }),
  };

describe('prefix adder closed forms, measured from the netlist', () => {
  for (const arch of PREFIX) {
    it(`${arch}: operators and operator depth at n = 2^k`, () => {
      for (let k = arch === 'ladner-fischer' ? 1 : 0; k <= 8; k++) {
        const n = 2 ** k;
        expect({ n, ...prefixFigures(buildAdder(arch, n)) }).toEqual({
          n,
          ...CLOSED_FORMS[arch](n, k),
        });
      }
    });
  }

  it('builds networks for widths that are not powers of two, every position closed', () => {
    // 2n − 2 − ⌊log2 n⌋ is no formula away from powers of two; what holds for every n is that
    // Kogge-Stone takes Σ_(d = 1, 2, 4, … < n) (n − d) operators.
    for (const n of [3, 5, 6, 7, 12, 13, 100]) {
      let expected = 0;
      for (let d = 1; d < n; d *= 2) expected += n - d;
      expect(prefixFigures(buildAdder('kogge-stone', n)).operators).toBe(expected);
    }
  });

  it('lists every prefix adder in the registry', () => {
    expect(ADDER_ARCHS.filter((a) => PREFIX.includes(a))).toEqual(PREFIX);
  });
});
