import { WasmModule } from '../sim/wasm/module.js';
import { dotFunction, sadFunction } from './wasm/kernels.js';

/**
 * The inner loops of weight layers on operand rows (see patches.ts): for `rows` rows of x and
 * `n4` weight rows (a multiple of 4; padding rows are zero), both `kp` values apart,
 *   out[q·n4 + o] = Σ_r f(x[q·kp + r], w[o·kp + r])
 * with f = |x − w| (sad) or x·w (dot). Each comes as WebAssembly SIMD for byte operands
 * (wasm/kernels.ts) and as plain JavaScript for any operands; the two give the same integers
 * (tested), so the engine picks the SIMD path whenever operands fit a byte.
 */

let module: WasmModule | null | undefined;

function simdModule(): WasmModule | undefined {
  if (module === undefined) module = WasmModule.create([sadFunction(), dotFunction()]) ?? null;
  return module ?? undefined;
}

/** Whether the WebAssembly SIMD kernels are available on this platform. */
export function simdAvailable(): boolean {
  return simdModule() !== undefined;
}

/** Rows per WebAssembly call: operands and results of one chunk stay in cache-sized memory. */
const CHUNK_ROWS = 2048;

function runSimd(
  name: 'sad' | 'dot',
  x: Uint8Array | Int8Array,
  w: Uint8Array | Int8Array,
  rows: number,
  kp: number,
  n4: number,
  out: Int32Array,
): void {
  const m = simdModule() as WasmModule;
  const fn = m.exports[name];
  const wBytes = n4 * kp;
  const chunk = Math.min(rows, CHUNK_ROWS);
  const xAt = wBytes;
  const outAt = xAt + chunk * kp;
  let buffer = m.buffer(outAt + chunk * n4 * 4);
  new Uint8Array(buffer, 0, wBytes).set(new Uint8Array(w.buffer, w.byteOffset, wBytes));
  for (let q0 = 0; q0 < rows; q0 += chunk) {
    const n = Math.min(chunk, rows - q0);
    buffer = m.buffer(outAt + chunk * n4 * 4);
    new Uint8Array(buffer, xAt, n * kp).set(
      new Uint8Array(x.buffer, x.byteOffset + q0 * kp, n * kp),
    );
    fn(xAt, 0, outAt, n, kp, n4 / 4);
    out.set(new Int32Array(buffer, outAt, n * n4), q0 * n4);
  }
}

export function sadRows(
  x: Uint8Array,
  w: Uint8Array,
  rows: number,
  kp: number,
  n4: number,
  out: Int32Array,
  simd = true,
): void {
  if (simd && simdModule() && kp % 16 === 0) runSimd('sad', x, w, rows, kp, n4, out);
  else sadRowsJs(x, w, rows, kp, n4, out);
}

export function dotRows(
  x: Int8Array,
  w: Int8Array,
  rows: number,
  kp: number,
  n4: number,
  out: Int32Array,
  simd = true,
): void {
  if (simd && simdModule() && kp % 16 === 0) runSimd('dot', x, w, rows, kp, n4, out);
  else dotRowsJs(x, w, rows, kp, n4, out);
}

/** Plain JavaScript |x − w| sums, 4 channels per pass over the row; any integer operands. */
export function sadRowsJs(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  rows: number,
  kp: number,
  n4: number,
  out: Int32Array | Float64Array,
): void {
  for (let q = 0; q < rows; q++) {
    const xo = q * kp;
    for (let o = 0; o < n4; o += 4) {
      const w0 = o * kp;
      const w1 = w0 + kp;
      const w2 = w1 + kp;
      const w3 = w2 + kp;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let r = 0; r < kp; r++) {
        const v = x[xo + r];
        s0 += Math.abs(v - w[w0 + r]);
        s1 += Math.abs(v - w[w1 + r]);
        s2 += Math.abs(v - w[w2 + r]);
        s3 += Math.abs(v - w[w3 + r]);
      }
      const at = q * n4 + o;
      out[at] = s0;
      out[at + 1] = s1;
      out[at + 2] = s2;
      out[at + 3] = s3;
    }
  }
}

/** Plain JavaScript dot products, 4 channels per pass; exact while sums stay below 2^53. */
export function dotRowsJs(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  rows: number,
  kp: number,
  n4: number,
  out: Int32Array | Float64Array,
): void {
  for (let q = 0; q < rows; q++) {
    const xo = q * kp;
    for (let o = 0; o < n4; o += 4) {
      const w0 = o * kp;
      const w1 = w0 + kp;
      const w2 = w1 + kp;
      const w3 = w2 + kp;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let r = 0; r < kp; r++) {
        const v = x[xo + r];
        s0 += v * w[w0 + r];
        s1 += v * w[w1 + r];
        s2 += v * w[w2 + r];
        s3 += v * w[w3 + r];
      }
      const at = q * n4 + o;
      out[at] = s0;
      out[at + 1] = s1;
      out[at + 2] = s2;
      out[at + 3] = s3;
    }
  }
}
