import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import type { AdderFn } from '../adders/types.js';
import { brokenArrayMultiplier } from './broken-array.js';

/**
 * Column-truncated multiplier, trunc(k): the unsigned n×n AND array without the partial
 * products a_j·x_i of weight 2^(i+j) < 2^k (the k least significant columns), summed exactly
 * by a Dadda tree and a final adder (`adder`, ripple-carry by default); product bits below k are 0. This is the
 * broken-array multiplier of Mahdiani et al. (2010) with its vertical break line at column k
 * and no horizontal one, built as a tree. No correction constant is added, so the result is
 * always at or below a·x, by at most Σ_(c<k) (c + 1)·2^c. k = 0 is the exact Dadda multiplier.
 * Cost (0 ≤ k ≤ n): n² − k(k + 1)/2 and gates; then Dadda's schedule on the truncated dot
 * diagram (k = 0, n ≥ 3: n² − 4n + 3 fa and n − 1 ha) and the final ripple adder over the columns
 * from the first one holding two bits (ripple-carry, k = 0: 2n − 2 fa).
 */
export function truncatedMultiplier(
  b: NetlistBuilder,
  a: Bus,
  x: Bus,
  k: number,
  adder?: AdderFn,
): Net[] {
  return brokenArrayMultiplier(b, a, x, 0, k, adder);
}
