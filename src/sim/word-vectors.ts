import type { Netlist } from '../ir/netlist.js';
import {
  allocPlanes,
  packBigInt,
  packInt32,
  unpackBigInt,
  unpackInt32,
  wordsFor,
} from './bitplane.js';
import type { WasmKernels } from './wasm/simulator.js';
import type { WordsKernelFn } from './words-kernel.js';

/** What the word-vector conversions need of a compiled simulator (compiled.ts provides it). */
export interface PlaneSimulator {
  readonly netlist: Netlist;
  readonly inputBits: number;
  readonly outputBits: number;
  readonly inputOffset: Readonly<Record<string, number>>;
  readonly outputOffset: Readonly<Record<string, number>>;
  readonly wasm: Pick<WasmKernels, 'evaluateWords'> | undefined;
  readonly isLarge: boolean;
  readonly isSequential: boolean;
  resetState(words: number): Int32Array[];
  evaluatePlanes(
    inputs: readonly Int32Array[],
    outputs: readonly Int32Array[],
    words: number,
  ): void;
  runPlanes(
    inputs: readonly Int32Array[],
    outputs: readonly Int32Array[],
    state: readonly Int32Array[],
    words: number,
    cycles: number,
  ): void;
  wordsKernel(): WordsKernelFn;
  vectorCount(inputs: Readonly<Record<string, ArrayLike<unknown>>>): number;
}

/**
 * The word-vector layer of the compiled simulator: ordinary values in, ordinary values out,
 * packed into bit planes and back with 32x32 transposes. The `CompiledSimulator` methods of the
 * same names delegate here.
 */

/**
 * Combinational netlists run a fused kernel (transposes and gates in one generated loop):
 * WebAssembly SIMD when available, else JavaScript. Sequential netlists are evaluated with their
 * registers at reset. `outputs`, when given, are arrays (at least one per vector long) the
 * results are written into and returned: a caller evaluating batch after batch avoids
 * allocating fresh memory each time, which on some machines costs as much as the evaluation.
 */
export function evaluateInt32(
  sim: PlaneSimulator,
  inputs: Readonly<Record<string, ArrayLike<number>>>,
  outputs?: Readonly<Record<string, Int32Array>>,
): Record<string, Int32Array> {
  const netlist = sim.netlist;
  const count = sim.vectorCount(inputs);
  for (const p of [...netlist.inputs, ...netlist.outputs]) {
    if (p.bits.length > 32) {
      throw new Error(`evaluateInt32: port ${p.name} is ${p.bits.length} bits wide (max 32)`);
    }
  }
  const targets = netlist.outputs.map((p) => {
    const out = outputs?.[p.name];
    if (out !== undefined && out.length < count) {
      throw new Error(`output array ${p.name} holds ${out.length} values, ${count} needed`);
    }
    return out ?? new Int32Array(count);
  });
  if (!sim.isSequential && !sim.isLarge) return named(netlist, fused(sim, inputs, count, targets));
  const words = wordsFor(count);
  const inPlanes = allocPlanes(sim.inputBits, words);
  for (const p of netlist.inputs) {
    const o = sim.inputOffset[p.name];
    packInt32(inputs[p.name], p.bits.length, inPlanes.slice(o, o + p.bits.length));
  }
  const outPlanes = allocPlanes(sim.outputBits, words);
  sim.evaluatePlanes(inPlanes, outPlanes, words);
  netlist.outputs.forEach((p, q) => {
    const o = sim.outputOffset[p.name];
    const planes = outPlanes.slice(o, o + p.bits.length);
    unpackInt32(planes, p.bits.length, count, p.signed === true, targets[q]);
  });
  return named(netlist, targets);
}

function fused(
  sim: PlaneSimulator,
  inputs: Readonly<Record<string, ArrayLike<number>>>,
  count: number,
  results: Int32Array[],
): Int32Array[] {
  const values = sim.netlist.inputs.map((p) => {
    const v = inputs[p.name];
    return v instanceof Int32Array || v instanceof Uint32Array ? v : Int32Array.from(v);
  });
  if (sim.wasm) return sim.wasm.evaluateWords(values, count, results);
  const kernel = sim.wordsKernel();
  const full = count >>> 5;
  kernel(values, results, full);
  const rest = count - 32 * full;
  if (rest > 0) {
    // The last partial group runs on zero-padded copies.
    const tailIn = values.map((v) => {
      const t = new Int32Array(32);
      for (let i = 0; i < rest; i++) t[i] = v[32 * full + i];
      return t;
    });
    const tailOut = results.map(() => new Int32Array(32));
    kernel(tailIn, tailOut, 1);
    results.forEach((r, q) => r.set(tailOut[q].subarray(0, rest), 32 * full));
  }
  return results;
}

function named(netlist: Netlist, results: Int32Array[]): Record<string, Int32Array> {
  const result: Record<string, Int32Array> = {};
  netlist.outputs.forEach((p, q) => {
    result[p.name] = results[q];
  });
  return result;
}

/**
 * Any port width: inputs are bigint bit patterns (negative values read as two's complement),
 * outputs unsigned bit patterns of each port's width, like the reference simulator.
 */
export function evaluateBigInt(
  sim: PlaneSimulator,
  inputs: Readonly<Record<string, readonly bigint[]>>,
): Record<string, bigint[]> {
  const count = sim.vectorCount(inputs);
  const words = wordsFor(count);
  const inPlanes = allocPlanes(sim.inputBits, words);
  for (const p of sim.netlist.inputs) {
    const o = sim.inputOffset[p.name];
    packBigInt(inputs[p.name], p.bits.length, inPlanes.slice(o, o + p.bits.length));
  }
  const outPlanes = allocPlanes(sim.outputBits, words);
  sim.evaluatePlanes(inPlanes, outPlanes, words);
  const result: Record<string, bigint[]> = {};
  for (const p of sim.netlist.outputs) {
    const o = sim.outputOffset[p.name];
    result[p.name] = unpackBigInt(outPlanes.slice(o, o + p.bits.length), p.bits.length, count);
  }
  return result;
}

/**
 * Runs `instances` independent copies of a sequential netlist from reset, one per lane, on
 * word vectors laid out time-major: `inputs[port][t·instances + i]` is instance i's input at
 * cycle t (ports of at most 32 bits; cycles = length / instances). Outputs, seen at each cycle
 * before its clock edge, come back in the same layout (zero- or sign-extended as in
 * `evaluateInt32`).
 */
export function runInt32(
  sim: PlaneSimulator,
  inputs: Readonly<Record<string, ArrayLike<number>>>,
  instances: number,
): Record<string, Int32Array> {
  const length = sim.vectorCount(inputs);
  if (!Number.isInteger(instances) || instances < 1 || length % instances !== 0) {
    throw new Error(`runInt32: ${length} values do not split into ${instances} instances`);
  }
  const cycles = length / instances;
  const words = wordsFor(instances);
  const inPlanes = allocPlanes(sim.inputBits, words * cycles);
  for (const p of sim.netlist.inputs) {
    const o = sim.inputOffset[p.name];
    const planes = inPlanes.slice(o, o + p.bits.length);
    const v = inputs[p.name];
    const values = v instanceof Int32Array ? v : Int32Array.from(v);
    for (let t = 0; t < cycles; t++) {
      const slice = values.subarray(t * instances, (t + 1) * instances);
      packInt32(slice, p.bits.length, planes, t * words);
    }
  }
  const outPlanes = allocPlanes(sim.outputBits, words * cycles);
  sim.runPlanes(inPlanes, outPlanes, sim.resetState(words), words, cycles);
  const result: Record<string, Int32Array> = {};
  for (const p of sim.netlist.outputs) {
    const o = sim.outputOffset[p.name];
    const planes = outPlanes.slice(o, o + p.bits.length);
    const out = new Int32Array(length);
    for (let t = 0; t < cycles; t++) {
      const slice = out.subarray(t * instances, (t + 1) * instances);
      unpackInt32(planes, p.bits.length, instances, p.signed === true, slice, t * words);
    }
    result[p.name] = out;
  }
  return result;
}

/**
 * Runs independent instances from reset: `streams[i][t]` is instance i's input vector at
 * cycle t (a port missing from a cycle keeps its previous value, 0 before the first, as in
 * the reference simulator). Returns, per instance, the outputs seen at every cycle (before
 * that cycle's clock edge). All streams must have the same length.
 */
export function runBigInt(
  sim: PlaneSimulator,
  streams: readonly (readonly Readonly<Record<string, bigint>>[])[],
): Record<string, bigint>[][] {
  const instances = streams.length;
  const cycles = instances === 0 ? 0 : streams[0].length;
  if (streams.some((s) => s.length !== cycles)) {
    throw new Error('runBigInt: every instance stream must have the same number of cycles');
  }
  const words = wordsFor(instances);
  const inPlanes = allocPlanes(sim.inputBits, words * cycles);
  for (const p of sim.netlist.inputs) {
    const o = sim.inputOffset[p.name];
    const planes = inPlanes.slice(o, o + p.bits.length);
    const lane = new Array<bigint>(instances).fill(0n);
    for (let t = 0; t < cycles; t++) {
      for (let i = 0; i < instances; i++) lane[i] = streams[i][t][p.name] ?? lane[i];
      packBigInt(lane, p.bits.length, planes, t * words);
    }
  }
  const outPlanes = allocPlanes(sim.outputBits, words * cycles);
  sim.runPlanes(inPlanes, outPlanes, sim.resetState(words), words, cycles);
  const result = streams.map(() => new Array<Record<string, bigint>>(cycles));
  for (let t = 0; t < cycles; t++) {
    for (let i = 0; i < instances; i++) result[i][t] = {};
    for (const p of sim.netlist.outputs) {
      const o = sim.outputOffset[p.name];
      const planes = outPlanes.slice(o, o + p.bits.length);
      const values = unpackBigInt(planes, p.bits.length, instances, t * words);
      for (let i = 0; i < instances; i++) result[i][t][p.name] = values[i];
    }
  }
  return result;
}

/** Number of vectors in `inputs`: every input port needs the same number. */
export function vectorCount(
  netlist: Netlist,
  inputs: Readonly<Record<string, ArrayLike<unknown>>>,
): number {
  let count: number | undefined;
  for (const p of netlist.inputs) {
    const values = inputs[p.name];
    if (values === undefined) throw new Error(`input port ${p.name} has no values`);
    if (count !== undefined && values.length !== count) {
      throw new Error(
        `input port ${p.name} has ${values.length} values, the others ${count}: all ports need one per vector`,
      );
    }
    count = values.length;
  }
  return count ?? 0;
}
