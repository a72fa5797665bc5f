import { describe } from 'vitest';
import { type AdderArch, buildAdd3 } from '../../../src/gen/adders/index.js';
import { assertCombinationalContract, type Golden } from '../../helpers/conformance.js';
import { readAs } from '../golden.js';

/** a + b + c exactly (the output has width + 2 bits, enough for either reading). */
const golden =
  (signed: boolean) =>
  (width: number): Golden =>
  ({ a, b, c }) => ({
    sum: readAs(a, width, signed) + readAs(b, width, signed) + readAs(c, width, signed),
  });
const UNSIGNED = golden(false);
const SIGNED = golden(true);
const FINAL: AdderArch[] = ['ripple-carry', 'brent-kung'];

describe('three-operand carry-save adder', () => {
  for (const arch of FINAL) {
    for (const signed of [false, true]) {
      assertCombinationalContract(
        `add3 ${arch} ${signed ? 'signed' : 'unsigned'}`,
        (n) => buildAdd3(arch, n, signed),
        signed ? SIGNED : UNSIGNED,
        {
          widths: [1, 2, 3, 4, 5, 8, 64],
          exhaustiveUpTo: 5,
          // Unsigned with a ripple-carry final adder: n fa in the carry-save row + n fa.
          metrics: arch === 'ripple-carry' && !signed ? (n) => ({ cells: 2 * n }) : undefined,
        },
      );
    }
  }
});
