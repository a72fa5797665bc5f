import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import { PREFIX_LEVELS, type PrefixLevels, type PrefixNetwork } from './prefix-networks.js';
import type { AdderFn } from './types.js';

/**
 * The one core every parallel-prefix adder shares: bit (generate, propagate) pairs, a prefix
 * network from prefix-networks.ts, and the sum XORs.
 *
 * Bit 0 is a full adder on (x0, y0, cin): its carry-out is the generate of position 0, which
 * folds the carry-in into the network without an extra position. Positions 1..n−1 have
 * g = x·y (and) and p = x⊕y (xor). A prefix operator is (G, P) = (G_hi + P_hi·G_lo, P_hi·P_lo):
 * a "black" cell (2 and + 1 or) when its span stops above bit 0, a "gray" cell (1 and + 1 or,
 * no P) when it reaches bit 0, since such a span is final. Sum bit i = p_i ⊕ G[i−1:0];
 * carry-out = G[n−1:0].
 *
 * Cost for n bits and a network of k operators (g of them gray, which is n − 1 for every
 * network here): 1 fa + (n − 1)·(and + xor) + (n − 1) xor + k or + (2k − g) and.
 * Every or cell of the adder belongs to one prefix operator, which is how the tests count
 * operators and levels from the netlist.
 */
export function prefixAdder(network: PrefixNetwork): AdderFn {
  const levelsOf = PREFIX_LEVELS[network];
  return (b, x, y, cin = b.zero) => buildPrefixAdder(b, x, y, cin, levelsOf(x.length));
}

interface Span {
  /** Lowest bit position the span covers: the span of position i is [i : low]. */
  low: number;
  g: Net;
  /** Group propagate; undefined once the span reaches bit 0 (never needed again). */
  p: Net | undefined;
}

function buildPrefixAdder(
  b: NetlistBuilder,
  x: Bus,
  y: Bus,
  cin: Net,
  levels: PrefixLevels,
): { sum: Net[]; cout: Net } {
  if (x.length !== y.length)
    throw new Error(`adder operands differ in width: ${x.length} vs ${y.length}`);
  const n = x.length;
  if (n === 0) return { sum: [], cout: cin };
  const [sum0, carry0] = b.fa(x[0], y[0], cin);
  const bitP: Net[] = [b.zero];
  const spans: Span[] = [{ low: 0, g: carry0, p: undefined }];
  for (let i = 1; i < n; i++) {
    const g = b.and(x[i], y[i]);
    const p = b.xor(x[i], y[i]);
    bitP.push(p);
    spans.push({ low: i, g, p });
  }
  for (const level of levels) {
    const before = spans.slice();
    for (const [hi, lo] of level) {
      const upper = before[hi];
      const lower = before[lo];
      if (upper.p === undefined || upper.low !== lo + 1) {
        throw new Error(`prefix operator (${hi}, ${lo}) does not join adjacent spans`);
      }
      const g = b.or(upper.g, b.and(upper.p, lower.g));
      const p = lower.p === undefined ? undefined : b.and(upper.p, lower.p);
      spans[hi] = { low: lower.low, g, p };
    }
  }
  const sum: Net[] = [sum0];
  for (let i = 1; i < n; i++) {
    if (spans[i - 1].low !== 0) throw new Error(`prefix network leaves position ${i - 1} open`);
    sum.push(b.xor(bitP[i], spans[i - 1].g));
  }
  if (spans[n - 1].low !== 0) throw new Error(`prefix network leaves position ${n - 1} open`);
  return { sum, cout: spans[n - 1].g };
}

/** Kogge-Stone: operator depth log2 n, n·log2 n − n + 1 prefix operators, fan-out 2. */
export const koggeStoneAdder: AdderFn = prefixAdder('kogge-stone');
/** Brent-Kung: 2·log2 n − 1 schedule levels, operator depth 2·log2 n − 2 (n ≥ 4), 2n − 2 − log2 n prefix operators, fan-out 2. */
export const brentKungAdder: AdderFn = prefixAdder('brent-kung');
/** Sklansky: operator depth log2 n, (n/2)·log2 n prefix operators, fan-out n/2 + 1. */
export const sklanskyAdder: AdderFn = prefixAdder('sklansky');
/** Han-Carlson: operator depth log2 n + 1 (n ≥ 8), (n/2)·log2 n prefix operators, fan-out 2. */
export const hanCarlsonAdder: AdderFn = prefixAdder('han-carlson');
/** Ladner-Fischer (sparse): operator depth log2 n + 1 (n ≥ 8), (n/4)·log2 n + 3n/4 − 1 operators, fan-out n/4 + 1. */
export const ladnerFischerAdder: AdderFn = prefixAdder('ladner-fischer');
