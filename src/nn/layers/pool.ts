import type { NodeWindow } from '../graph.js';
import { type Tensor, tensor } from '../tensor.js';
import type { Buffer, Layer, Param } from './types.js';

/**
 * Pooling over [N, C, H, W]: output size floor((H + 2·pad − k)/stride) + 1.
 * MaxPool pads with −∞ and routes the gradient to the first maximum of each window (PyTorch's
 * tie rule). AvgPool divides by k² including padded taps (PyTorch count_include_pad = true).
 * Global average pooling is AvgPool over the whole map, giving [N, C, 1, 1].
 * `window`, when given, replaces kernel, stride and padding: a kh×kw window with its own
 * strides and padding per side (pads beyond the input only shorten the output).
 */
export class Pool implements Layer {
  private argmax = new Int32Array(0);
  private inShape: readonly number[] = [];

  constructor(
    readonly mode: 'max' | 'avg' | 'global',
    readonly kernel = 0,
    readonly stride = kernel,
    readonly pad = 0,
    readonly window?: NodeWindow,
  ) {}

  params(): Param[] {
    return [];
  }
  buffers(): Buffer[] {
    return [];
  }

  private geometry(shape: readonly number[]) {
    const [n, c, h, w] = shape;
    if (this.mode === 'global') {
      return { n, c, h, w, k: h, kw: w, s: 1, sw: 1, pad: 0, left: 0, ho: 1, wo: 1 };
    }
    const win = this.window;
    if (win) {
      const ho = Math.floor((h + win.top + win.bottom - win.kernelH) / win.strideH) + 1;
      const wo = Math.floor((w + win.left + win.right - win.kernelW) / win.strideW) + 1;
      const { kernelH: k, kernelW: kw, strideH: s, strideW: sw, top: pad, left } = win;
      return { n, c, h, w, k, kw, s, sw, pad, left, ho, wo };
    }
    const { kernel: k, stride: s, pad } = this;
    const ho = Math.floor((h + 2 * pad - k) / s) + 1;
    const wo = Math.floor((w + 2 * pad - k) / s) + 1;
    return { n, c, h, w, k, kw: k, s, sw: s, pad, left: pad, ho, wo };
  }

  forward(inputs: readonly Tensor[], training: boolean): Tensor {
    const x = inputs[0];
    const { n, c, h, w, k, kw, s, sw, pad, left, ho, wo } = this.geometry(x.shape);
    const y = tensor([n, c, ho, wo]);
    const max = this.mode === 'max';
    if (max && training && this.argmax.length !== y.data.length) {
      this.argmax = new Int32Array(y.data.length);
    }
    this.inShape = x.shape;
    const area = k * kw;
    let out = 0;
    for (let plane = 0; plane < n * c; plane++) {
      const base = plane * h * w;
      for (let oy = 0; oy < ho; oy++) {
        for (let ox = 0; ox < wo; ox++, out++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          let sum = 0;
          for (let i = 0; i < k; i++) {
            const yy = oy * s + i - pad;
            if (yy < 0 || yy >= h) continue;
            for (let j = 0; j < kw; j++) {
              const xx = ox * sw + j - left;
              if (xx < 0 || xx >= w) continue;
              const v = x.data[base + yy * w + xx];
              sum += v;
              if (v > best) {
                best = v;
                at = base + yy * w + xx;
              }
            }
          }
          if (max) {
            y.data[out] = best;
            if (training) this.argmax[out] = at;
          } else {
            y.data[out] = sum / area;
          }
        }
      }
    }
    return y;
  }

  backward(grad: Tensor): Tensor[] {
    const dx = tensor(this.inShape);
    if (this.mode === 'max') {
      for (let i = 0; i < grad.data.length; i++) dx.data[this.argmax[i]] += grad.data[i];
      return [dx];
    }
    const { n, c, h, w, k, kw, s, sw, pad, left, ho, wo } = this.geometry(this.inShape);
    const area = k * kw;
    let out = 0;
    for (let plane = 0; plane < n * c; plane++) {
      const base = plane * h * w;
      for (let oy = 0; oy < ho; oy++) {
        for (let ox = 0; ox < wo; ox++, out++) {
          const g = grad.data[out] / area;
          for (let i = 0; i < k; i++) {
            const yy = oy * s + i - pad;
            if (yy < 0 || yy >= h) continue;
            for (let j = 0; j < kw; j++) {
              const xx = ox * sw + j - left;
              if (xx >= 0 && xx < w) dx.data[base + yy * w + xx] += g;
            }
          }
        }
      }
    }
    return [dx];
  }
}
