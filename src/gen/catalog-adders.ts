import { wrapBigInt } from '../bits/raw.js';
import { ABSDIFF_VARIANTS, type AbsDiffVariant, buildAbsDiff } from './absdiff/index.js';
import { ADDER_ARCHS, type AdderArch, buildAdd3, buildAdder } from './adders/index.js';
import { APPROX_ADDER_ARCHS, buildApproxAdder, parseParamArch } from './approx/index.js';
import { buildComparator, buildMinMax } from './compare/index.js';
import type { CombinationalSpec, DatapathOptions } from './datapath-spec.js';
import { buildAddSub, buildNegate, buildSubtractor } from './subtract/index.js';
import { OPERAND_WIDTHS } from './width.js';

/**
 * Catalog entries of the adder family. Golden models are plain BigInt arithmetic on the
 * operands' values (read signed or unsigned by src/bits), written from the op's definition,
 * never from the circuit's construction.
 */

/** The value of an input bit pattern under the op's reading. */
const value = wrapBigInt;

const bit = (condition: boolean): bigint => (condition ? 1n : 0n);

/** v is a width-bit two's complement value: a width-bit register keeps it unchanged. */
function fitsSigned(v: bigint, width: number): boolean {
  return wrapBigInt(v, width, true) === v;
}

const arch = (options: DatapathOptions) => options.arch as AdderArch;

/** An exact adder (`ripple-carry`) or an approximate one (`loa:4`, no carry-in port). */
function buildAnyAdder(o: DatapathOptions) {
  const approx = parseParamArch(o.arch);
  return approx === undefined
    ? buildAdder(arch(o), o.width, o.signed)
    : buildApproxAdder(approx.name, approx.param, o.width, o.signed);
}

export const ADDER_OPS: readonly CombinationalSpec[] = [
  {
    op: 'add',
    kind: 'combinational',
    describe: 'two-operand adder with carry-in (approximate archs: none): sum, cout',
    archs: ADDER_ARCHS,
    paramArchs: APPROX_ADDER_ARCHS,
    defaultArch: 'ripple-carry',
    widths: OPERAND_WIDTHS,
    signedness: 'either',
    build: buildAnyAdder,
    golden: ({ width }, { a, b, cin }) => {
      const total = a + b + (cin ?? 0n);
      return { sum: total, cout: total >> BigInt(width) };
    },
    // Unsigned: the n + 1-bit sum {cout, sum}. Signed: cout is not the sign of the true sum,
    // so the result is the n-bit sum, compared with the exact sum wrapped to n bits.
    errors: {
      operands: ['a', 'b'],
      result: ({ signed }) => (signed ? ['sum'] : ['sum', 'cout']),
      exact: ({ width, signed }, a, b) => (signed ? wrapBigInt(a + b, width, true) : a + b),
    },
  },
  {
    op: 'sub',
    kind: 'combinational',
    describe: "two's-complement subtractor: diff, cout (no borrow), overflow (signed)",
    archs: ADDER_ARCHS,
    defaultArch: 'ripple-carry',
    widths: OPERAND_WIDTHS,
    signedness: 'either',
    build: (o) => buildSubtractor(arch(o), o.width, o.signed),
    golden: ({ width }, { a, b }) => {
      const sa = value(a, width, true);
      const sb = value(b, width, true);
      return { diff: a - b, cout: bit(a >= b), overflow: bit(!fitsSigned(sa - sb, width)) };
    },
  },
  {
    op: 'addsub',
    kind: 'combinational',
    describe: 'adder/subtractor with a mode bit sub: sum, cout, overflow (signed)',
    archs: ADDER_ARCHS,
    defaultArch: 'ripple-carry',
    widths: OPERAND_WIDTHS,
    signedness: 'either',
    build: (o) => buildAddSub(arch(o), o.width, o.signed),
    golden: ({ width }, { a, b, sub }) => {
      const sa = value(a, width, true);
      const sb = value(b, width, true);
      if (sub === 1n) {
        return { sum: a - b, cout: bit(a >= b), overflow: bit(!fitsSigned(sa - sb, width)) };
      }
      return {
        sum: a + b,
        cout: (a + b) >> BigInt(width),
        overflow: bit(!fitsSigned(sa + sb, width)),
      };
    },
  },
  {
    op: 'absdiff',
    kind: 'combinational',
    describe: '|a - b| (variant by --arch, subtractor by --adder); ones-complement defers a +1',
    archs: ABSDIFF_VARIANTS,
    defaultArch: 'sub-negate',
    widths: OPERAND_WIDTHS,
    signedness: 'either',
    usesAdder: true,
    build: (o) =>
      buildAbsDiff(o.arch as AbsDiffVariant, o.width, { signed: o.signed, adder: o.adder }),
    golden: ({ width, signed, arch: variant }, { a, b }): Record<string, bigint> => {
      const x = value(a, width, signed);
      const y = value(b, width, signed);
      const magnitude = x < y ? y - x : x - y;
      if (variant !== 'ones-complement') return { diff: magnitude };
      const plusOne = bit(x < y);
      return { diff: magnitude - plusOne, plus_one: plusOne };
    },
  },
  {
    op: 'cmp',
    kind: 'combinational',
    describe: 'magnitude comparator: lt, eq, gt',
    archs: ADDER_ARCHS,
    defaultArch: 'ripple-carry',
    widths: OPERAND_WIDTHS,
    signedness: 'either',
    build: (o) => buildComparator(arch(o), o.width, o.signed),
    golden: ({ width, signed }, { a, b }) => {
      const x = value(a, width, signed);
      const y = value(b, width, signed);
      return { lt: bit(x < y), eq: bit(x === y), gt: bit(x > y) };
    },
  },
  {
    op: 'minmax',
    kind: 'combinational',
    describe: 'min and max of two operands',
    archs: ADDER_ARCHS,
    defaultArch: 'ripple-carry',
    widths: OPERAND_WIDTHS,
    signedness: 'either',
    build: (o) => buildMinMax(arch(o), o.width, o.signed),
    golden: ({ width, signed }, { a, b }) => {
      const x = value(a, width, signed);
      const y = value(b, width, signed);
      const [smaller, larger] = x < y ? [x, y] : [y, x];
      return { min: smaller, max: larger };
    },
  },
  {
    op: 'neg',
    kind: 'combinational',
    describe: "two's-complement negation: neg, overflow (a is the most negative value)",
    archs: ['incrementer'],
    defaultArch: 'incrementer',
    widths: OPERAND_WIDTHS,
    signedness: 'signed',
    build: (o) => buildNegate(o.width),
    golden: ({ width }, { a }) => {
      const x = value(a, width, true);
      return { neg: -x, overflow: bit(!fitsSigned(-x, width)) };
    },
  },
  {
    op: 'add3',
    kind: 'combinational',
    describe: 'three-operand carry-save adder, final adder by --arch: exact sum (width + 2 bits)',
    archs: ADDER_ARCHS,
    defaultArch: 'ripple-carry',
    widths: OPERAND_WIDTHS,
    signedness: 'either',
    build: (o) => buildAdd3(arch(o), o.width, o.signed),
    golden: ({ width, signed }, { a, b, c }) => ({
      sum: value(a, width, signed) + value(b, width, signed) + value(c, width, signed),
    }),
  },
];
