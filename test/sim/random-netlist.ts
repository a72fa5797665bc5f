import { NetlistBuilder } from '../../src/ir/builder.js';
import { CELL_ARITY, CELL_KINDS } from '../../src/ir/gates.js';
import type { Net, Netlist } from '../../src/ir/netlist.js';

/** A small seeded PRNG (mulberry32) so that failing netlists can be rebuilt from their seed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomNetlistOptions {
  cells: number;
  registers: number;
  /** Widths of the input ports. */
  inputWidths: number[];
  outputs: number;
  /** Widest output port (widths are drawn from 1 .. this); default 40. */
  maxOutputWidth?: number;
}

/**
 * A random valid netlist: a DAG of cells of every kind (inputs drawn from constants, input
 * bits, register outputs and earlier cells), registers fed back from any net (so they form
 * sequential loops), and output ports that pick arbitrary nets, constants and inputs included.
 */
export function randomNetlist(seed: number, options: RandomNetlistOptions): Netlist {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const b = new NetlistBuilder(`random_${seed}`);
  const pool: Net[] = [b.zero, b.one];
  options.inputWidths.forEach((w, i) => {
    pool.push(...b.input(`in${i}`, w, { signed: rand() < 0.5 }));
  });
  const regs = Array.from({ length: options.registers }, () =>
    b.registerLater(rand() < 0.5 ? 0 : 1),
  );
  pool.push(...regs.map((r) => r.q));
  for (let i = 0; i < options.cells; i++) {
    const kind = CELL_KINDS[i < CELL_KINDS.length ? i : Math.floor(rand() * CELL_KINDS.length)];
    const ins = Array.from({ length: CELL_ARITY[kind].inputs }, () => pick(pool));
    pool.push(...b.cell(kind, ...ins));
  }
  for (const r of regs) r.drive(pick(pool));
  for (let o = 0; o < options.outputs; o++) {
    const width = 1 + Math.floor(rand() * (options.maxOutputWidth ?? 40));
    b.output(
      `out${o}`,
      Array.from({ length: width }, () => pick(pool)),
      { signed: rand() < 0.5 },
    );
  }
  return b.build();
}

/** `count` random bigint values of `width` bits. */
export function randomValues(rand: () => number, width: number, count: number): bigint[] {
  return Array.from({ length: count }, () => {
    let x = 0n;
    for (let lo = 0; lo < width; lo += 16) x |= BigInt(Math.floor(rand() * 65536)) << BigInt(lo);
    return BigInt.asUintN(width, x);
  });
}
