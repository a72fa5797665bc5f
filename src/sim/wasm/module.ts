import { PAGE, type WasmApi, wasm } from './api.js';
import { encodeModule, type FunctionDef } from './encode.js';

/**
 * One generated WebAssembly module with its own growable memory: the engine copies operands in,
 * calls an exported function, and reads results out. `create` returns undefined when the
 * platform has no WebAssembly SIMD (the module fails to validate); callers then use the plain
 * JavaScript kernels, which compute the same integers.
 */
export class WasmModule {
  private memory: { buffer: ArrayBuffer; grow(pages: number): number };
  readonly exports: Record<string, (...args: number[]) => void>;

  private constructor(bytes: Uint8Array, api: WasmApi) {
    this.memory = new api.Memory({ initial: 1 });
    const instance = new api.Instance(new api.Module(bytes), { env: { memory: this.memory } });
    this.exports = instance.exports;
  }

  static create(functions: readonly FunctionDef[]): WasmModule | undefined {
    if (!wasm) return undefined;
    const bytes = encodeModule(functions, 1);
    if (!wasm.validate(bytes)) return undefined;
    return new WasmModule(bytes, wasm);
  }

  /** The memory, grown to at least `bytes` bytes (views taken before a grow are detached). */
  buffer(bytes: number): ArrayBuffer {
    const have = this.memory.buffer.byteLength;
    if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / PAGE));
    return this.memory.buffer;
  }
}

/** Rounds up to a multiple of 16 (one v128). */
export function align16(n: number): number {
  return Math.ceil(n / 16) * 16;
}
