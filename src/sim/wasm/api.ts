/** The part of the WebAssembly JS API used here (the project's lib settings do not declare it). */
export interface WasmApi {
  Memory: new (d: { initial: number }) => { buffer: ArrayBuffer; grow(pages: number): number };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    m: object,
    imports: object,
  ) => { exports: Record<string, (...args: number[]) => void> };
  validate(bytes: Uint8Array): boolean;
}

/** The platform's WebAssembly object, or undefined where there is none. */
export const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** Bytes in one WebAssembly memory page. */
export const PAGE = 65536;
