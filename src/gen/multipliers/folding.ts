import type { NetlistBuilder } from '../../ir/builder.js';
import { NET_ONE, NET_ZERO, type Net } from '../../ir/netlist.js';

/**
 * Gates that fold constant inputs while the circuit is generated. The builder never folds (so
 * that an adder's cell count matches its formula even with a constant carry-in); generators whose
 * structure feeds known constants into some positions (Booth's b₋₁ = 0, zero-extended operands,
 * padded popcount rows) use these instead, so a constant never costs a cell. Each function builds
 * at most one cell, and none when an input is the constant 0 or 1 or both inputs are the same
 * net (a sign bit meeting its own extension).
 */

const isConst = (x: Net): boolean => x === NET_ZERO || x === NET_ONE;

export function foldNot(b: NetlistBuilder, x: Net): Net {
  if (x === NET_ZERO) return NET_ONE;
  if (x === NET_ONE) return NET_ZERO;
  return b.not(x);
}

export function foldAnd(b: NetlistBuilder, x: Net, y: Net): Net {
  if (x === NET_ZERO || y === NET_ZERO) return NET_ZERO;
  if (x === NET_ONE || x === y) return y;
  if (y === NET_ONE) return x;
  return b.and(x, y);
}

export function foldOr(b: NetlistBuilder, x: Net, y: Net): Net {
  if (x === NET_ONE || y === NET_ONE) return NET_ONE;
  if (x === NET_ZERO || x === y) return y;
  if (y === NET_ZERO) return x;
  return b.or(x, y);
}

export function foldXor(b: NetlistBuilder, x: Net, y: Net): Net {
  if (x === y) return NET_ZERO;
  if (x === NET_ZERO) return y;
  if (y === NET_ZERO) return x;
  if (x === NET_ONE) return foldNot(b, y);
  if (y === NET_ONE) return foldNot(b, x);
  return b.xor(x, y);
}

export function foldXnor(b: NetlistBuilder, x: Net, y: Net): Net {
  if (x === y) return NET_ONE;
  if (isConst(x) || isConst(y)) return foldNot(b, foldXor(b, x, y));
  return b.xnor(x, y);
}

/** sel ? d1 : d0 */
export function foldMux(b: NetlistBuilder, sel: Net, d0: Net, d1: Net): Net {
  if (sel === NET_ZERO || d0 === d1) return d0;
  if (sel === NET_ONE) return d1;
  if (d0 === NET_ZERO && d1 === NET_ONE) return sel;
  if (d0 === NET_ZERO) return foldAnd(b, sel, d1);
  if (d1 === NET_ZERO && d0 === NET_ONE) return foldNot(b, sel);
  return b.mux(sel, d0, d1);
}

/**
 * Half adder that folds: with a constant input it is a wire (sum = x, carry 0) or an inverter
 * (sum = ¬x, carry = x). Returns [sum, carry].
 */
export function foldHalfAdd(b: NetlistBuilder, x: Net, y: Net): [Net, Net] {
  if (isConst(x)) [x, y] = [y, x];
  if (y === NET_ZERO) return [x, NET_ZERO];
  if (y === NET_ONE) return [foldNot(b, x), x];
  return b.ha(x, y);
}

/** Full adder that folds a constant input into a half adder (or less). Returns [sum, carry]. */
export function foldFullAdd(b: NetlistBuilder, x: Net, y: Net, z: Net): [Net, Net] {
  const nets = [x, y, z].sort((p, q) => Number(isConst(p)) - Number(isConst(q)));
  const [p, q, r] = nets;
  if (r === NET_ZERO) return foldHalfAdd(b, p, q);
  if (r === NET_ONE) {
    if (isConst(q)) {
      // p + q + 1 with q constant: p + 1 (q = 0) or p + 2 (q = 1)
      return q === NET_ZERO ? [foldNot(b, p), p] : [p, NET_ONE];
    }
    // p + q + 1: sum = xnor(p, q), carry = or(p, q)
    return [b.xnor(p, q), b.or(p, q)];
  }
  return b.fa(p, q, r);
}
