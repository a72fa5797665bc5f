import { InputError, show } from '../errors.js';

/**
 * The primitives every counter reports and every cost table prices, by bit width. Counts are
 * exact: the engine, the budget counter and the estimator all speak this vocabulary.
 *
 * | op          | one count means                                             |
 * |-------------|-------------------------------------------------------------|
 * | add         | one two's-complement addition of `bits`-wide operands        |
 * | sub         | one subtraction                                              |
 * | abs         | one absolute value (conditional negation) of a `bits` value  |
 * | mul         | one `bits` x `bitsB` multiplication (bitsB defaults to bits) |
 * | xnor        | one `bits`-wide bitwise XNOR                                 |
 * | popcount    | one population count of a `bits`-wide word                   |
 * | cmp         | one comparison of `bits`-wide operands                       |
 * | fadd / fmul | one floating-point add / multiply (`bits` = 16 or 32)        |
 * | sram-read / sram-write | one access moving `bits` bits to or from on-chip SRAM |
 * | dram-read / dram-write | one access moving `bits` bits to or from DRAM       |
 */
export const PRIMITIVES = [
  'add',
  'sub',
  'abs',
  'mul',
  'xnor',
  'popcount',
  'cmp',
  'fadd',
  'fmul',
  'sram-read',
  'sram-write',
  'dram-read',
  'dram-write',
] as const;
export type Primitive = (typeof PRIMITIVES)[number];

export interface OpCount {
  readonly op: Primitive;
  readonly bits: number;
  /** Second operand width of a multiplication; defaults to `bits`. */
  readonly bitsB?: number;
  readonly count: number;
}

/** `add:8`, `mul:8x4`: the key an op count is grouped and printed by. */
export function opKey(c: { op: Primitive; bits: number; bitsB?: number }): string {
  return c.bitsB !== undefined && c.bitsB !== c.bits
    ? `${c.op}:${c.bits}x${c.bitsB}`
    : `${c.op}:${c.bits}`;
}

/** Sums counts with the same op and widths; order: PRIMITIVES order, then widths. */
export function mergeCounts(counts: readonly OpCount[]): OpCount[] {
  const merged = new Map<string, OpCount>();
  for (const c of counts) {
    const key = opKey(c);
    const prev = merged.get(key);
    merged.set(key, prev ? { ...prev, count: prev.count + c.count } : { ...c });
  }
  return [...merged.values()].sort(
    (p, q) =>
      PRIMITIVES.indexOf(p.op) - PRIMITIVES.indexOf(q.op) ||
      p.bits - q.bits ||
      (p.bitsB ?? p.bits) - (q.bitsB ?? q.bits),
  );
}

/**
 * Parses `add:8=1000,mul:8x4=500` (the CLI's --ops). `flag` names the flag in errors.
 */
export function parseOpCounts(text: string, flag = 'ops'): OpCount[] {
  const items = text.split(',').map((s) => s.trim());
  return items.map((item) => {
    const m = /^([a-z-]+):(\d+)(?:x(\d+))?=(\d+(?:\.\d+)?(?:e\d+)?)$/.exec(item);
    if (!m) {
      throw new InputError(
        `--${flag} must be a comma-separated list of op:bits=count (for example add:8=1000), not ${show(item)}`,
      );
    }
    const op = m[1] as Primitive;
    if (!PRIMITIVES.includes(op)) {
      throw new InputError(
        `--${flag} op must be one of ${PRIMITIVES.join(', ')}, not ${show(m[1])}`,
      );
    }
    const bits = Number(m[2]);
    const bitsB = m[3] === undefined ? undefined : Number(m[3]);
    for (const w of [bits, bitsB]) {
      if (w !== undefined && (w < 1 || w > 4096)) {
        throw new InputError(`--${flag} bit width must be an integer from 1 to 4096, not ${w}`);
      }
    }
    return { op, bits, ...(bitsB === undefined ? {} : { bitsB }), count: Number(m[4]) };
  });
}
