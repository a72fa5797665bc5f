import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import { rippleCarry } from '../adders/ripple-carry.js';
import type { AdderFn } from '../adders/types.js';
import { mergeRows, type Reduction, reduceColumns } from './columns.js';
import { andArrayProducts, boothRadix4Products } from './partial-products.js';

/**
 * Tree multiplier: partial products (AND array / Baugh-Wooley, or radix-4 Booth) compressed
 * column-wise by a Wallace or Dadda tree to two rows, merged by the final adder of 2n − 2 to
 * 2n bits. Depth: partial-product logic + O(log₁.₅ rows) full-adder stages + the final adder,
 * so only a log-depth final adder makes the multiplier logarithmic (signed, Kogge-Stone final
 * adder: 43–45 gate levels at 64 bits against 141 for the array; with ripple-carry ≈ 4n).
 * Cells: AND array n² gates, Dadda then n² − 4n + 3 fa and n − 1 ha (unsigned); Booth
 * ⌈(n+1)/2⌉ rows of n + 2 or n + 3 selector bits (≤ 3 cells each), which about halves the
 * adders (0.52–0.58 of Dadda's from 32 bits) for more selector logic.
 */
export function treeMultiplier(
  b: NetlistBuilder,
  a: Bus,
  x: Bus,
  options: { signed: boolean; booth: boolean; reduction: Reduction; adder?: AdderFn },
): Net[] {
  const products = options.booth ? boothRadix4Products : andArrayProducts;
  const columns = reduceColumns(b, products(b, a, x, options.signed), options.reduction);
  return mergeRows(b, columns, options.adder ?? rippleCarry);
}
