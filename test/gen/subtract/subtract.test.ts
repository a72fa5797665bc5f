import { describe } from 'vitest';
import type { AdderArch } from '../../../src/gen/adders/index.js';
import { buildAddSub, buildNegate, buildSubtractor } from '../../../src/gen/subtract/index.js';
import { assertCombinationalContract, type Golden } from '../../helpers/conformance.js';
import { bit, fitsSigned, readAs } from '../golden.js';

const ARCHS: AdderArch[] = ['ripple-carry', 'kogge-stone', 'carry-select'];

/** a − b modulo 2^n; cout = no borrow (a ≥ b unsigned); overflow = a − b outside n-bit signed. */
function subGolden(width: number): Golden {
  return ({ a, b }) => ({
    diff: a - b,
    cout: bit(a >= b),
    overflow: bit(!fitsSigned(readAs(a, width, true) - readAs(b, width, true), width)),
  });
}

/** sub = 0: a + b with its carry; sub = 1: as subGolden. */
function addSubGolden(width: number): Golden {
  const subtract = subGolden(width);
  return ({ a, b, sub }) => {
    if (sub === 1n) {
      const r = subtract({ a, b });
      return { sum: r.diff, cout: r.cout, overflow: r.overflow };
    }
    const sa = readAs(a, width, true) + readAs(b, width, true);
    return { sum: a + b, cout: (a + b) >> BigInt(width), overflow: bit(!fitsSigned(sa, width)) };
  };
}

/** −a modulo 2^n; overflow only for the most negative value. */
function negGolden(width: number): Golden {
  return ({ a }) => {
    const x = readAs(a, width, true);
    return { neg: -x, overflow: bit(x === -(1n << BigInt(width - 1))) };
  };
}

describe('subtractors', () => {
  for (const arch of ARCHS) {
    assertCombinationalContract(`sub ${arch}`, (n) => buildSubtractor(arch, n), subGolden, {
      widths: [1, 2, 3, 4, 6, 8, 64],
      exhaustiveUpTo: 6,
    });
    assertCombinationalContract(`addsub ${arch}`, (n) => buildAddSub(arch, n), addSubGolden, {
      widths: [1, 2, 3, 5, 8, 64],
      exhaustiveUpTo: 5,
    });
  }
  assertCombinationalContract('neg', (n) => buildNegate(n), negGolden, {
    widths: [1, 2, 3, 4, 5, 8, 16, 64],
  });
});
