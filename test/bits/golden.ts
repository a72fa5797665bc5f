/**
 * The independent golden model for the bits tests. It imports nothing from src/: values are
 * exact rationals num/den (den > 0) of plain BigInts, formats are plain {width, intBits,
 * signed} records, and rounding and overflow are written from the mode definitions
 * ("nearest, ties away from zero", "clamp to +-max") by comparing rationals and choosing
 * between the two neighbouring representable values, not by bit manipulation.
 */

export interface Spec {
  readonly width: number;
  readonly intBits: number;
  readonly signed: boolean;
}

export interface Rat {
  readonly num: bigint;
  readonly den: bigint;
}

export const ROUNDINGS = [
  'TRN',
  'RND',
  'TRN_ZERO',
  'RND_ZERO',
  'RND_INF',
  'RND_MIN_INF',
  'RND_CONV',
  'RND_CONV_ODD',
] as const;
export const OVERFLOWS = ['WRAP', 'SAT', 'SAT_ZERO', 'SAT_SYM'] as const;
export type Rounding = (typeof ROUNDINGS)[number];
export type Overflow = (typeof OVERFLOWS)[number];

export function pow2(n: number): bigint {
  let p = 1n;
  for (let i = 0; i < n; i++) p *= 2n;
  return p;
}

/** Fraction bits of a spec: the LSB weighs 2^-frac. */
export function frac(s: Spec): number {
  return s.width - s.intBits;
}

/** The integer codes of a spec, from the definition of W-bit two's complement / binary. */
export function codeRange(s: Spec): { lo: bigint; hi: bigint } {
  const n = pow2(s.width);
  return s.signed ? { lo: -(n / 2n), hi: n / 2n - 1n } : { lo: 0n, hi: n - 1n };
}

/** Every code of a spec, ascending. */
export function allCodes(s: Spec): bigint[] {
  const { lo, hi } = codeRange(s);
  const out: bigint[] = [];
  for (let c = lo; c <= hi; c++) out.push(c);
  return out;
}

/** The real number a code stands for: code * 2^-frac. */
export function ratOf(code: bigint, fracBits: number): Rat {
  return fracBits >= 0
    ? { num: code, den: pow2(fracBits) }
    : { num: code * pow2(-fracBits), den: 1n };
}

export function ratEq(a: Rat, b: Rat): boolean {
  return a.num * b.den === b.num * a.den;
}

export function ratAdd(a: Rat, b: Rat): Rat {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function ratNeg(a: Rat): Rat {
  return { num: -a.num, den: a.den };
}

export function ratMul(a: Rat, b: Rat): Rat {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function ratAbs(a: Rat): Rat {
  return { num: a.num < 0n ? -a.num : a.num, den: a.den };
}

/** floor(n / d) for d > 0 (BigInt division truncates toward zero). */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return q * d > n ? q - 1n : q;
}

function absBig(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/**
 * Rounds v / 2^-frac (v counted in units of the target LSB) to an integer by the mode's
 * definition. Returns the integer and whether v was not already a multiple of the LSB.
 */
export function goldenRound(
  v: Rat,
  fracBits: number,
  mode: Rounding,
): { q: bigint; inexact: boolean } {
  const scaled =
    fracBits >= 0
      ? { num: v.num * pow2(fracBits), den: v.den }
      : { num: v.num, den: v.den * pow2(-fracBits) };
  const below = floorDiv(scaled.num, scaled.den);
  const above = below + 1n;
  const excess = scaled.num - below * scaled.den; // v - below, times den: in [0, den)
  if (excess === 0n) return { q: below, inexact: false };
  const positive = scaled.num > 0n;
  const nearer = (): bigint | undefined => {
    const twice = 2n * excess;
    if (twice < scaled.den) return below;
    if (twice > scaled.den) return above;
    return undefined; // an exact tie
  };
  const towardZero = absBig(below) < absBig(above) ? below : above;
  const awayFromZero = towardZero === below ? above : below;
  const even = below % 2n === 0n ? below : above;
  const odd = even === below ? above : below;
  let q: bigint;
  switch (mode) {
    case 'TRN':
      q = below;
      break;
    case 'TRN_ZERO':
      q = positive ? below : above;
      break;
    case 'RND':
      q = nearer() ?? above;
      break;
    case 'RND_MIN_INF':
      q = nearer() ?? below;
      break;
    case 'RND_ZERO':
      q = nearer() ?? towardZero;
      break;
    case 'RND_INF':
      q = nearer() ?? awayFromZero;
      break;
    case 'RND_CONV':
      q = nearer() ?? even;
      break;
    case 'RND_CONV_ODD':
      q = nearer() ?? odd;
      break;
  }
  return { q, inexact: true };
}

/** Applies an overflow mode to an integer code q meant for spec `to`. */
export function goldenOverflow(
  q: bigint,
  to: Spec,
  mode: Overflow,
): { value: bigint; overflowed: boolean } {
  const { lo, hi } = codeRange(to);
  const keepLo = mode === 'SAT_SYM' && to.signed ? -hi : lo;
  if (q >= keepLo && q <= hi) return { value: q, overflowed: false };
  const modulus = pow2(to.width);
  switch (mode) {
    case 'WRAP':
      return { value: ((((q - lo) % modulus) + modulus) % modulus) + lo, overflowed: true };
    case 'SAT':
    case 'SAT_SYM':
      return { value: q < keepLo ? keepLo : hi, overflowed: true };
    case 'SAT_ZERO':
      return { value: 0n, overflowed: true };
  }
}

export function goldenQuantize(
  v: Rat,
  to: Spec,
  rounding: Rounding,
  overflow: Overflow,
): { value: bigint; rounded: boolean; overflowed: boolean } {
  const r = goldenRound(v, frac(to), rounding);
  const o = goldenOverflow(r.q, to, overflow);
  return { value: o.value, rounded: r.inexact, overflowed: o.overflowed };
}

/**
 * The exact rational value of a finite double, found by doubling until it is an integer
 * (each doubling is exact; at most 1074 of them).
 */
export function ratOfDouble(x: number): Rat {
  let k = 0;
  let y = x;
  while (!Number.isInteger(y)) {
    y *= 2;
    k++;
  }
  return { num: BigInt(y), den: pow2(k) };
}
