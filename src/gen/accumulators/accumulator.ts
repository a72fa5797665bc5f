import { ACCUMULATOR_OVERFLOW_NAMES, type AccumulatorOverflowName } from '../../bits/modes.js';
import type { NetlistBuilder } from '../../ir/builder.js';
import { type Bus, NET_ZERO, type Net } from '../../ir/netlist.js';
import type { AdderFn } from '../adders/types.js';

/**
 * What an accumulator does when a sum leaves its range (ac_fixed's WRAP and SAT), spelled as
 * netlist names and `--arch` spell them: bits/modes.ts derives the names from its one list.
 */
export const OVERFLOW_MODES = ACCUMULATOR_OVERFLOW_NAMES;
export type OverflowMode = AccumulatorOverflowName;

export interface AccumulatorOptions {
  /** Register width W ≥ the addend's width; the addend is sign- or zero-extended to W. */
  readonly width: number;
  /** Addend and accumulator read as two's complement. */
  readonly signed: boolean;
  readonly overflow: OverflowMode;
  readonly adder: AdderFn;
  /** Synchronous clear: the next value is x + cin instead of acc + x + cin. */
  readonly clear: Net;
  /** Deferred +1 of the addend (the ones'-complement |x − w|); NET_ZERO when there is none. */
  readonly cin?: Net;
}

/**
 * An accumulator inside a builder: a W-bit register and an adder,
 *   acc ← (clear ? 0 : acc) + x + cin, then WRAP (keep the low W bits) or SAT (clamp to the
 *   W-bit range: unsigned [0, 2^W − 1], signed [−2^(W−1), 2^(W−1) − 1]),
 * with a sticky overflow flag: set when any addition since the last clear (that clear's own
 * addition included) left the range, cleared by the next clear. Both outputs come straight
 * from registers: the value seen in a cycle includes the addends of the cycles before it
 * (latency one cycle), and the register resets to 0.
 *
 * Loading x on clear (instead of 0) starts the next dot product without a bubble cycle.
 *
 * Overflow: unsigned, the adder's carry-out; signed, the operands' sign bits agree and the
 * sum's differs (1 xnor + 1 xor + 1 and) — still exact with the carry-in, because a + x + 1
 * with operands of opposite signs stays in range.
 * SAT: unsigned, W or gates force all ones; signed, W mux2 pick max (x ≥ 0) or min (x < 0),
 * since a signed overflow needs both operands of the addend's sign.
 *
 * Cost: the adder on W bits + W and + 1 not (clear gating) + overflow detection (0 unsigned,
 * 3 signed) + 2 cells for the sticky flag (and, or) + SAT logic (W or, or W mux2 + 1 not);
 * W + 1 registers. Depth: the adder's plus 2–3 gate levels.
 */
export function accumulator(
  b: NetlistBuilder,
  x: Bus,
  options: AccumulatorOptions,
): { acc: Net[]; overflow: Net } {
  const { width, signed } = options;
  if (x.length < 1 || x.length > width)
    throw new Error(`accumulator addend of ${x.length} bits does not fit ${width} bits`);
  const state = Array.from({ length: width }, () => b.registerLater(0));
  const flag = b.registerLater(0);
  const keep = b.not(options.clear);
  const held = state.map((r) => b.and(r.q, keep));
  const fill = signed ? x[x.length - 1] : NET_ZERO;
  const addend = [...x, ...Array.from({ length: width - x.length }, () => fill)];
  const { sum, cout } = options.adder(b, held, addend, options.cin ?? NET_ZERO);
  const top = width - 1;
  const overflow = signed
    ? b.and(b.xnor(held[top], addend[top]), b.xor(held[top], sum[top]))
    : cout;
  let next: Net[] = sum;
  if (options.overflow === 'sat') {
    if (signed) {
      const positive = b.not(addend[top]);
      next = sum.map((s, i) => b.mux(overflow, s, i === top ? addend[top] : positive));
    } else next = sum.map((s) => b.or(s, overflow));
  }
  state.forEach((r, i) => r.drive(next[i]));
  flag.drive(b.or(b.and(flag.q, keep), overflow));
  return { acc: state.map((r) => r.q), overflow: flag.q };
}
