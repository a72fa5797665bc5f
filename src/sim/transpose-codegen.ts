/**
 * Plans a 32x32 bit-matrix transpose as straight-line operations on named values, specialised
 * for what is known at compile time: rows that are constant zero (the bits above a port's width,
 * when unpacking) are folded away, and operations whose results nobody reads (the planes above a
 * port's width, when packing) are dropped. A full transpose is 5 stages x 16 swaps x 6 word ops
 * = 480 ops per 32 rows; packing a 1-bit port needs 31 half-swaps, an 8-bit one 128.
 *
 * The stages are those of `transpose32` (bitplane.ts): at shift j, rows k and k+j (k with bit j
 * clear) exchange k's high bit groups with k+j's low ones under the stage mask
 * m_j (0x0000ffff, 0x00ff00ff, 0x0f0f0f0f, 0x33333333, 0x55555555 for j = 16 .. 1).
 * The same plan is emitted as JavaScript (below) and as WebAssembly SIMD (wasm/kernels.ts),
 * where every lane of an i32x4 runs its own transpose.
 */

export const TRANSPOSE_MASKS: Readonly<Record<number, number>> = {
  16: 0x0000ffff,
  8: 0x00ff00ff,
  4: 0x0f0f0f0f,
  2: 0x33333333,
  1: 0x55555555,
};

/** One operation; every `dst` is a fresh name, assigned once. */
export type TransposeOp =
  /** dst = ((a >>> j) ^ b) & m_j */
  | {
      readonly op: 'swapMask';
      readonly dst: string;
      readonly a: string;
      readonly b: string;
      readonly j: number;
    }
  /** dst = (a >>> j) & m_j */
  | { readonly op: 'shiftMask'; readonly dst: string; readonly a: string; readonly j: number }
  /** dst = a & m_j */
  | { readonly op: 'mask'; readonly dst: string; readonly a: string; readonly j: number }
  /** dst = a ^ (t << j) */
  | {
      readonly op: 'xorShifted';
      readonly dst: string;
      readonly a: string;
      readonly t: string;
      readonly j: number;
    }
  /** dst = t << j */
  | { readonly op: 'shiftLeft'; readonly dst: string; readonly t: string; readonly j: number }
  /** dst = a ^ t */
  | { readonly op: 'xor'; readonly dst: string; readonly a: string; readonly t: string };

export interface TransposePlan {
  readonly ops: TransposeOp[];
  /** Name of every output row, or '0'; rows not in `needed` are '0'. */
  readonly rows: string[];
}

/**
 * Plans the transpose of `rows` (32 names; '0' marks a row known to be zero), keeping only the
 * operations that output rows `needed` depend on. Fresh names are `${prefix}<n>`.
 */
export function transposePlan(
  rows: readonly string[],
  needed: ReadonlySet<number>,
  prefix: string,
): TransposePlan {
  if (rows.length !== 32) throw new Error('a transpose takes 32 rows');
  const shifts = [16, 8, 4, 2, 1];
  // Rows needed after each stage, computed backwards: both rows of a pair feed each other.
  const neededAfter: Set<number>[] = new Array(shifts.length);
  let need = new Set(needed);
  for (let s = shifts.length - 1; s >= 0; s--) {
    neededAfter[s] = need;
    const j = shifts[s];
    const before = new Set<number>();
    for (const r of need) {
      before.add(r);
      before.add(r ^ j);
    }
    need = before;
  }

  const ops: TransposeOp[] = [];
  let current = [...rows];
  let counter = 0;
  const fresh = () => `${prefix}${counter++}`;
  shifts.forEach((j, s) => {
    const next = [...current];
    const out = neededAfter[s];
    for (let k = 0; k < 32; k++) {
      if ((k & j) !== 0) continue;
      const a = current[k];
      const b = current[k + j];
      const wantA = out.has(k);
      const wantB = out.has(k + j);
      next[k] = '0';
      next[k + j] = '0';
      if ((!wantA && !wantB) || (a === '0' && b === '0')) continue;
      const t = fresh();
      if (b === '0') {
        ops.push({ op: 'shiftMask', dst: t, a, j });
        if (wantA) ops.push({ op: 'xorShifted', dst: (next[k] = fresh()), a, t, j });
        if (wantB) next[k + j] = t;
      } else if (a === '0') {
        ops.push({ op: 'mask', dst: t, a: b, j });
        if (wantA) ops.push({ op: 'shiftLeft', dst: (next[k] = fresh()), t, j });
        if (wantB) ops.push({ op: 'xor', dst: (next[k + j] = fresh()), a: b, t });
      } else {
        ops.push({ op: 'swapMask', dst: t, a, b, j });
        if (wantA) ops.push({ op: 'xorShifted', dst: (next[k] = fresh()), a, t, j });
        if (wantB) ops.push({ op: 'xor', dst: (next[k + j] = fresh()), a: b, t });
      }
    }
    current = next;
  });
  return { ops, rows: current.map((r, i) => (needed.has(i) ? r : '0')) };
}

export interface TransposeCode {
  /** Statements (const declarations) computing the transposed rows. */
  readonly lines: string[];
  /** Expression of every output row (a local name or '0'); unneeded rows are '0'. */
  readonly rows: string[];
}

/** The plan as JavaScript statements on 32-bit words. */
export function transposeCode(
  rows: readonly string[],
  needed: ReadonlySet<number>,
  prefix: string,
): TransposeCode {
  const plan = transposePlan(rows, needed, prefix);
  const m = (j: number) => `0x${TRANSPOSE_MASKS[j].toString(16)}`;
  const lines = plan.ops.map((o) => {
    switch (o.op) {
      case 'swapMask':
        return `const ${o.dst} = ((${o.a} >>> ${o.j}) ^ ${o.b}) & ${m(o.j)};`;
      case 'shiftMask':
        return `const ${o.dst} = (${o.a} >>> ${o.j}) & ${m(o.j)};`;
      case 'mask':
        return `const ${o.dst} = ${o.a} & ${m(o.j)};`;
      case 'xorShifted':
        return `const ${o.dst} = ${o.a} ^ (${o.t} << ${o.j});`;
      case 'shiftLeft':
        return `const ${o.dst} = ${o.t} << ${o.j};`;
      case 'xor':
        return `const ${o.dst} = ${o.a} ^ ${o.t};`;
    }
  });
  return { lines, rows: plan.rows };
}

/** The set {0, 1, ..., n-1}. */
export function firstRows(n: number): Set<number> {
  return new Set(Array.from({ length: Math.min(n, 32) }, (_, i) => i));
}
