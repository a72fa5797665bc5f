import { describe } from 'vitest';
import type { AdderArch } from '../../../src/gen/adders/index.js';
import { buildComparator, buildMinMax } from '../../../src/gen/compare/index.js';
import { assertCombinationalContract, type Golden } from '../../helpers/conformance.js';
import { bit, readAs } from '../golden.js';

const ARCHS: AdderArch[] = ['ripple-carry', 'sklansky'];
const WIDTHS = [1, 2, 3, 4, 6, 8, 32];

const goldens = (signed: boolean) => ({
  cmp:
    (width: number): Golden =>
    ({ a, b }) => {
      const x = readAs(a, width, signed);
      const y = readAs(b, width, signed);
      return { lt: bit(x < y), eq: bit(x === y), gt: bit(x > y) };
    },
  minmax:
    (width: number): Golden =>
    ({ a, b }) => {
      const x = readAs(a, width, signed);
      const y = readAs(b, width, signed);
      return x <= y ? { min: x, max: y } : { min: y, max: x };
    },
});
const UNSIGNED = goldens(false);
const SIGNED = goldens(true);

describe('comparators and min/max', () => {
  for (const arch of ARCHS) {
    for (const signed of [false, true]) {
      const golden = signed ? SIGNED : UNSIGNED;
      const kind = signed ? 'signed' : 'unsigned';
      assertCombinationalContract(
        `cmp ${arch} ${kind}`,
        (n) => buildComparator(arch, n, signed),
        golden.cmp,
        {
          widths: WIDTHS,
          exhaustiveUpTo: 6,
        },
      );
      assertCombinationalContract(
        `minmax ${arch} ${kind}`,
        (n) => buildMinMax(arch, n, signed),
        golden.minmax,
        {
          widths: WIDTHS,
          exhaustiveUpTo: 6,
        },
      );
    }
  }
});
