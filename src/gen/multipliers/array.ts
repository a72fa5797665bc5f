import type { NetlistBuilder } from '../../ir/builder.js';
import { type Bus, NET_ONE, NET_ZERO, type Net } from '../../ir/netlist.js';
import { rippleCarry } from '../adders/ripple-carry.js';
import type { AdderFn } from '../adders/types.js';

/**
 * Carry-save array multiplier (Braun array; Baugh-Wooley when signed), n×n → 2n bits.
 *
 * Row 0 is the partial product a·x₀. Row i (1 ≤ i < n) adds a·xᵢ to the running sum and carry
 * vectors with n − 1 adders (half adders in row 1, full adders after), emitting product bit i.
 * After row n − 1 the sum and carry vectors (n − 1 bits each, weights n .. 2n − 2) are merged
 * by the final adder, whose carry-out is product bit 2n − 1.
 *
 * Cost, n ≥ 2: n² two-input gates (unsigned: n² AND; signed: n² − 2n + 2 AND and 2n − 2 NAND),
 * (n − 1)(n − 2) full adders and n − 1 half adders in the array, plus the final (n − 1)-bit
 * adder (ripple-carry: n − 1 full adders, giving (n − 1)² fa + (n − 1) ha in all) and, when
 * signed, one inverter. Baugh-Wooley's constant 2^n + 2^(2n−1) costs nothing more: 2^n is the
 * final adder's carry-in (its LSB has weight 2^n) and 2^(2n−1) inverts the top product bit.
 * Depth with a ripple final adder: 4n − 2 gate levels (4n − 1 signed) with fa and ha expanded
 * — the carries run down the array's diagonal and then along the ripple, the classic O(n) of
 * array multipliers (n = 8: 30 levels). A log-depth final adder shortens only the second half.
 */
export function arrayMultiplier(
  b: NetlistBuilder,
  a: Bus,
  x: Bus,
  signed: boolean,
  adder: AdderFn = rippleCarry,
): Net[] {
  const n = a.length;
  const pp = (i: number, j: number): Net =>
    signed && (i === n - 1) !== (j === n - 1) ? b.nand(a[j], x[i]) : b.and(a[j], x[i]);
  // n = 1: a₀x₀ (signed: (−a₀)(−x₀) is the same) and a zero top bit; Baugh-Wooley's constant is 0 mod 4.
  if (n === 1) return [pp(0, 0), NET_ZERO];
  const product: Net[] = [];
  // sum[j] has weight i + j after row i; carry[j] has weight i + j + 1.
  let sum: Net[] = Array.from({ length: n }, (_, j) => pp(0, j));
  let carry: Net[] = [];
  for (let i = 1; i < n; i++) {
    const nextSum: Net[] = [];
    const nextCarry: Net[] = [];
    for (let j = 0; j < n - 1; j++) {
      const [s, c] = i === 1 ? b.ha(pp(i, j), sum[j + 1]) : b.fa(pp(i, j), sum[j + 1], carry[j]);
      nextSum.push(s);
      nextCarry.push(c);
    }
    nextSum.push(pp(i, n - 1));
    product.push(sum[0]);
    sum = nextSum;
    carry = nextCarry;
  }
  product.push(sum[0]);
  const merged = adder(b, sum.slice(1), carry, signed ? NET_ONE : NET_ZERO);
  product.push(...merged.sum, signed ? b.not(merged.cout) : merged.cout);
  return product;
}
