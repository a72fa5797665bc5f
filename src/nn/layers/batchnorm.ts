import { type Tensor, tensor } from '../tensor.js';
import { type Buffer, type Layer, type Param, param } from './types.js';

/**
 * BatchNorm over the channel axis of [N, C, H, W] or [N, C] inputs, as PyTorch's BatchNorm1d/2d:
 * training normalises with the batch mean and biased variance and updates
 * running = (1 − 0.1)·running + 0.1·batch (running_var with the unbiased variance, M/(M − 1));
 * eval uses the running statistics. eps = 1e-5. Names: weight (γ), bias (β), running_mean,
 * running_var.
 */
export const BN_MOMENTUM = 0.1;
export const BN_EPS = 1e-5;

export class BatchNorm implements Layer {
  readonly weight: Param;
  readonly bias: Param;
  readonly runningMean: Buffer;
  readonly runningVar: Buffer;
  private xhat = new Float32Array(0);
  private invStd = new Float64Array(0);
  private shape: readonly number[] = [];

  constructor(
    readonly id: string,
    readonly channels: number,
  ) {
    this.weight = param(`${id}.weight`, [channels], new Float32Array(channels).fill(1));
    this.bias = param(`${id}.bias`, [channels], new Float32Array(channels));
    this.runningMean = {
      name: `${id}.running_mean`,
      shape: [channels],
      data: new Float32Array(channels),
    };
    this.runningVar = {
      name: `${id}.running_var`,
      shape: [channels],
      data: new Float32Array(channels).fill(1),
    };
  }

  params(): Param[] {
    return [this.weight, this.bias];
  }

  buffers(): Buffer[] {
    return [this.runningMean, this.runningVar];
  }

  forward(inputs: readonly Tensor[], training: boolean): Tensor {
    const x = inputs[0];
    const n = x.shape[0];
    const c = this.channels;
    const s = x.data.length / (n * c);
    const m = n * s;
    const y = tensor(x.shape);
    const xd = x.data;
    const yd = y.data;
    const gamma = this.weight.data;
    const beta = this.bias.data;
    if (training) {
      if (this.xhat.length !== xd.length) this.xhat = new Float32Array(xd.length);
      if (this.invStd.length !== c) this.invStd = new Float64Array(c);
      this.shape = x.shape;
    }
    for (let ch = 0; ch < c; ch++) {
      let mean: number;
      let invStd: number;
      if (training) {
        let sum = 0;
        for (let b = 0; b < n; b++) {
          const o = (b * c + ch) * s;
          for (let i = 0; i < s; i++) sum += xd[o + i];
        }
        mean = sum / m;
        let sq = 0;
        for (let b = 0; b < n; b++) {
          const o = (b * c + ch) * s;
          for (let i = 0; i < s; i++) {
            const d = xd[o + i] - mean;
            sq += d * d;
          }
        }
        const variance = sq / m;
        invStd = 1 / Math.sqrt(variance + BN_EPS);
        this.invStd[ch] = invStd;
        const unbiased = m > 1 ? sq / (m - 1) : variance;
        this.runningMean.data[ch] =
          (1 - BN_MOMENTUM) * this.runningMean.data[ch] + BN_MOMENTUM * mean;
        this.runningVar.data[ch] =
          (1 - BN_MOMENTUM) * this.runningVar.data[ch] + BN_MOMENTUM * unbiased;
      } else {
        mean = this.runningMean.data[ch];
        invStd = 1 / Math.sqrt(this.runningVar.data[ch] + BN_EPS);
      }
      const g = gamma[ch];
      const bt = beta[ch];
      for (let b = 0; b < n; b++) {
        const o = (b * c + ch) * s;
        for (let i = 0; i < s; i++) {
          const h = (xd[o + i] - mean) * invStd;
          if (training) this.xhat[o + i] = h;
          yd[o + i] = h * g + bt;
        }
      }
    }
    return y;
  }

  /** dx = γ·invStd/M·(M·dy − Σdy − x̂·Σ(dy·x̂)); dγ = Σ dy·x̂; dβ = Σ dy. */
  backward(grad: Tensor): Tensor[] {
    const n = this.shape[0];
    const c = this.channels;
    const gd = grad.data;
    const s = gd.length / (n * c);
    const m = n * s;
    const dx = tensor(this.shape);
    const dd = dx.data;
    const xhat = this.xhat;
    for (let ch = 0; ch < c; ch++) {
      let sumDy = 0;
      let sumDyX = 0;
      for (let b = 0; b < n; b++) {
        const o = (b * c + ch) * s;
        for (let i = 0; i < s; i++) {
          sumDy += gd[o + i];
          sumDyX += gd[o + i] * xhat[o + i];
        }
      }
      this.weight.grad[ch] = sumDyX;
      this.bias.grad[ch] = sumDy;
      const k = (this.weight.data[ch] * this.invStd[ch]) / m;
      for (let b = 0; b < n; b++) {
        const o = (b * c + ch) * s;
        for (let i = 0; i < s; i++) dd[o + i] = k * (m * gd[o + i] - sumDy - xhat[o + i] * sumDyX);
      }
    }
    return [dx];
  }
}
