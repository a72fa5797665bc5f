import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import { increment } from '../adders/increment.js';
import { lessFromCarry, subtract } from '../subtract/subtract.js';
import type { AbsDiffFn, AbsDiffOptions } from './types.js';

/**
 * Three |x − y| circuits found in sum-of-absolute-differences hardware (motion estimation SAD
 * units, AdderNet accelerators). All start from d = x − y (n bits) and lt = (x < y) from its
 * carry-out (`lessFromCarry`: 1 not unsigned, xor + xnor signed). The true difference needs
 * n + 1 bits, but its magnitude fits n: taking d modulo 2^n loses nothing.
 */

/**
 * sub-negate: d, then conditional two's-complement negation (d ⊕ lt) + lt: n xor and an
 * n-bit incrementer. Cost: one subtractor + n xor + incrementer. Depth: subtractor + increment.
 */
export const subNegate: AbsDiffFn = (b, x, y, options) => {
  const { d, lt } = differenceAndSign(b, x, y, options);
  const flipped = d.map((bit) => b.xor(bit, lt));
  return { diff: increment(b, flipped, lt).sum, plusOne: b.zero };
};

/**
 * dual-sub-mux: x − y and y − x side by side, lt picks one (n mux2). Cost: two subtractors + n
 * mux2. Depth: one subtractor + lt + one mux: the fastest, at twice the subtractor area.
 */
export const dualSubMux: AbsDiffFn = (b, x, y, options) => {
  const { d, lt } = differenceAndSign(b, x, y, options);
  const reverse = subtract(b, y, x, options.adder).diff;
  return { diff: d.map((bit, i) => b.mux(lt, bit, reverse[i])), plusOne: b.zero };
};

/**
 * ones-complement: d ⊕ lt is the one's complement of d when x < y, i.e. |x − y| − 1; the
 * missing +1 is returned as `plusOne` (= lt) for the next adder's carry-in, which an
 * accumulator has free. Cost: one subtractor + n xor. Depth: subtractor + one xor.
 */
export const onesComplement: AbsDiffFn = (b, x, y, options) => {
  const { d, lt } = differenceAndSign(b, x, y, options);
  return { diff: d.map((bit) => b.xor(bit, lt)), plusOne: lt };
};

function differenceAndSign(
  b: NetlistBuilder,
  x: Bus,
  y: Bus,
  options: AbsDiffOptions,
): { d: Net[]; lt: Net } {
  if (x.length !== y.length || x.length === 0)
    throw new Error(`|a-b| operands must have one non-zero width, not ${x.length} and ${y.length}`);
  const { diff, cout } = subtract(b, x, y, options.adder);
  return { d: diff, lt: lessFromCarry(b, x, y, cout, options.signed) };
}
