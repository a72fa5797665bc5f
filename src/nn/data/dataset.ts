import type { Tensor } from '../tensor.js';
import { tensor } from '../tensor.js';

/**
 * An image classification set held as its raw bytes (exactly what the files store, 8 bits per
 * pixel, [count, C, H, W]) and labels. Networks see normalised floats:
 *   x = (byte/255 − mean[c]) / std[c]
 * with the dataset's usual per-channel statistics (MNIST: mean 0.1307, std 0.3081 — the
 * training-set values used by PyTorch's examples and AdderNet; CIFAR-10: mean
 * 0.4914/0.4822/0.4465, std 0.2470/0.2435/0.2616).
 */
export interface Dataset {
  readonly name: 'mnist' | 'cifar10';
  readonly split: 'train' | 'test';
  /** Raw pixel bytes, [count, C, H, W]. */
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  /** [C, H, W] of one image. */
  readonly shape: readonly [number, number, number];
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** The normalised float of each byte value per channel: table[c·256 + byte]. */
export function normalisationTable(ds: Pick<Dataset, 'mean' | 'std'>): Float32Array {
  const table = new Float32Array(ds.mean.length * 256);
  for (let c = 0; c < ds.mean.length; c++) {
    for (let v = 0; v < 256; v++) table[c * 256 + v] = (v / 255 - ds.mean[c]) / ds.std[c];
  }
  return table;
}

/** Normalises raw bytes of images [.., C, H, W] into floats (the function networks expect). */
export function normalise(
  ds: Pick<Dataset, 'mean' | 'std' | 'shape'>,
  bytes: Uint8Array,
  out = new Float32Array(bytes.length),
): Float32Array {
  const table = normalisationTable(ds);
  const plane = ds.shape[1] * ds.shape[2];
  const c = ds.shape[0];
  for (let i = 0; i < bytes.length; i++) {
    out[i] = table[(((i / plane) | 0) % c) * 256 + bytes[i]];
  }
  return out;
}

/**
 * A batch of normalised images and their labels, images picked by `order[start..end)`.
 * `shift` (optional) moves image b by (dy, dx) = shift[2b], shift[2b+1] pixels, filling with
 * the value of a zero byte (random-shift augmentation).
 */
export function makeBatch(
  ds: Dataset,
  order: ArrayLike<number>,
  start: number,
  end: number,
  table = normalisationTable(ds),
  shift?: Int8Array,
): { x: Tensor; labels: Uint8Array } {
  const [c, h, w] = ds.shape;
  const n = end - start;
  const size = c * h * w;
  const x = tensor([n, c, h, w]);
  const labels = new Uint8Array(n);
  for (let b = 0; b < n; b++) {
    const idx = order[start + b];
    labels[b] = ds.labels[idx];
    const src = idx * size;
    const dst = b * size;
    const dy = shift ? shift[2 * b] : 0;
    const dx = shift ? shift[2 * b + 1] : 0;
    for (let ch = 0; ch < c; ch++) {
      const t = ch * 256;
      for (let y = 0; y < h; y++) {
        const sy = y - dy;
        for (let xx = 0; xx < w; xx++) {
          const sx = xx - dx;
          const inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
          const v = inside ? ds.images[src + (ch * h + sy) * w + sx] : 0;
          x.data[dst + (ch * h + y) * w + xx] = table[t + v];
        }
      }
    }
  }
  return { x, labels };
}
