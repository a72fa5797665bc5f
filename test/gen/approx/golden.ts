/**
 * The approximate circuits' published definitions as plain BigInt arithmetic on operand values,
 * written from the papers (never from the generators' gate structure). Each returns the full
 * result: the n-bit sum plus the carry-out as bit n, or the 2n-bit product.
 */
const bit = (x: bigint, i: number): bigint => (x >> BigInt(i)) & 1n;
const low = (x: bigint, k: number): bigint => x & ((1n << BigInt(k)) - 1n);

/** LOA (Mahdiani 2010): low k bits a|b; upper part adds with carry-in a_(k−1)·b_(k−1). */
export function loa(k: number, a: bigint, b: bigint): bigint {
  const carry = k === 0 ? 0n : bit(a, k - 1) & bit(b, k - 1);
  const high = (a >> BigInt(k)) + (b >> BigInt(k)) + carry;
  return (high << BigInt(k)) | (low(a, k) | low(b, k));
}

/** Truncated adder: low k result bits 0, no carry out of them. */
export function truncAdd(k: number, a: bigint, b: bigint): bigint {
  return ((a >> BigInt(k)) + (b >> BigInt(k))) << BigInt(k);
}

/**
 * ETA-I (Zhu et al. 2009): the accurate part adds without a carry-in; the inaccurate part is
 * scanned from its most significant bit: XOR until a position where both bits are 1, from
 * which on every remaining (lower) bit is 1.
 */
export function eta1(k: number, a: bigint, b: bigint): bigint {
  let lower = 0n;
  let saturated = false;
  for (let i = k - 1; i >= 0; i--) {
    const [x, y] = [bit(a, i), bit(b, i)];
    if (!saturated && x === 1n && y === 1n) saturated = true;
    lower |= (saturated ? 1n : x ^ y) << BigInt(i);
  }
  return (((a >> BigInt(k)) + (b >> BigInt(k))) << BigInt(k)) | lower;
}

/**
 * ACA (Verma et al. 2008): result bit i (i = 0..n, bit n the carry-out) is bit i of the sum of
 * the operands' w-bit windows ending at bit i, as if no carry entered the window.
 */
export function aca(w: number, n: number, a: bigint, b: bigint): bigint {
  let result = 0n;
  for (let i = 0; i <= n; i++) {
    const start = Math.max(0, i - w + 1);
    const span = i - start + 1;
    const windowSum = low(a >> BigInt(start), span) + low(b >> BigInt(start), span);
    result |= bit(windowSum, i - start) << BigInt(i);
  }
  return result;
}

/** Column-truncated multiplier: Σ a_j·b_i·2^(i+j) over the partial products with i + j ≥ k. */
export function truncMul(k: number, n: number, a: bigint, b: bigint): bigint {
  let product = 0n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i + j >= k) product += (bit(a, j) & bit(b, i)) << BigInt(i + j);
    }
  }
  return product;
}

/**
 * Broken-array multiplier (Mahdiani et al. 2010): Σ a_j·b_i·2^(i+j) over the partial products
 * below the horizontal break line (row i ≥ hbl) and left of the vertical one (i + j ≥ vbl).
 */
export function brokenArray(hbl: number, vbl: number, n: number, a: bigint, b: bigint): bigint {
  let product = 0n;
  for (let i = hbl; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i + j >= vbl) product += (bit(a, j) & bit(b, i)) << BigInt(i + j);
    }
  }
  return product;
}
