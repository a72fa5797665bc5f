import { InputError } from '../../errors.js';
import type { LayerKind, NodeWindow } from '../graph.js';
import { adderBackward, adderForward } from '../kernels/adder.js';
import { type ConvGeometry, col2im, convGeometry, im2col } from '../kernels/im2col.js';
import { multiplyBackward, multiplyForward } from '../kernels/multiply.js';
import { type Tensor, tensor } from '../tensor.js';
import { type Buffer, type Layer, type Param, param } from './types.js';

/**
 * Convolution and linear layers in their three kinds, on the patch-matrix kernels:
 * - multiply: y = Σ w·x (+ bias) — Conv2d / Linear;
 * - adder:    y = −Σ |x − w| — AdderConv2d / adder Linear, official AdderNet gradients
 *   (dW = Σ(x − w)·g, dx = Σ HardTanh(w − x)·g); the optimizer adds the adaptive scaling;
 * - binary:   y = α_o·Σ sign(w)·sign(x), α_o = mean|w[o]| — BinaryConv2d / binary Linear.
 *   Straight-through estimators: dx = (Σ α_o·sign(w)·g)·[|x| ≤ 1]; dw = dL/d(α·sign(w)) passed
 *   unchanged (α treated as a constant). sign(0) = +1; padded taps read 0 (not ±1), since the
 *   input is binarised before padding.
 * A linear layer is the P = 1 case: its input rows are the patch rows, no im2col.
 * A grouped (depthwise) convolution runs the same kernels once per group on that group's
 * channels, into a scratch output copied to its channels; it runs forward only (no network
 * addersim trains has one).
 */
export interface WeightLayerSpec {
  readonly id: string;
  readonly kind: LayerKind;
  readonly inChannels: number;
  readonly outChannels: number;
  /** Present for convolution: a square window, or any window (graph.ts windowOf). */
  readonly conv?: SquareWindow | NodeWindow;
  readonly bias: boolean;
  /** False when the input is the network input: backward then skips dx (and col2im). */
  readonly inputGrad?: boolean;
}

interface SquareWindow {
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
}

function resolveWindow(conv: SquareWindow | NodeWindow | undefined): NodeWindow | undefined {
  if (conv === undefined || !('kernel' in conv)) return conv;
  const { kernel, stride, padding: p } = conv;
  return {
    kernelH: kernel,
    kernelW: kernel,
    strideH: stride,
    strideW: stride,
    top: p,
    left: p,
    bottom: p,
    right: p,
    groups: 1,
  };
}

export class WeightLayer implements Layer {
  readonly weight: Param;
  readonly bias: Param | undefined;
  private readonly r: number;
  private readonly window: NodeWindow | undefined;
  private geometry: ConvGeometry | undefined;
  private cols: Float32Array = new Float32Array(0);
  private dcols: Float32Array = new Float32Array(0);
  private input: Tensor | undefined;
  private effective = new Float32Array(0);
  private readonly dW: Float64Array;
  private readonly dB: Float64Array | undefined;

  constructor(readonly spec: WeightLayerSpec) {
    this.window = resolveWindow(spec.conv);
    const groups = this.window?.groups ?? 1;
    const kh = this.window?.kernelH ?? 1;
    const kw = this.window?.kernelW ?? 1;
    this.r = (spec.inChannels / groups) * kh * kw;
    const shape = spec.conv
      ? [spec.outChannels, spec.inChannels / groups, kh, kw]
      : [spec.outChannels, spec.inChannels];
    this.weight = param(
      `${spec.id}.weight`,
      shape,
      new Float32Array(spec.outChannels * this.r),
      spec.kind === 'adder',
    );
    this.bias = spec.bias
      ? param(`${spec.id}.bias`, [spec.outChannels], new Float32Array(spec.outChannels))
      : undefined;
    this.dW = new Float64Array(this.weight.data.length);
    this.dB = spec.bias ? new Float64Array(spec.outChannels) : undefined;
  }

  params(): Param[] {
    return this.bias ? [this.weight, this.bias] : [this.weight];
  }

  buffers(): Buffer[] {
    return [];
  }

  forward(inputs: readonly Tensor[], training: boolean): Tensor {
    const x = inputs[0];
    const { spec, r } = this;
    const o = spec.outChannels;
    const n = x.shape[0];
    const src = spec.kind === 'binary' ? binarise(x.data) : x.data;
    let cols: Float32Array;
    let p: number;
    let outShape: number[];
    const window = this.window;
    if (window && window.groups > 1) return this.groupedForward(src, x.shape, window);
    if (window) {
      const g = convGeometry(x.shape, window);
      this.geometry = g;
      p = g.ho * g.wo;
      if (this.cols.length !== n * p * r) this.cols = new Float32Array(n * p * r);
      cols = this.cols;
      im2col(src, g, cols);
      outShape = [n, o, g.ho, g.wo];
    } else {
      cols = src;
      p = 1;
      outShape = [n, o];
    }
    const y = tensor(outShape);
    const q = n * p;
    if (spec.kind === 'adder') {
      adderForward(cols, this.weight.data, q, r, o, p, y.data);
      if (this.bias) addBias(y.data, this.bias.data, n, o, p);
    } else {
      const w = spec.kind === 'binary' ? this.binaryWeights() : this.weight.data;
      multiplyForward(cols, w, this.bias?.data, q, r, o, p, y.data);
    }
    if (training) {
      this.input = x;
      if (!spec.conv) this.cols = cols;
    }
    return y;
  }

  /**
   * Forward of a grouped convolution: group k reads input channels [k·c, (k+1)·c) and writes
   * output channels [k·m, (k+1)·m), m = out / groups. Cost as the ungrouped layer's, in
   * `groups` calls of the same kernels.
   */
  private groupedForward(src: Float32Array, shape: readonly number[], window: NodeWindow): Tensor {
    const { spec, r } = this;
    const g = convGeometry(shape, window);
    const n = g.n;
    const p = g.ho * g.wo;
    const m = spec.outChannels / window.groups;
    const cols = new Float32Array(n * p * r);
    const part = new Float32Array(n * m * p);
    const y = tensor([n, spec.outChannels, g.ho, g.wo]);
    const w = spec.kind === 'binary' ? this.binaryWeights() : this.weight.data;
    for (let k = 0; k < window.groups; k++) {
      im2col(src, g, cols, k * g.c);
      const wk = w.subarray(k * m * r, (k + 1) * m * r);
      const bk = this.bias?.data.subarray(k * m, (k + 1) * m);
      if (spec.kind === 'adder') {
        adderForward(cols, wk, n * p, r, m, p, part);
        if (bk) addBias(part, bk, n, m, p);
      } else {
        multiplyForward(cols, wk, bk, n * p, r, m, p, part);
      }
      for (let b = 0; b < n; b++) {
        y.data.set(part.subarray(b * m * p, (b + 1) * m * p), (b * spec.outChannels + k * m) * p);
      }
    }
    return y;
  }

  backward(grad: Tensor): Tensor[] {
    const x = this.input;
    if ((this.window?.groups ?? 1) > 1) {
      throw new InputError(`${this.spec.id}: a grouped convolution cannot be trained`);
    }
    if (!x) throw new Error(`${this.spec.id}: backward before a training forward`);
    const { spec, r, dW, dB } = this;
    const o = spec.outChannels;
    const n = x.shape[0];
    const p = spec.conv && this.geometry ? this.geometry.ho * this.geometry.wo : 1;
    const q = n * p;
    dW.fill(0);
    dB?.fill(0);
    const wantDx = spec.inputGrad !== false;
    const dx = tensor(wantDx ? x.shape : [0]);
    const dcols = !wantDx ? undefined : spec.conv ? this.dcolsBuffer(q * r) : dx.data;
    if (spec.kind === 'adder') {
      adderBackward(this.cols, this.weight.data, grad.data, q, r, o, p, dW, dcols);
      if (dB) sumBias(grad.data, dB, n, o, p);
    } else {
      const w = spec.kind === 'binary' ? this.effective : this.weight.data;
      multiplyBackward(this.cols, w, grad.data, q, r, o, p, dW, dB, dcols);
    }
    if (dcols && spec.conv && this.geometry) col2im(dcols, this.geometry, dx.data);
    if (wantDx && spec.kind === 'binary') {
      const xs = x.data;
      const d = dx.data;
      for (let i = 0; i < d.length; i++) if (Math.abs(xs[i]) > 1) d[i] = 0;
    }
    const wg = this.weight.grad;
    for (let i = 0; i < wg.length; i++) wg[i] = dW[i];
    if (this.bias && dB) for (let i = 0; i < o; i++) this.bias.grad[i] = dB[i];
    return wantDx ? [dx] : [];
  }

  /** α_o·sign(w[o, ·]) with α_o = mean|w[o, ·]|, kept for backward. */
  private binaryWeights(): Float32Array {
    const w = this.weight.data;
    const { r } = this;
    if (this.effective.length !== w.length) this.effective = new Float32Array(w.length);
    const e = this.effective;
    for (let ch = 0; ch < this.spec.outChannels; ch++) {
      let s = 0;
      for (let i = 0; i < r; i++) s += Math.abs(w[ch * r + i]);
      const alpha = s / r;
      for (let i = 0; i < r; i++) e[ch * r + i] = w[ch * r + i] >= 0 ? alpha : -alpha;
    }
    return e;
  }

  private dcolsBuffer(size: number): Float32Array {
    if (this.dcols.length !== size) this.dcols = new Float32Array(size);
    return this.dcols;
  }
}

/** y[n, o, p] += bias[o] (adder layers: the kernel has no bias term). */
function addBias(y: Float32Array, bias: Float32Array, n: number, o: number, p: number): void {
  for (let b = 0; b < n; b++)
    for (let ch = 0; ch < o; ch++) {
      const base = (b * o + ch) * p;
      for (let i = 0; i < p; i++) y[base + i] += bias[ch];
    }
}

/** dBias[o] += Σ_{n,p} g[n, o, p]. */
function sumBias(g: Float32Array, dB: Float64Array, n: number, o: number, p: number): void {
  for (let b = 0; b < n; b++)
    for (let ch = 0; ch < o; ch++) {
      const base = (b * o + ch) * p;
      for (let i = 0; i < p; i++) dB[ch] += g[base + i];
    }
}

/** sign(x) with sign(0) = +1, as ±1 floats. */
export function binarise(x: Float32Array): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] >= 0 ? 1 : -1;
  return out;
}
