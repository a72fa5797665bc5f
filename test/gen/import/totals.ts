/**
 * The exhaustive error totals of an approximate two-operand function against the exact one,
 * summed by a plain BigInt loop (operand a fastest, b outer: the order the relative errors are
 * summed in, so the double-precision MRE is the same bit for bit). EvoApproxLib's definitions:
 * MRE leaves out the vectors whose exact result is 0.
 */
export interface Totals {
  vectors: number;
  absolute: string;
  signed: string;
  squared: string;
  worst: string;
  errorVectors: number;
  relativeVectors: number;
  mre: number;
}

export function exhaustiveTotals(
  bits: number,
  approx: (a: bigint, b: bigint) => bigint,
  exact: (a: bigint, b: bigint) => bigint,
): Totals {
  let absolute = 0n;
  let signed = 0n;
  let squared = 0n;
  let worst = 0n;
  let errorVectors = 0;
  let relativeVectors = 0;
  let relativeSum = 0;
  const n = 1n << BigInt(bits);
  for (let b = 0n; b < n; b++) {
    for (let a = 0n; a < n; a++) {
      const x = exact(a, b);
      const e = approx(a, b) - x;
      const mag = e < 0n ? -e : e;
      absolute += mag;
      signed += e;
      squared += e * e;
      if (mag > worst) worst = mag;
      if (e !== 0n) errorVectors++;
      if (x !== 0n) {
        relativeVectors++;
        relativeSum += Number(mag) / Number(x < 0n ? -x : x);
      }
    }
  }
  return {
    vectors: Number(n * n),
    absolute: absolute.toString(),
    signed: signed.toString(),
    squared: squared.toString(),
    worst: worst.toString(),
    errorVectors,
    relativeVectors,
    mre: relativeVectors === 0 ? 0 : relativeSum / relativeVectors,
  };
}
