import { NetlistBuilder } from '../../ir/builder.js';
import type { Netlist } from '../../ir/netlist.js';
import { checkWidth } from '../multipliers/check.js';
import { countWidth, popcount, xnorPopcount } from './popcount.js';

/** Widest popcount input built as a netlist (a 1024-bit popcount has 1013 full adders). */
export const MAX_POPCOUNT_WIDTH = 1024;

/** A popcount netlist: input `x` (width bits) → output `count` (⌈log2(width + 1)⌉ bits). */
export function buildPopcount(options: { readonly width: number }): Netlist {
  const { width } = options;
  checkWidth('popcount width', width, 1, MAX_POPCOUNT_WIDTH);
  const b = new NetlistBuilder(`popcount_${width}`, { op: 'popcount', width });
  const x = b.input('x', width, { doc: `${width} bits to count` });
  b.output('count', popcount(b, x), {
    doc: `number of ones in x, ${countWidth(width)} bits unsigned`,
  });
  return b.build();
}

/**
 * An XNOR-popcount netlist: inputs `x`, `w` (width lanes of ±1 as bits, 1 → +1) → output
 * `count`, the lanes where they agree; the ±1 dot product is 2·count − width.
 */
export function buildXnorPopcount(options: { readonly width: number }): Netlist {
  const { width } = options;
  checkWidth('xnor-popcount width', width, 1, MAX_POPCOUNT_WIDTH);
  const b = new NetlistBuilder(`xnor_popcount_${width}`, { op: 'xnor-popcount', width });
  const x = b.input('x', width, { doc: `${width} activation lanes, bit 1 = +1, 0 = -1` });
  const w = b.input('w', width, { doc: `${width} weight lanes, bit 1 = +1, 0 = -1` });
  b.output('count', xnorPopcount(b, x, w), {
    doc: `lanes where x and w agree, ${countWidth(width)} bits; dot product = 2*count - ${width}`,
  });
  return b.build();
}
