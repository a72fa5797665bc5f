/**
 * Parallel-prefix networks as data: for n positions, the prefix operators level by level.
 * An operator `[hi, lo]` combines the span ending at position `hi` with the span ending at
 * `lo` (the one just below it), so that after the last level every position i holds the span
 * [i:0]. Operators in one level read the values of the previous level only.
 *
 * Closed forms, n a power of two (measured from the built netlists by the tests). Operator
 * depth is the longest chain of operators in the adder; it can be one less than the number of
 * levels of the schedule, because a last level that only computes the carry-out is read by no
 * later level (Brent-Kung's schedule has 2·log2 n − 1 levels, its carries 2·log2 n − 2).
 * Fan-out counts the operators reading a node plus the node's own position.
 *
 * | network        | operators                   | operator depth (n ≥ 8) | fan-out |
 * |----------------|-----------------------------|------------------------|---------|
 * | kogge-stone    | n·log2 n − n + 1            | log2 n                 | 2       |
 * | brent-kung     | 2n − 2 − log2 n             | 2·log2 n − 2           | 2       |
 * | sklansky       | (n/2)·log2 n                | log2 n                 | n/2 + 1 |
 * | han-carlson    | (n/2)·log2 n                | log2 n + 1             | 2       |
 * | ladner-fischer | (n/4)·log2 n + 3n/4 − 1     | log2 n + 1             | n/4 + 1 |
 *
 * Below n = 8 every network is log2 n operators deep (2 at n = 4, 1 at n = 2, 0 at n = 1).
 * Han-Carlson: one level combining each odd position with the even one below, Kogge-Stone on
 * the n/2 odd positions, one final level for the even positions. Ladner-Fischer is taken in its
 * sparse form (Harris's taxonomy, "A taxonomy of parallel prefix networks", 2003): the same
 * odd/even wrapper around Sklansky, which halves Sklansky's fan-out for one extra level.
 * Every network works for any n ≥ 1, not only powers of two.
 */

export type PrefixOperator = readonly [hi: number, lo: number];
export type PrefixLevels = readonly (readonly PrefixOperator[])[];

export const PREFIX_NETWORKS = [
  'kogge-stone',
  'brent-kung',
  'sklansky',
  'han-carlson',
  'ladner-fischer',
] as const;
export type PrefixNetwork = (typeof PREFIX_NETWORKS)[number];

/** Kogge-Stone: at distance d = 1, 2, 4, … every position i ≥ d takes i − d. */
export function koggeStone(n: number): PrefixLevels {
  const levels: PrefixOperator[][] = [];
  for (let d = 1; d < n; d *= 2) {
    const level: PrefixOperator[] = [];
    for (let i = d; i < n; i++) level.push([i, i - d]);
    levels.push(level);
  }
  return levels;
}

/** Sklansky (divide and conquer): at level k the upper half of each 2^(k+1) block takes the top of the lower half. */
export function sklansky(n: number): PrefixLevels {
  const levels: PrefixOperator[][] = [];
  for (let d = 1; d < n; d *= 2) {
    const level: PrefixOperator[] = [];
    for (let i = 0; i < n; i++) {
      if ((i & d) !== 0) level.push([i, Math.floor(i / (2 * d)) * 2 * d + d - 1]);
    }
    levels.push(level);
  }
  return levels;
}

/** Brent-Kung: an up-sweep tree to the positions 2^k − 1, then a down-sweep filling the rest. */
export function brentKung(n: number): PrefixLevels {
  const levels: PrefixOperator[][] = [];
  let top = 1;
  for (let d = 1; 2 * d - 1 < n; d *= 2) {
    const level: PrefixOperator[] = [];
    for (let i = 2 * d - 1; i < n; i += 2 * d) level.push([i, i - d]);
    levels.push(level);
    top = d;
  }
  for (let d = top; d >= 1; d /= 2) {
    const level: PrefixOperator[] = [];
    for (let i = 3 * d - 1; i < n; i += 2 * d) level.push([i, i - d]);
    if (level.length > 0) levels.push(level);
  }
  return levels;
}

/**
 * The odd/even wrapper of Han-Carlson and Ladner-Fischer: combine each odd position with the
 * even one below, run `inner` on the odd positions only, then finish each even position from
 * the odd one below it.
 */
function sparse(n: number, inner: (m: number) => PrefixLevels): PrefixLevels {
  if (n < 2) return [];
  const first: PrefixOperator[] = [];
  for (let i = 1; i < n; i += 2) first.push([i, i - 1]);
  const odd = (k: number) => 2 * k + 1;
  const middle = inner(Math.floor(n / 2)).map((level) =>
    level.map(([hi, lo]) => [odd(hi), odd(lo)] as const),
  );
  const last: PrefixOperator[] = [];
  for (let i = 2; i < n; i += 2) last.push([i, i - 1]);
  return [first, ...middle, ...(last.length > 0 ? [last] : [])];
}

export function hanCarlson(n: number): PrefixLevels {
  return sparse(n, koggeStone);
}

export function ladnerFischer(n: number): PrefixLevels {
  return sparse(n, sklansky);
}

export const PREFIX_LEVELS: Readonly<Record<PrefixNetwork, (n: number) => PrefixLevels>> = {
  'kogge-stone': koggeStone,
  'brent-kung': brentKung,
  sklansky,
  'han-carlson': hanCarlson,
  'ladner-fischer': ladnerFischer,
};
