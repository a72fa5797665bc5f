import type { NetlistBuilder } from '../../ir/builder.js';
import { type Bus, NET_ZERO, type Net } from '../../ir/netlist.js';
import { addBit, addConstant, type Columns, emptyColumns } from './columns.js';
import { foldAnd, foldMux, foldOr, foldXnor, foldXor } from './folding.js';

/**
 * Partial-product generators for n×n multipliers: each returns the bit columns (width 2n) whose
 * sum modulo 2^2n is the product a·x.
 */

/**
 * AND array, Baugh-Wooley for signed operands. Unsigned: n² AND gates, bit aⱼ·xᵢ of weight
 * 2^(i+j). Signed (modified Baugh-Wooley): the 2n − 2 products pairing one sign bit with a
 * non-sign bit are NAND gates, the other n² − 2n + 2 AND gates, plus the constant
 * 2^n + 2^(2n−1): −aₙ₋₁·xᵢ·2^(n−1+i) = (1 − aₙ₋₁·xᵢ)·2^(n−1+i) − 2^(n−1+i), and the
 * subtracted terms sum (mod 2^2n) to 2^n + 2^(2n−1).
 */
export function andArrayProducts(b: NetlistBuilder, a: Bus, x: Bus, signed: boolean): Columns {
  const n = a.length;
  const columns = emptyColumns(2 * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const mixed = signed && (i === n - 1) !== (j === n - 1);
      addBit(columns, i + j, mixed ? b.nand(a[j], x[i]) : b.and(a[j], x[i]));
    }
  }
  if (signed) addConstant(columns, (1n << BigInt(n)) + (1n << BigInt(2 * n - 1)));
  return columns;
}

/**
 * Radix-4 (modified) Booth recoding: the multiplier x is read in overlapping triples
 * (x₂ₖ₊₁, x₂ₖ, x₂ₖ₋₁), x₋₁ = 0, each worth the digit dₖ = −2x₂ₖ₊₁ + x₂ₖ + x₂ₖ₋₁ ∈ {−2..2};
 * a·x = Σ dₖ·a·4^k. Rows: ⌈n/2⌉ signed, ⌊n/2⌋ + 1 unsigned (x gets a zero sign bit).
 *
 * Encoder per row (≤ 3 cells): single = x₂ₖ ⊕ x₂ₖ₋₁ (|d| = 1), nonzero = single ∨ (x₂ₖ₊₁ ⊕ x₂ₖ),
 * neg = x₂ₖ₊₁ (a wire). Selector per bit (≤ 3 cells): mux(single: aⱼ, else aⱼ₋₁) ∧ nonzero ⊕ neg,
 * over the m + 1 bits of d·A, where A is a as an m-bit signed number (m = n signed, n + 1
 * unsigned). A negative digit is taken as ones' complement plus a `neg` bit at the row's LSB.
 * Sign extension: each row's sign bit is complemented (xnor instead of xor) and the constant
 * −Σₖ 2^(m+2k) is added once, so no row is sign-extended. Constant inputs are folded, so the
 * first row's encoder and an unsigned top row cost fewer cells.
 */
export function boothRadix4Products(b: NetlistBuilder, a: Bus, x: Bus, signed: boolean): Columns {
  const n = a.length;
  const columns = emptyColumns(2 * n);
  const m = signed ? n : n + 1;
  const aBit = (j: number): Net => (j < 0 ? NET_ZERO : j < n ? a[j] : signed ? a[n - 1] : NET_ZERO);
  const xBit = (i: number): Net => (i < 0 ? NET_ZERO : i < n ? x[i] : signed ? x[n - 1] : NET_ZERO);
  const rows = signed ? Math.ceil(n / 2) : Math.floor(n / 2) + 1;
  let constant = 0n;
  for (let k = 0; k < rows; k++) {
    const [hi, mid, lo] = [xBit(2 * k + 1), xBit(2 * k), xBit(2 * k - 1)];
    const single = foldXor(b, mid, lo);
    const nonzero = foldOr(b, single, foldXor(b, hi, mid));
    const neg = hi;
    for (let j = 0; j <= m; j++) {
      const magnitude = foldAnd(b, foldMux(b, single, aBit(j - 1), aBit(j)), nonzero);
      const bit = j < m ? foldXor(b, magnitude, neg) : foldXnor(b, magnitude, neg);
      addBit(columns, 2 * k + j, bit);
    }
    addBit(columns, 2 * k, neg);
    constant -= 1n << BigInt(m + 2 * k);
  }
  addConstant(columns, constant);
  return columns;
}
