import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import { checkSameWidth } from './trees.js';
import type { AdderFn } from './types.js';

/**
 * Conditional-sum adder (Sklansky 1960): every block computes its sum and carry-out for both
 * carry-ins; two halves merge by letting the lower half's two carries select between the upper
 * half's two results (2 × (h + 1) mux2 for an upper half of h bits). One-bit leaves: carry-in 0
 * gives (x⊕y, x·y), carry-in 1 gives (¬(x⊕y), x+y). The real carry-in selects at the top
 * (n + 1 mux2).
 * Cost for n a power of two: n (xor + and + xnor + or) + (n·log2 n + 3n − 1) mux2.
 * Depth: one leaf gate + log2 n + 1 mux levels.
 */
export const conditionalSum: AdderFn = (b, x, y, cin = b.zero) => {
  checkSameWidth(x, y);
  if (x.length === 0) return { sum: [], cout: cin };
  const both = conditional(b, x, y);
  return {
    sum: both.sum0.map((s0, i) => b.mux(cin, s0, both.sum1[i])),
    cout: b.mux(cin, both.cout0, both.cout1),
  };
};

interface Both {
  sum0: Net[];
  cout0: Net;
  sum1: Net[];
  cout1: Net;
}

function conditional(b: NetlistBuilder, x: Bus, y: Bus): Both {
  if (x.length === 1) {
    return {
      sum0: [b.xor(x[0], y[0])],
      cout0: b.and(x[0], y[0]),
      sum1: [b.xnor(x[0], y[0])],
      cout1: b.or(x[0], y[0]),
    };
  }
  const half = Math.ceil(x.length / 2);
  const lo = conditional(b, x.slice(0, half), y.slice(0, half));
  const hi = conditional(b, x.slice(half), y.slice(half));
  const pick = (sel: Net) => ({
    sum: hi.sum0.map((s0, i) => b.mux(sel, s0, hi.sum1[i])),
    cout: b.mux(sel, hi.cout0, hi.cout1),
  });
  const with0 = pick(lo.cout0);
  const with1 = pick(lo.cout1);
  return {
    sum0: [...lo.sum0, ...with0.sum],
    cout0: with0.cout,
    sum1: [...lo.sum1, ...with1.sum],
    cout1: with1.cout,
  };
}
