import type { Netlist, Port } from '../ir/netlist.js';
import { assertValidNetlist } from '../ir/validate.js';
import { compileJsKernel, type KernelFn } from './js-kernel.js';
import { compileSlicedKernel } from './sliced-kernel.js';
import { WasmKernels } from './wasm/simulator.js';
import { evaluateBigInt, evaluateInt32, runBigInt, runInt32, vectorCount } from './word-vectors.js';
import { compileWordsKernel, type WordsKernelFn } from './words-kernel.js';

/** Above this many nets a netlist no longer fits one generated function (see sliced-kernel.ts). */
export const LARGE_NETS = 30_000;

export interface CompileOptions {
  /**
   * Use the WebAssembly SIMD kernels (128 lanes per operation) for combinational netlists
   * whose ports are at most 32 bits wide, when the platform supports them; default true.
   * The JavaScript kernels (32 lanes per operation) cover everything else.
   */
  readonly wasm?: boolean;
}

/**
 * The compiled bit-parallel simulator. A netlist is compiled once into generated kernels
 * (JavaScript via `new Function`, see js-kernel.ts and words-kernel.ts; WebAssembly SIMD, see
 * wasm/); every gate is then one to five word operations on 32 (or 128) independent lanes —
 * vectors, or circuit instances — with no per-gate interpretation in the loop.
 *
 * Two layers:
 * - bit planes (the fast path): `evaluatePlanes` / `runPlanes` take one Int32Array per port bit,
 *   ports in declaration order, LSB first; lane l of a plane is bit l & 31 of word l >>> 5.
 *   (`wasm.planeBuffers` offers the WebAssembly kernel's own interleaved plane layout.)
 * - word vectors (word-vectors.ts): `evaluateInt32` (ports of at most 32 bits, one Int32Array
 *   per port), `evaluateBigInt` (any width), `runInt32` / `runBigInt` (sequential, many
 *   instances), which pack and unpack with 32x32 bit-matrix transposes.
 *
 * A combinational netlist treats every vector independently, so a long stream is simply split
 * across lanes. A sequential netlist keeps one circuit instance per lane; its registers step once
 * per cycle, all lanes together.
 */
export class CompiledSimulator {
  readonly netlist: Netlist;
  /** Total input bits (planes per vector set); ports in declaration order. */
  readonly inputBits: number;
  readonly outputBits: number;
  /** Index of each port's bit 0 in the flat plane list. */
  readonly inputOffset: Readonly<Record<string, number>>;
  readonly outputOffset: Readonly<Record<string, number>>;
  /** The WebAssembly SIMD kernels, when this netlist and platform allow them. */
  readonly wasm: WasmKernels | undefined;
  private readonly kernel: KernelFn;
  private activity?: KernelFn;
  private words?: WordsKernelFn;

  constructor(netlist: Netlist, options: CompileOptions = {}) {
    assertValidNetlist(netlist);
    this.netlist = netlist;
    this.inputOffset = offsets(netlist.inputs);
    this.outputOffset = offsets(netlist.outputs);
    this.inputBits = netlist.inputs.reduce((s, p) => s + p.bits.length, 0);
    this.outputBits = netlist.outputs.reduce((s, p) => s + p.bits.length, 0);
    this.kernel = this.isLarge ? compileSlicedKernel(netlist) : compileJsKernel(netlist, 'eval');
    this.wasm = options.wasm === false || this.isLarge ? undefined : WasmKernels.create(netlist);
  }

  get isSequential(): boolean {
    return this.netlist.registers.length > 0;
  }

  /**
   * Netlists with more than LARGE_NETS nets run the sliced kernel (sliced-kernel.ts) instead of
   * one function with a local per net, and the plane path instead of the fused word kernel.
   */
  get isLarge(): boolean {
    return this.netlist.netCount > LARGE_NETS;
  }

  /** Register state for `words·32` instances at reset: every lane holds the register's `init`. */
  resetState(words: number): Int32Array[] {
    return this.netlist.registers.map((r) => new Int32Array(words).fill(r.init ? -1 : 0));
  }

  /**
   * Evaluates a combinational netlist on `words·32` lanes: `inputs[b][w]` is input bit b of
   * lanes 32w..32w+31; results go to `outputs` (preallocated, at least `words` long).
   * Sequential netlists are evaluated with their registers at reset (use `runPlanes` to step).
   */
  evaluatePlanes(
    inputs: readonly Int32Array[],
    outputs: readonly Int32Array[],
    words: number,
  ): void {
    checkPlanes('input', inputs, this.inputBits, words);
    checkPlanes('output', outputs, this.outputBits, words);
    const state = this.isSequential ? this.resetState(words) : [];
    this.kernel(inputs, outputs, state, words, 1);
  }

  /**
   * Runs `cycles` clock cycles of `words·32` instances. Planes are `words·cycles` long, word
   * `t·words + w` holding cycle t of lanes 32w..32w+31. Each cycle: apply inputs, settle, write
   * outputs, clock the registers. `state` (from `resetState`) is updated in place, so long runs
   * can be fed in pieces.
   */
  runPlanes(
    inputs: readonly Int32Array[],
    outputs: readonly Int32Array[],
    state: readonly Int32Array[],
    words: number,
    cycles: number,
  ): void {
    checkPlanes('input', inputs, this.inputBits, words * cycles);
    checkPlanes('output', outputs, this.outputBits, words * cycles);
    checkPlanes('state', state, this.netlist.registers.length, words);
    this.kernel(inputs, outputs, state, words, cycles);
  }

  /** The activity kernel (compiled on first use): see activity.ts. */
  activityKernel(): KernelFn {
    if (this.isLarge) {
      throw new Error(
        `switching activity is limited to netlists of at most ${LARGE_NETS} nets, not ${this.netlist.netCount}`,
      );
    }
    this.activity ??= compileJsKernel(this.netlist, 'activity');
    return this.activity;
  }

  /** The fused JavaScript word-vector kernel (compiled on first use): see words-kernel.ts. */
  wordsKernel(): WordsKernelFn {
    this.words ??= compileWordsKernel(this.netlist);
    return this.words;
  }

  /**
   * Evaluates every vector of `inputs` (one array per input port, all the same length; each
   * value's low `width` bits are used). Every port must be at most 32 bits wide. Outputs of
   * ports narrower than 32 bits are zero-extended, or sign-extended for signed ports; 32-bit
   * outputs are raw bit patterns. `outputs`: optional arrays to write the results into.
   */
  evaluateInt32(
    inputs: Readonly<Record<string, ArrayLike<number>>>,
    outputs?: Readonly<Record<string, Int32Array>>,
  ): Record<string, Int32Array> {
    return evaluateInt32(this, inputs, outputs);
  }

  /** Any width: bigint bit patterns in, unsigned bit patterns of each port's width out. */
  evaluateBigInt(inputs: Readonly<Record<string, readonly bigint[]>>): Record<string, bigint[]> {
    return evaluateBigInt(this, inputs);
  }

  /** `instances` copies from reset, time-major word vectors: see word-vectors.ts. */
  runInt32(
    inputs: Readonly<Record<string, ArrayLike<number>>>,
    instances: number,
  ): Record<string, Int32Array> {
    return runInt32(this, inputs, instances);
  }

  /** Independent instances from reset, one bigint record per cycle: see word-vectors.ts. */
  runBigInt(
    streams: readonly (readonly Readonly<Record<string, bigint>>[])[],
  ): Record<string, bigint>[][] {
    return runBigInt(this, streams);
  }

  /** Number of vectors in `inputs` (every input port needs the same number). */
  vectorCount(inputs: Readonly<Record<string, ArrayLike<unknown>>>): number {
    return vectorCount(this.netlist, inputs);
  }
}

function offsets(ports: readonly Port[]): Record<string, number> {
  const result: Record<string, number> = {};
  let at = 0;
  for (const p of ports) {
    result[p.name] = at;
    at += p.bits.length;
  }
  return result;
}

function checkPlanes(what: string, planes: readonly Int32Array[], bits: number, words: number) {
  if (planes.length !== bits) {
    throw new Error(`${bits} ${what} planes expected, ${planes.length} given`);
  }
  for (const plane of planes) {
    if (plane.length < words) {
      throw new Error(`${what} planes must hold ${words} words, not ${plane.length}`);
    }
  }
}

const cache = new WeakMap<Netlist, CompiledSimulator>();

/** The compiled simulator of `netlist`, compiled on first use and cached per netlist object. */
export function compile(netlist: Netlist): CompiledSimulator {
  let sim = cache.get(netlist);
  if (sim === undefined) {
    sim = new CompiledSimulator(netlist);
    cache.set(netlist, sim);
  }
  return sim;
}

/**
 * The engine's entry point: evaluates a combinational netlist on whole arrays (one Int32Array
 * per input port, ports at most 32 bits wide) with the fastest kernel available (WebAssembly
 * SIMD, else generated JavaScript). Compiled once per netlist object and cached. Pass
 * `outputs` (one array per output port) to reuse result memory across calls.
 */
export function evaluateArrays(
  netlist: Netlist,
  inputs: Readonly<Record<string, ArrayLike<number>>>,
  outputs?: Readonly<Record<string, Int32Array>>,
): Record<string, Int32Array> {
  return compile(netlist).evaluateInt32(inputs, outputs);
}
