import { describe, expect, it } from 'vitest';
import { WeightLayer } from '../../src/nn/layers/weighted.js';
import { adaptiveScale, Sgd } from '../../src/nn/optim.js';
import { closeness, randomTensor } from './helpers.js';

/**
 * AdderConv2d against independent naive loops written from the formulas in the reference:
 * Y = −Σ|X − F| with zero padding (padded taps give −|F|), dW = Σ (X − F)·g,
 * dX = Σ HardTanh(F − X)·g. These gradients are AdderNet's, not the true derivative, so they
 * are checked against the formula, not against finite differences.
 */
interface Case {
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  k: number;
  stride: number;
  pad: number;
}

const CASES: Case[] = [
  { n: 2, c: 3, h: 6, w: 5, o: 5, k: 3, stride: 1, pad: 1 },
  { n: 1, c: 2, h: 7, w: 7, o: 4, k: 3, stride: 2, pad: 0 },
  { n: 3, c: 1, h: 5, w: 6, o: 6, k: 2, stride: 2, pad: 1 },
  { n: 2, c: 4, h: 4, w: 4, o: 3, k: 4, stride: 1, pad: 2 },
];

function outSize(x: number, k: number, s: number, p: number) {
  return Math.floor((x + 2 * p - k) / s) + 1;
}

/** Value of X at (b, ch, y, x) with zeros outside the image. */
function at(x: Float32Array, cs: Case, b: number, ch: number, y: number, xx: number) {
  if (y < 0 || y >= cs.h || xx < 0 || xx >= cs.w) return 0;
  return x[((b * cs.c + ch) * cs.h + y) * cs.w + xx];
}

function naive(cs: Case, x: Float32Array, w: Float32Array, g: Float32Array) {
  const ho = outSize(cs.h, cs.k, cs.stride, cs.pad);
  const wo = outSize(cs.w, cs.k, cs.stride, cs.pad);
  const y = new Float64Array(cs.n * cs.o * ho * wo);
  const dw = new Float64Array(w.length);
  const dx = new Float64Array(x.length);
  for (let b = 0; b < cs.n; b++)
    for (let t = 0; t < cs.o; t++)
      for (let m = 0; m < ho; m++)
        for (let nn = 0; nn < wo; nn++) {
          const oi = ((b * cs.o + t) * ho + m) * wo + nn;
          for (let ch = 0; ch < cs.c; ch++)
            for (let i = 0; i < cs.k; i++)
              for (let j = 0; j < cs.k; j++) {
                const yy = m * cs.stride + i - cs.pad;
                const xx = nn * cs.stride + j - cs.pad;
                const wi = ((t * cs.c + ch) * cs.k + i) * cs.k + j;
                const xv = at(x, cs, b, ch, yy, xx);
                y[oi] -= Math.abs(xv - w[wi]);
                dw[wi] += (xv - w[wi]) * g[oi];
                const inside = yy >= 0 && yy < cs.h && xx >= 0 && xx < cs.w;
                if (inside) {
                  const d = w[wi] - xv;
                  dx[((b * cs.c + ch) * cs.h + yy) * cs.w + xx] +=
                    Math.max(-1, Math.min(1, d)) * g[oi];
                }
              }
        }
  return { y, dw, dx, ho, wo };
}

describe('AdderConv2d', () => {
  it.each(CASES)('forward and backward equal the naive six-loop formulas (%o)', (cs) => {
    const layer = new WeightLayer({
      id: 'a',
      kind: 'adder',
      inChannels: cs.c,
      outChannels: cs.o,
      conv: { kernel: cs.k, stride: cs.stride, padding: cs.pad },
      bias: false,
    });
    const x = randomTensor([cs.n, cs.c, cs.h, cs.w], 1, -2, 2);
    const w = randomTensor([cs.o * cs.c * cs.k * cs.k], 2, -2, 2);
    layer.weight.data.set(w.data);
    const y = layer.forward([x], true);
    const g = randomTensor([...y.shape], 3);
    const ref = naive(cs, x.data, w.data, g.data);
    expect(y.shape).toEqual([cs.n, cs.o, ref.ho, ref.wo]);
    expect(closeness(y.data, ref.y, 1e-4, 1e-5)).toBeLessThanOrEqual(1);
    const [dx] = layer.backward(g);
    expect(closeness(layer.weight.grad, ref.dw, 1e-4, 1e-5)).toBeLessThanOrEqual(1);
    expect(closeness(dx.data, ref.dx, 1e-4, 1e-5)).toBeLessThanOrEqual(1);
  });

  it('a tap in the padding contributes −|w|', () => {
    const layer = new WeightLayer({
      id: 'a',
      kind: 'adder',
      inChannels: 1,
      outChannels: 1,
      conv: { kernel: 3, stride: 1, padding: 1 },
      bias: false,
    });
    layer.weight.data.set([1, -2, 3, -4, 5, -6, 7, -8, 9]);
    const x = { shape: [1, 1, 1, 1], data: new Float32Array([0.5]) };
    // Only the centre tap (w = 5) sees the pixel; the other eight read zeros.
    const expected = -(Math.abs(0.5 - 5) + (1 + 2 + 3 + 4 + 6 + 7 + 8 + 9));
    expect(layer.forward([x], false).data[0]).toBe(expected);
  });

  it('adder Linear uses the same formulas on [N, F]', () => {
    const layer = new WeightLayer({
      id: 'f',
      kind: 'adder',
      inChannels: 6,
      outChannels: 5,
      bias: false,
    });
    const x = randomTensor([3, 6], 4, -2, 2);
    const w = randomTensor([30], 5, -2, 2);
    layer.weight.data.set(w.data);
    const y = layer.forward([x], true);
    const g = randomTensor([3, 5], 6);
    const [dx] = layer.backward(g);
    for (let b = 0; b < 3; b++)
      for (let o = 0; o < 5; o++) {
        let s = 0;
        for (let i = 0; i < 6; i++) s -= Math.abs(x.data[b * 6 + i] - w.data[o * 6 + i]);
        expect(y.data[b * 5 + o]).toBeCloseTo(s, 4);
      }
    for (let o = 0; o < 5; o++)
      for (let i = 0; i < 6; i++) {
        let s = 0;
        for (let b = 0; b < 3; b++)
          s += (x.data[b * 6 + i] - w.data[o * 6 + i]) * g.data[b * 5 + o];
        expect(layer.weight.grad[o * 6 + i]).toBeCloseTo(s, 4);
      }
    for (let b = 0; b < 3; b++)
      for (let i = 0; i < 6; i++) {
        let s = 0;
        for (let o = 0; o < 5; o++) {
          const d = w.data[o * 6 + i] - x.data[b * 6 + i];
          s += Math.max(-1, Math.min(1, d)) * g.data[b * 5 + o];
        }
        expect(dx.data[b * 6 + i]).toBeCloseTo(s, 4);
      }
  });
});

describe('adder layer with a bias', () => {
  it('adds the bias after −Σ|x − w| and sums the gradient into it', () => {
    const layer = new WeightLayer({
      id: 'f',
      kind: 'adder',
      inChannels: 2,
      outChannels: 1,
      bias: true,
    });
    layer.weight.data.set([1, -1]);
    layer.bias!.data.set([0.5]);
    const x = { shape: [2, 2], data: new Float32Array([0, 0, 2, 1]) };
    const y = layer.forward([x], true);
    expect([...y.data]).toEqual([-(1 + 1) + 0.5, -(1 + 2) + 0.5]);
    layer.backward({ shape: [2, 1], data: new Float32Array([0.25, -1]) });
    expect(layer.bias!.grad[0]).toBe(-0.75);
  });
});

describe('adaptive learning rate and SGD', () => {
  it('scales an adder gradient to norm η·√k and then applies PyTorch SGD', () => {
    const g = new Float32Array([3, -4, 0, 12]); // ‖g‖ = 13
    expect(adaptiveScale(g, 0.2)).toBeCloseTo((0.2 * 2) / 13, 12);
    expect(adaptiveScale(new Float32Array(4), 0.2)).toBeCloseTo((0.2 * 2) / 1e-12, 0);

    const w = new Float32Array([1, 2, -1, 0.5]);
    const p = { name: 'a.weight', shape: [4], data: w.slice(), grad: g.slice(), adaptive: true };
    const q = { name: 'b.weight', shape: [4], data: w.slice(), grad: g.slice(), adaptive: false };
    const sgd = new Sgd([p, q], { lr: 0.1, momentum: 0.9, weightDecay: 5e-4, eta: 0.2 });
    sgd.step(0.1);
    sgd.step(0.05);
    // Golden: two steps by hand, the gradient held fixed.
    const run = (scale: number) => {
      const out: number[] = [];
      for (let i = 0; i < 4; i++) {
        let wi = w[i];
        let v = 0;
        for (const lr of [0.1, 0.05]) {
          v = 0.9 * v + g[i] * scale + 5e-4 * wi;
          wi -= lr * v;
        }
        out.push(wi);
      }
      return out;
    };
    const a = run(0.4 / 13);
    const b = run(1);
    for (let i = 0; i < 4; i++) {
      expect(p.data[i]).toBeCloseTo(a[i], 6);
      expect(q.data[i]).toBeCloseTo(b[i], 6);
    }
  });
});
