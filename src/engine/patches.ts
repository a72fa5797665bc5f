import type { WeightNode } from '../quant/graph.js';
import type { IntTensor } from './tensor.js';

/**
 * im2col for integer codes: row q = image·P + output pixel holds the K operands of that
 * output's window (columns r = (c·k + i)·k + j, the flattened weight order), zero where the
 * window reads padding. A linear layer's rows are its inputs as they are. `stride` ≥ K is the
 * row pitch (the SIMD kernels pad rows to 16 bytes; the padding stays zero, and a zero operand
 * against a zero weight adds nothing to either kernel). Cost: images·P·K copies.
 */
export function fillPatches(
  node: WeightNode,
  x: IntTensor,
  plane: number,
  out: Int32Array | Uint8Array | Int8Array,
  stride: number,
): void {
  im2colInt32(node, x, plane, out, stride);
}

const scratch = new WeakMap<WeightNode, Map<string, Int32Array | Uint8Array | Int8Array>>();

/**
 * A zeroed row buffer of `length` values for this node, plane and type, reused across batches:
 * every batch writes the same (in-range) positions, and padding positions are never written,
 * so they stay zero. Allocating fresh buffers of tens of megabytes per batch costs more in page
 * faults than the im2col itself.
 */
export function patchBuffer<T extends Int32Array | Uint8Array | Int8Array>(
  node: WeightNode,
  plane: number,
  make: (n: number) => T,
  length: number,
): T {
  let byNode = scratch.get(node);
  if (!byNode) {
    byNode = new Map();
    scratch.set(node, byNode);
  }
  const key = `${plane}/${make(0).constructor.name}`;
  let buf = byNode.get(key) as T | undefined;
  if (!buf || buf.length < length) {
    buf = make(length);
    byNode.set(key, buf);
  }
  return buf.subarray(0, length) as T;
}

function im2colInt32(
  node: WeightNode,
  x: IntTensor,
  plane: number,
  out: Int32Array | Uint8Array | Int8Array,
  stride: number,
): void {
  const n = x.images;
  const inSize = x.data.length / (n * x.planes);
  const base = plane * n * inSize;
  if (!(x.data instanceof Int32Array)) throw new Error(`${node.id}: operands must be codes`);
  const src = x.data;
  if (!node.conv) {
    const k = node.taps;
    for (let b = 0; b < n; b++) {
      const from = base + b * inSize;
      for (let r = 0; r < k; r++) out[b * stride + r] = src[from + r];
    }
    return;
  }
  const [c, h, w] = node.inShape;
  const { kernel: k, stride: s, padding: pad } = node.conv;
  const [, ho, wo] = node.shape;
  const p = ho * wo;
  // Column-major fill: for each image and window offset (channel, i, j), one pass over the
  // output positions, reading the input row contiguously (long inner loops, no per-tap branch
  // inside the valid range).
  for (let b = 0; b < n; b++) {
    const xb = base + b * inSize;
    const rowBase = b * p * stride;
    for (let ch = 0; ch < c; ch++) {
      const xc = xb + ch * h * w;
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          const col = (ch * k + i) * k + j;
          // Output columns ox whose input column ox·s + j − pad lies inside [0, w).
          const oxLo = Math.max(0, Math.ceil((pad - j) / s));
          const oxHi = Math.min(wo, Math.floor((w - 1 + pad - j) / s) + 1);
          for (let oy = 0; oy < ho; oy++) {
            const y = oy * s + i - pad;
            if (y < 0 || y >= h) continue; // padding rows stay zero
            const xr = xc + y * w + j - pad;
            let at = rowBase + (oy * wo + oxLo) * stride + col;
            for (let ox = oxLo; ox < oxHi; ox++, at += stride) out[at] = src[xr + ox * s];
          }
        }
      }
    }
  }
}

/** Rows (images · output pixels) of a weight layer on `images` images. */
export function patchRows(node: WeightNode, images: number): number {
  return images * node.pixels;
}

/**
 * Output channels reading each input plane (a grouped adder layer's groups), in channel order.
 */
export function channelsByPlane(node: WeightNode, planes: number): number[][] {
  const groups: number[][] = Array.from({ length: planes }, () => []);
  for (let o = 0; o < node.outChannels; o++) groups[node.channelPlane[o]].push(o);
  return groups;
}
