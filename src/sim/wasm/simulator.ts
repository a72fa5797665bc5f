import type { Netlist } from '../../ir/netlist.js';
import { PAGE, type WasmApi, wasm } from './api.js';
import { encodeModule } from './encode.js';
import { CHUNK, planesFunction, wordsFunction } from './kernels.js';

/** V8 refuses functions with more than 50,000 locals; stay below with a margin. */
const MAX_LOCALS = 45_000;

/**
 * The WebAssembly SIMD backend of the compiled simulator, for combinational netlists: the
 * fused word-vector kernel (128 vectors per loop iteration) and the bit-plane kernel. Created
 * by `WasmKernels.create`, which returns undefined when WebAssembly SIMD is unavailable or the
 * netlist is too large for one function (the JavaScript kernels then do the work).
 *
 * Word vectors are copied into the module's memory CHUNK (4096) vectors at a time, so the data
 * stays in cache; the copy costs far less than the transposes it feeds.
 */
export class WasmKernels {
  private readonly memory: { buffer: ArrayBuffer; grow(pages: number): number };
  private readonly words: (inPtr: number, outPtr: number, groups: number) => void;
  private readonly planes: (inPtr: number, outPtr: number, groups: number) => void;
  private readonly inPorts: number;
  private readonly outPorts: number;

  private constructor(
    readonly netlist: Netlist,
    bytes: Uint8Array,
    api: WasmApi,
  ) {
    this.inPorts = netlist.inputs.length;
    this.outPorts = netlist.outputs.length;
    const pages = Math.ceil(((this.inPorts + this.outPorts) * CHUNK * 4) / PAGE) + 1;
    this.memory = new api.Memory({ initial: pages });
    const instance = new api.Instance(new api.Module(bytes), { env: { memory: this.memory } });
    this.words = instance.exports.words;
    this.planes = instance.exports.planes;
  }

  static create(netlist: Netlist): WasmKernels | undefined {
    if (!wasm || netlist.registers.length > 0) return undefined;
    if ([...netlist.inputs, ...netlist.outputs].some((p) => p.bits.length > 32)) return undefined;
    if (netlist.netCount > MAX_LOCALS) return undefined;
    const functions = [planesFunction(netlist), wordsFunction(netlist)];
    const localCount = Math.max(...functions.map((f) => f.locals.reduce((s, l) => s + l.count, 0)));
    if (localCount > MAX_LOCALS) return undefined;
    const bytes = encodeModule(functions, 1);
    if (!wasm.validate(bytes)) return undefined;
    return new WasmKernels(netlist, bytes, wasm);
  }

  /**
   * Evaluates `count` vectors: `values[p]` holds input port p's values (declaration order),
   * results come back one Int32Array per output port (zero- or sign-extended like the
   * JavaScript path), written into `results` when given.
   */
  evaluateWords(
    values: readonly ArrayLike<number>[],
    count: number,
    results: Int32Array[] = Array.from({ length: this.outPorts }, () => new Int32Array(count)),
  ): Int32Array[] {
    const heap = new Int32Array(this.memory.buffer);
    const outBase = this.inPorts * CHUNK;
    for (let start = 0; start < count; start += CHUNK) {
      const n = Math.min(CHUNK, count - start);
      values.forEach((v, p) => {
        const at = p * CHUNK;
        if (v instanceof Int32Array || v instanceof Uint32Array) {
          heap.set(v.subarray(start, start + n), at);
        } else {
          for (let i = 0; i < n; i++) heap[at + i] = v[start + i];
        }
      });
      this.words(0, outBase * 4, Math.ceil(n / 128));
      results.forEach((r, q) => {
        const at = outBase + q * CHUNK;
        r.set(heap.subarray(at, at + n), start);
      });
    }
    return results;
  }

  /**
   * Bit-plane buffers for `groups` groups of 128 lanes, in the interleaved layout of the
   * `planes` kernel: input bit b of group k is `input[(k·inputBits + b)·4 + j]`, j = 0..3 the
   * 32-lane words. Views into the module memory: valid until the next call that grows it.
   */
  planeBuffers(
    groups: number,
    inputBits: number,
    outputBits: number,
  ): { input: Int32Array; output: Int32Array } {
    const inWords = groups * inputBits * 4;
    const outWords = groups * outputBits * 4;
    const bytes = (inWords + outWords) * 4;
    const have = this.memory.buffer.byteLength;
    if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / PAGE));
    return {
      input: new Int32Array(this.memory.buffer, 0, inWords),
      output: new Int32Array(this.memory.buffer, inWords * 4, outWords),
    };
  }

  /** Runs the bit-plane kernel on the buffers `planeBuffers(groups, ...)` returned. */
  evaluatePlaneBuffers(groups: number, inputBits: number): void {
    this.planes(0, groups * inputBits * 16, groups);
  }
}
