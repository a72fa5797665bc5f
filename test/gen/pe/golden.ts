import { accumulateValues, type Cycle } from '../accumulators/golden.js';

export type PeKindName = 'adder' | 'mac' | 'xnor';

/** The value one tap adds, from the definition of each PE (plain BigInt, naive loops). */
export function tapValue(kind: PeKindName, width: number, signed: boolean, x: bigint, w: bigint) {
  const read = (v: bigint) => (signed ? BigInt.asIntN(width, v) : BigInt.asUintN(width, v));
  if (kind === 'adder') {
    const d = read(x) - read(w);
    return d < 0n ? -d : d;
  }
  if (kind === 'mac') return read(x) * read(w);
  let agree = 0n;
  for (let i = 0n; i < BigInt(width); i++) if (((x >> i) & 1n) === ((w >> i) & 1n)) agree++;
  return agree;
}

export interface PeModel {
  readonly kind: PeKindName;
  /** Operand width (lanes for xnor). */
  readonly width: number;
  /** Operands read as two's complement; the accumulator too for the MAC PE. */
  readonly signed: boolean;
  readonly stages: number;
  readonly accBits: number;
  readonly overflow: 'wrap' | 'sat';
}

/**
 * Golden sequence of a PE with `stages` pipeline ranks: the accumulator sees, in cycle t, the
 * tap (and clear) issued in cycle t − stages, and nothing (0, no clear) before the pipeline is
 * full; the outputs of cycle t are the accumulator's state before that cycle's clock edge.
 * |x − w| and popcounts accumulate unsigned, products signed when the operands are.
 */
export function goldenPe(pe: PeModel, cycles: readonly Cycle[]) {
  const taps = cycles.map((c) => ({
    value: tapValue(pe.kind, pe.width, pe.signed, c.x, c.w),
    clear: c.clear === 1n,
  }));
  const fill = Array.from({ length: pe.stages }, () => ({ value: 0n, clear: false }));
  const accumulator = {
    accBits: pe.accBits,
    signed: pe.kind === 'mac' && pe.signed,
    overflow: pe.overflow,
  };
  return accumulateValues(accumulator, [...fill, ...taps].slice(0, cycles.length));
}
