import type { NetlistBuilder } from '../../ir/builder.js';
import type { Net } from '../../ir/netlist.js';
import { checkSameWidth, gateTree } from './trees.js';
import type { AdderFn } from './types.js';

/**
 * Carry-lookahead adder with 4-bit groups, hierarchical (the 74181/74182 scheme): bit
 * generate g = x·y and propagate p = x⊕y; each group of up to 4 items computes its group
 * (G, P); a lookahead unit one level up turns the group (G, P)s and the carry-in into the
 * carry into every group; inside each group the same two-level formulas give the bit carries:
 *
 *   c(k+1) = g_k + p_k·g_(k−1) + … + p_k·…·p_0·c0,   G = c4 with c0 = 0,   P = p_3·…·p_0.
 *
 * Every product and sum is a balanced tree of 2-input gates, with no sharing between carries:
 * a full 4-item unit costs c1..c3 = 10 and + 6 or, G = 6 and + 3 or, P = 3 and (its carry-out
 * c4 = 10 and + 4 or at the top only). Plus n (and + xor) for bit g/p and n xor for sums.
 * Depth: about 4 gate levels per lookahead level, ⌈log4 n⌉ levels up and down.
 */
export const carryLookahead: AdderFn = (b, x, y, cin = b.zero) => {
  checkSameWidth(x, y);
  const n = x.length;
  if (n === 0) return { sum: [], cout: cin };
  const bits: GP[] = [];
  for (let i = 0; i < n; i++) bits.push({ g: b.and(x[i], y[i]), p: b.xor(x[i], y[i]) });
  const { carries, cout } = lookahead(b, bits, cin);
  const sum = bits.map(({ p }, i) => b.xor(p, carries[i]));
  return { sum, cout };
};

interface GP {
  g: Net;
  p: Net;
}

/** Carry into every item (carries[0] = cin) and out of the last, from item (g, p)s. */
function lookahead(b: NetlistBuilder, items: GP[], cin: Net): { carries: Net[]; cout: Net } {
  if (items.length <= 4) {
    const carries = [cin];
    for (let k = 1; k < items.length; k++) carries.push(carryInto(b, items, k, cin));
    return { carries, cout: carryInto(b, items, items.length, cin) };
  }
  const groups: GP[][] = [];
  for (let i = 0; i < items.length; i += 4) groups.push(items.slice(i, i + 4));
  const groupGP = groups.map((group) => ({
    g: carryInto(b, group, group.length, undefined),
    p: gateTree(
      b,
      'and',
      group.map((it) => it.p),
    ),
  }));
  const upper = lookahead(b, groupGP, cin);
  const carries: Net[] = [];
  groups.forEach((group, gi) => {
    const c0 = upper.carries[gi];
    carries.push(c0);
    for (let k = 1; k < group.length; k++) carries.push(carryInto(b, group, k, c0));
  });
  return { carries, cout: upper.cout };
}

/**
 * c(k) = OR over j < k of (p_(k−1)·…·p_(j+1)·g_j), plus p_(k−1)·…·p_0·c0 when `c0` is given
 * (without it, c(k) of the whole group is the group generate G).
 */
function carryInto(b: NetlistBuilder, items: GP[], k: number, c0: Net | undefined): Net {
  const terms: Net[] = [];
  for (let j = k - 1; j >= 0; j--) {
    const factors = items.slice(j + 1, k).map((it) => it.p);
    terms.push(gateTree(b, 'and', [...factors.reverse(), items[j].g]));
  }
  if (c0 !== undefined) {
    const factors = items.slice(0, k).map((it) => it.p);
    terms.push(gateTree(b, 'and', [...factors.reverse(), c0]));
  }
  return gateTree(b, 'or', terms);
}
