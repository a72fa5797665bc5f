import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import { increment } from '../adders/increment.js';
import type { AdderFn } from '../adders/types.js';

/**
 * Two's-complement subtraction as addition: x − y = x + ¬y + 1 (n not + the adder with its
 * carry-in tied to 1). `cout` is the adder's carry-out, 1 exactly when x ≥ y read unsigned (no
 * borrow). `overflow` is signed overflow, (x_s ⊕ y_s)·(x_s ⊕ d_s) on the sign bits: operands of
 * different signs and a result whose sign differs from x (1 xor + 1 xor + 1 and).
 */
export function subtract(
  b: NetlistBuilder,
  x: Bus,
  y: Bus,
  adder: AdderFn,
): { diff: Net[]; cout: Net; overflow: Net } {
  const { sum, cout } = adder(
    b,
    x,
    y.map((bit) => b.not(bit)),
    b.one,
  );
  return { diff: sum, cout, overflow: signedOverflow(b, x, y, sum, true) };
}

/**
 * x < y from the carry-out of x + ¬y + 1. Unsigned: ¬cout (a borrow). Signed: the sign of the
 * exact (n+1)-bit difference, which is x_s ⊕ ¬y_s ⊕ cout, written as xnor(x_s ⊕ y_s, cout).
 */
export function lessFromCarry(b: NetlistBuilder, x: Bus, y: Bus, cout: Net, signed: boolean): Net {
  const n = x.length;
  return signed ? b.xnor(b.xor(x[n - 1], y[n - 1]), cout) : b.not(cout);
}

/**
 * Signed overflow of x ± y from the sign bits: the result's sign differs from x's while the
 * operands' signs are equal (addition) or differ (subtraction, `subtracting`).
 * Cost: one xnor (addition) or xor (subtraction), one xor, one and.
 */
export function signedOverflow(
  b: NetlistBuilder,
  x: Bus,
  y: Bus,
  result: Bus,
  subtracting: boolean,
): Net {
  const n = x.length;
  const signsDiffer = subtracting ? b.xor(x[n - 1], y[n - 1]) : b.xnor(x[n - 1], y[n - 1]);
  return b.and(signsDiffer, b.xor(x[n - 1], result[n - 1]));
}

/**
 * Mode-bit adder/subtractor: sub = 0 gives x + y, sub = 1 gives x − y = x + (y ⊕ 1…1) + 1
 * (n xor on y, `sub` as the carry-in). `overflow`: signed overflow of the operation performed,
 * from the sign of the operand actually added: ¬(x_s ⊕ y'_s)·(x_s ⊕ s_s).
 * Cost: n xor + the adder + 3 gates for overflow.
 */
export function addSub(
  b: NetlistBuilder,
  x: Bus,
  y: Bus,
  sub: Net,
  adder: AdderFn,
): { sum: Net[]; cout: Net; overflow: Net } {
  const yEff = y.map((bit) => b.xor(bit, sub));
  const { sum, cout } = adder(b, x, yEff, sub);
  return { sum, cout, overflow: signedOverflow(b, x, yEff, sum, false) };
}

/**
 * Two's-complement negation −x = ¬x + 1: n not + an n-bit incrementer (see increment.ts).
 * `overflow` is 1 only for x = −2^(n−1), whose negation is itself: both signs 1 (one and).
 */
export function negate(b: NetlistBuilder, x: Bus): { neg: Net[]; overflow: Net } {
  const n = x.length;
  const { sum } = increment(
    b,
    x.map((bit) => b.not(bit)),
    b.one,
  );
  return { neg: sum, overflow: b.and(x[n - 1], sum[n - 1]) };
}
