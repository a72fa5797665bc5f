import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import { rippleCarry } from '../adders/ripple-carry.js';
import type { AdderFn } from '../adders/types.js';
import { addBit, daddaReduce, emptyColumns, mergeRows } from '../multipliers/columns.js';

/**
 * Broken-array multiplier, bam(hbl, vbl) (Mahdiani et al. 2010): the unsigned n×n AND array
 * keeps the partial product a_j·x_i (weight 2^(i+j)) only below the horizontal break line
 * (row i ≥ hbl) and left of the vertical one (column i + j ≥ vbl); the kept ones are summed
 * exactly by a Dadda tree and a final adder (`adder`, ripple-carry by default). The array's
 * carry-save rows above the line and its cells right of the other are simply absent, which the
 * tree reproduces bit for bit. No correction constant: the result is never above a·x.
 * hbl = 0 is the column-truncated multiplier trunc(vbl); hbl = vbl = 0 the exact Dadda one.
 * Cost: Σ kept partial products and gates, then Dadda's schedule on the kept dot diagram.
 */
export function brokenArrayMultiplier(
  b: NetlistBuilder,
  a: Bus,
  x: Bus,
  hbl: number,
  vbl: number,
  adder: AdderFn = rippleCarry,
): Net[] {
  const n = a.length;
  const columns = emptyColumns(2 * n);
  for (let i = hbl; i < n; i++) {
    for (let j = 0; j < n; j++) if (i + j >= vbl) addBit(columns, i + j, b.and(a[j], x[i]));
  }
  return mergeRows(b, daddaReduce(b, columns), adder);
}
