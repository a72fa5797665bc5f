import { describe, expect, it } from 'vitest';
import { BatchNorm } from '../../src/nn/layers/batchnorm.js';
import { Add, Flatten, HardTanh, ReLU } from '../../src/nn/layers/elementwise.js';
import { Pool } from '../../src/nn/layers/pool.js';
import type { Layer } from '../../src/nn/layers/types.js';
import { WeightLayer } from '../../src/nn/layers/weighted.js';
import { Rng } from '../../src/nn/rng.js';
import type { Tensor } from '../../src/nn/tensor.js';
import { closeness, numericGradient, randomTensor } from './helpers.js';

/**
 * Layers whose backward is the true derivative, checked against central finite differences
 * of L = Σ y·c (c random): the analytic dL/dx and dL/dθ must match.
 */
function checkLayer(layer: Layer, inputs: Tensor[], seed: number) {
  const y = layer.forward(inputs, true);
  const c = randomTensor([...y.shape], seed);
  const grads = layer.backward(c);
  const analytic = layer.params().map((p) => Float64Array.from(p.grad));
  inputs.forEach((x, k) => {
    const numeric = numericGradient(layer, inputs, c, x.data);
    expect(closeness(grads[k].data, numeric)).toBeLessThanOrEqual(1);
  });
  layer.params().forEach((p, k) => {
    const numeric = numericGradient(layer, inputs, c, p.data);
    expect(closeness(analytic[k], numeric)).toBeLessThanOrEqual(1);
  });
}

describe('backward against finite differences', () => {
  it.each([
    { stride: 1, pad: 1, bias: true },
    { stride: 2, pad: 0, bias: false },
    { stride: 2, pad: 2, bias: true },
  ])('Conv2d %o', (o) => {
    const layer = new WeightLayer({
      id: 'c',
      kind: 'multiply',
      inChannels: 2,
      outChannels: 5,
      conv: { kernel: 3, stride: o.stride, padding: o.pad },
      bias: o.bias,
    });
    layer.weight.data.set(randomTensor([90], 11).data);
    if (layer.bias) layer.bias.data.set(randomTensor([5], 12).data);
    checkLayer(layer, [randomTensor([2, 2, 5, 6], 13)], 14);
  });

  it('Linear with bias', () => {
    const layer = new WeightLayer({
      id: 'l',
      kind: 'multiply',
      inChannels: 7,
      outChannels: 6,
      bias: true,
    });
    layer.weight.data.set(randomTensor([42], 21).data);
    layer.bias!.data.set(randomTensor([6], 22).data);
    checkLayer(layer, [randomTensor([3, 7], 23)], 24);
  });

  it.each([
    [4, 3, 2, 2],
    [5, 6],
  ])('BatchNorm in training mode, input [%i, %i, ...]', (...shape) => {
    const layer = new BatchNorm('bn', shape[1]);
    layer.weight.data.set(randomTensor([shape[1]], 31, 0.5, 1.5).data);
    layer.bias.data.set(randomTensor([shape[1]], 32).data);
    checkLayer(layer, [randomTensor(shape, 33, -2, 2)], 34);
  });

  it('MaxPool, AvgPool (padded) and global average pool', () => {
    // Distinct values 0.05 apart, so a ±0.01 probe never changes which tap is the maximum.
    const spaced = randomTensor([2, 3, 4, 5], 41);
    const perm = new Rng(40).permutation(spaced.data.length);
    perm.forEach((v, i) => {
      spaced.data[i] = v * 0.05 - 3;
    });
    checkLayer(new Pool('max', 2, 2), [spaced], 42);
    checkLayer(new Pool('avg', 3, 2, 1), [randomTensor([2, 2, 5, 5], 43)], 44);
    checkLayer(new Pool('global'), [randomTensor([2, 3, 3, 4], 45)], 46);
  });

  it('ReLU and HardTanh away from their kinks, Flatten and residual Add', () => {
    const away = (t: Tensor) => {
      for (let i = 0; i < t.data.length; i++) {
        const v = t.data[i];
        if (Math.abs(v) < 0.1 || Math.abs(Math.abs(v) - 1) < 0.1) t.data[i] = v + 0.25;
      }
      return t;
    };
    checkLayer(new ReLU(), [away(randomTensor([3, 8], 51, -2, 2))], 52);
    checkLayer(new HardTanh(), [away(randomTensor([3, 8], 53, -2, 2))], 54);
    checkLayer(new Flatten(), [randomTensor([2, 3, 2, 2], 55)], 56);
    checkLayer(new Add(), [randomTensor([2, 4], 57), randomTensor([2, 4], 58)], 59);
  });
});

describe('BinaryConv2d and binary Linear', () => {
  it('forward is α·Σ sign(w)·sign(x) and backward is the straight-through estimator', () => {
    const c = 2;
    const k = 3;
    const o = 3;
    const layer = new WeightLayer({
      id: 'b',
      kind: 'binary',
      inChannels: c,
      outChannels: o,
      conv: { kernel: k, stride: 1, padding: 1 },
      bias: false,
    });
    const w = randomTensor([o * c * k * k], 61);
    layer.weight.data.set(w.data);
    const x = randomTensor([1, c, 3, 3], 62, -1.5, 1.5);
    const y = layer.forward([x], true);
    const g = randomTensor([...y.shape], 63);
    const [dx] = layer.backward(g);
    const sign = (v: number) => (v >= 0 ? 1 : -1);
    const alpha = (t: number) => {
      let s = 0;
      for (let i = 0; i < c * k * k; i++) s += Math.abs(w.data[t * c * k * k + i]);
      return s / (c * k * k);
    };
    const dxRef = new Float64Array(x.data.length);
    for (let t = 0; t < o; t++)
      for (let m = 0; m < 3; m++)
        for (let n = 0; n < 3; n++) {
          let s = 0;
          const gi = g.data[(t * 3 + m) * 3 + n];
          for (let ch = 0; ch < c; ch++)
            for (let i = 0; i < k; i++)
              for (let j = 0; j < k; j++) {
                const yy = m + i - 1;
                const xx = n + j - 1;
                if (yy < 0 || yy > 2 || xx < 0 || xx > 2) continue; // padding reads 0
                const wi = ((t * c + ch) * k + i) * k + j;
                const xi = (ch * 3 + yy) * 3 + xx;
                const wb = alpha(t) * sign(w.data[wi]);
                s += wb * sign(x.data[xi]);
                expect(layer.weight.grad[wi]).toBeDefined();
                if (Math.abs(x.data[xi]) <= 1) dxRef[xi] += wb * gi;
              }
          expect(y.data[(t * 3 + m) * 3 + n]).toBeCloseTo(s, 5);
        }
    expect(closeness(dx.data, dxRef, 1e-5, 1e-5)).toBeLessThanOrEqual(1);
    // Weight gradient straight through: dL/d(α·sign(w)) = Σ g·sign(x) over the taps.
    for (let t = 0; t < o; t++)
      for (let ch = 0; ch < c; ch++)
        for (let i = 0; i < k; i++)
          for (let j = 0; j < k; j++) {
            let s = 0;
            for (let m = 0; m < 3; m++)
              for (let n = 0; n < 3; n++) {
                const yy = m + i - 1;
                const xx = n + j - 1;
                if (yy < 0 || yy > 2 || xx < 0 || xx > 2) continue;
                s += g.data[(t * 3 + m) * 3 + n] * sign(x.data[(ch * 3 + yy) * 3 + xx]);
              }
            expect(layer.weight.grad[((t * c + ch) * k + i) * k + j]).toBeCloseTo(s, 5);
          }
  });

  it('binary Linear binarises inputs and weights per output row', () => {
    const layer = new WeightLayer({
      id: 'f',
      kind: 'binary',
      inChannels: 4,
      outChannels: 2,
      bias: false,
    });
    layer.weight.data.set([0.5, -1, 0.25, -0.25, 2, 2, -2, 0]);
    const x = { shape: [1, 4], data: new Float32Array([0.3, 0.1, -0.7, 0]) };
    const y = layer.forward([x], false);
    // Row 0: α = 0.5, signs (+,−,+,−)·(+,+,−,+) = 1 − 1 − 1 − 1 = −2. Row 1: α = 1.5, (+,+,−,+)·(+,+,−,+) = 4.
    expect([...y.data]).toEqual([-1, 6]);
  });
});

describe('BatchNorm running statistics', () => {
  it('updates with momentum 0.1 and the unbiased variance, and eval uses them', () => {
    const bn = new BatchNorm('bn', 1);
    const x = { shape: [4, 1], data: new Float32Array([1, 2, 3, 6]) };
    bn.forward([x], true);
    // mean 3, biased var 3.5, unbiased 14/3
    expect(bn.runningMean.data[0]).toBeCloseTo(0.3, 6);
    expect(bn.runningVar.data[0]).toBeCloseTo(0.9 + 0.1 * (14 / 3), 6);
    const y = bn.forward([{ shape: [1, 1], data: new Float32Array([2]) }], false);
    expect(y.data[0]).toBeCloseTo((2 - 0.3) / Math.sqrt(0.9 + 0.1 * (14 / 3) + 1e-5), 5);
  });
});
