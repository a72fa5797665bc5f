/**
 * Golden sequence model of an accumulator, plain BigInt and written from the definition:
 * each cycle shows the state, then acc ← (clear ? 0 : acc) + addend, out of range → WRAP
 * (modulo 2^W, read back) or SAT (clamped); the flag records an overflow since the last clear.
 */
export interface AccumulatorModel {
  readonly accBits: number;
  readonly signed: boolean;
  readonly overflow: 'wrap' | 'sat';
}

export type Cycle = Readonly<Record<string, bigint>>;
export type Outputs = { acc: bigint; overflow: bigint };

/** The outputs seen in each cycle for a stream of addend values (numbers, not bit patterns). */
export function accumulateValues(
  model: AccumulatorModel,
  stream: readonly { readonly value: bigint; readonly clear: boolean }[],
): Outputs[] {
  const w = model.accBits;
  const lo = model.signed ? -(1n << BigInt(w - 1)) : 0n;
  const hi = model.signed ? (1n << BigInt(w - 1)) - 1n : (1n << BigInt(w)) - 1n;
  let acc = 0n;
  let flag = 0n;
  const out: Outputs[] = [];
  for (const { value, clear } of stream) {
    out.push({ acc: BigInt.asUintN(w, acc), overflow: flag });
    const total = (clear ? 0n : acc) + value;
    const outside = total < lo || total > hi;
    if (!outside) acc = total;
    else if (model.overflow === 'sat') acc = total > hi ? hi : lo;
    else acc = model.signed ? BigInt.asIntN(w, total) : BigInt.asUintN(w, total);
    flag = (clear ? 0n : flag) | (outside ? 1n : 0n);
  }
  return out;
}

/** An accumulator netlist's outputs for input cycles x, clear (and cin). */
export function goldenAccumulator(
  model: AccumulatorModel & { readonly xBits: number },
  cycles: readonly Cycle[],
): Outputs[] {
  const read = (x: bigint) =>
    model.signed ? BigInt.asIntN(model.xBits, x) : BigInt.asUintN(model.xBits, x);
  return accumulateValues(
    model,
    cycles.map((c) => ({ value: read(c.x) + (c.cin ?? 0n), clear: c.clear === 1n })),
  );
}
