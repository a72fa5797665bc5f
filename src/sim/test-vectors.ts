import { wrapBigInt } from '../bits/raw.js';
import type { Netlist, Port } from '../ir/netlist.js';
import { compile } from './compiled.js';

/**
 * Test vectors with expected outputs, computed by the compiled simulator: what the exported
 * Verilog testbenches replay, and what the Verilog cross-checks compare against.
 *
 * Corner values of a w-bit port, in this order: 0, 1, all ones (2^w - 1), the sign bit alone
 * (2^(w-1): the most negative two's-complement value), the largest positive value
 * (2^(w-1) - 1), 0101..., 1010... (duplicates removed). Combinational netlists get every
 * combination of corners across ports when there are at most `maxCorners` of them, else each
 * corner on all ports at once, then `random` seeded random vectors. Sequential netlists get one
 * stream from reset: the corner vectors (each held for a few cycles, so accumulators saturate
 * and wrap), then random cycles in which one-bit ports (enables, clears) are 1 with
 * probability 1/8, so that state builds up between clears.
 */
export interface TestVectorOptions {
  /** Random vectors (cycles) after the corners; default 200. */
  readonly random?: number;
  /** Seed of the random part (the same seed gives the same vectors); default 1. */
  readonly seed?: number;
  /** Largest corner cartesian product taken whole; default 256. */
  readonly maxCorners?: number;
}

export interface ExpectedVector {
  readonly inputs: Record<string, bigint>;
  readonly outputs: Record<string, bigint>;
}

export function testVectors(netlist: Netlist, options: TestVectorOptions = {}): ExpectedVector[] {
  const random = options.random ?? 200;
  const rand = mulberry32(options.seed ?? 1);
  const maxCorners = options.maxCorners ?? 256;
  const sequential = netlist.registers.length > 0;
  const corners = netlist.inputs.map((p) => cornerValues(p.bits.length));
  const product = corners.reduce((n, c) => n * c.length, 1);
  let inputs: Record<string, bigint>[] = [];
  if (product <= maxCorners) {
    inputs = [{}];
    netlist.inputs.forEach((p, k) => {
      inputs = inputs.flatMap((v) => corners[k].map((c) => ({ ...v, [p.name]: c })));
    });
  } else {
    const most = Math.max(...corners.map((c) => c.length));
    for (let i = 0; i < most; i++) {
      inputs.push(
        Object.fromEntries(
          netlist.inputs.map((p, k) => [p.name, corners[k][i % corners[k].length]]),
        ),
      );
    }
  }
  if (sequential) inputs = inputs.flatMap((v) => [v, v, v]);
  for (let i = 0; i < random; i++) {
    inputs.push(
      Object.fromEntries(netlist.inputs.map((p) => [p.name, randomValue(rand, p, sequential)])),
    );
  }
  const sim = compile(netlist);
  let outputs: Record<string, bigint>[];
  if (sequential) {
    outputs = sim.runBigInt([inputs])[0];
  } else {
    const columns = Object.fromEntries(
      netlist.inputs.map((p) => [p.name, inputs.map((v) => v[p.name])]),
    );
    const result = sim.evaluateBigInt(columns);
    outputs = inputs.map((_, i) =>
      Object.fromEntries(netlist.outputs.map((p) => [p.name, result[p.name][i]])),
    );
  }
  return inputs.map((v, i) => ({ inputs: v, outputs: outputs[i] }));
}

/** The corner values of a `width`-bit port (see `testVectors`), without duplicates. */
export function cornerValues(width: number): bigint[] {
  const all = (1n << BigInt(width)) - 1n;
  const sign = 1n << BigInt(width - 1);
  const fives = all / 3n; // 0101...01: (2^w - 1)/3 rounded down
  const values = [0n, 1n, all, sign, sign - 1n, fives & all, (fives << 1n) & all];
  return [...new Set(values)];
}

function randomValue(rand: () => number, port: Port, sequential: boolean): bigint {
  const width = port.bits.length;
  if (sequential && width === 1) return rand() < 0.125 ? 1n : 0n;
  let x = 0n;
  for (let lo = 0; lo < width; lo += 16) x |= BigInt(Math.floor(rand() * 65536)) << BigInt(lo);
  return wrapBigInt(x, width, false);
}

/** mulberry32: a small, fast, seedable PRNG; plenty for test vectors (not for statistics). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
