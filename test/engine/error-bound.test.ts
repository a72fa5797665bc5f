import { describe, expect, it } from 'vitest';
import { NodeCounter } from '../../src/engine/counters.js';
import { getKernel } from '../../src/engine/kernels/registry.js';
import { DEFAULT_DATAPATH, runIntegerGraph } from '../../src/engine/run.js';
import type { IntTensor } from '../../src/engine/tensor.js';
import { modelFromCheckpoint } from '../../src/nn/checkpoint.js';
import { makeBatch } from '../../src/nn/data/dataset.js';
import { loadMnist } from '../../src/nn/data/mnist.js';
import { argmaxRows } from '../../src/nn/loss.js';
import type { CodesFormat, WeightNode } from '../../src/quant/graph.js';
import { prepared } from './fixtures.js';

/**
 * Integer outputs against the float model, within the error bound of quantization.
 *
 * Every weight layer is fed the float model's own input, quantized to the layer's format
 * (x̂ = s·clamp(round(x/s))), and its accumulator mapped back to reals (y = u·acc + v). With
 * ŵ the quantized weight, the triangle inequality bounds the error of one output:
 *   multiply  |Σ x·w − Σ x̂·ŵ| ≤ Σ |x − x̂|·|w| + |x̂|·|w − ŵ|
 *   adder     |Σ|x − w| − (Σ|x̂ − ŵ| + C)| ≤ Σ |x − x̂| + |clip(w) − ŵ|
 * (adder: for x̂ in [0, A], |x̂ − w| = |x̂ − clip(w)| + dist(w, [0, A]) exactly, and C = Σ dist).
 * Without activation clamping each term is at most s/2, so the adder bound is at most K·s.
 * The float model accumulates in float32: a relative 1e-5 slack covers it.
 */
const test = loadMnist('test');
const IMAGES = 16;

describe.each(['addernet', 'cnn'] as const)(
  '%s, 8 bits: every weight layer within its bound',
  (variant) => {
    const net = prepared(variant, { bits: 8 });
    const model = modelFromCheckpoint(net.checkpoint);
    const order = Uint32Array.from({ length: IMAGES }, (_, i) => i);
    const floatOut = model.forwardAll(makeBatch(test, order, 0, IMAGES).x);
    const weights = net.graph.nodes.filter((n): n is WeightNode => n.op === 'weight');

    it.each(weights.map((w) => [w.id, w] as const))('%s', (_, w) => {
      const from = net.graph.nodes.find((n) => n.id === w.input);
      const fmt = from?.format as CodesFormat;
      const s = fmt.scales[0];
      const [lo, hi] = fmt.signed
        ? [-(2 ** (fmt.bits - 1)), 2 ** (fmt.bits - 1) - 1]
        : [0, 2 ** fmt.bits - 1];
      const x = floatOut.get(w.input as string)?.data as Float32Array;
      const codes = Int32Array.from(x, (v) => Math.min(hi, Math.max(lo, Math.round(v / s))));
      const xTensor: IntTensor = { shape: w.inShape, images: IMAGES, planes: 1, data: codes };
      const acc = getKernel('functional', w)(w, [xTensor], {
        backend: 'functional',
        datapath: DEFAULT_DATAPATH,
        counter: new NodeCounter(w.id),
        simd: true,
      }).data;
      const y = floatOut.get(w.id)?.data as Float32Array;
      const wf = net.checkpoint.tensors.get(`${w.id}.weight`)?.data as Float32Array;
      const k = w.taps;
      const [c, h, wd] = w.conv ? w.inShape : [k, 1, 1];
      const ksz = w.conv?.kernel ?? 1;
      const pad = w.conv?.padding ?? 0;
      const wo = w.conv ? w.shape[2] : 1;
      let worst = 0;
      for (let img = 0; img < IMAGES; img++) {
        for (let o = 0; o < w.outChannels; o++) {
          for (let p = 0; p < w.pixels; p++) {
            const oy = Math.floor(p / wo);
            const ox = p % wo;
            let bound = 0;
            let clampExcess = 0;
            let magnitude = 0;
            for (let r = 0; r < k; r++) {
              // Window position r = (ch·k + i)·k + j; padding reads 0 in both models.
              const ch = Math.floor(r / (ksz * ksz));
              const i = Math.floor(r / ksz) % ksz;
              const j = r % ksz;
              const yy = oy + i - pad;
              const xx = ox + j - pad;
              const inside = yy >= 0 && yy < h && xx >= 0 && xx < wd;
              const xi = inside ? img * c * h * wd + (ch * h + yy) * wd + xx : -1;
              const xv = inside ? x[xi] : 0;
              const xq = inside ? codes[xi] * s : 0;
              const wv = wf[o * k + r];
              const wq = w.weights[o * k + r];
              if (w.kind === 'adder') {
                const a = s * (2 ** fmt.bits - 1);
                bound += Math.abs(xv - xq) + Math.abs(Math.min(a, Math.max(0, wv)) - s * wq);
                clampExcess += Math.max(0, xv - a);
                magnitude += Math.abs(xv - wv);
              } else {
                const sw = w.accScale[o] / s;
                bound += Math.abs(xv - xq) * Math.abs(wv) + Math.abs(xq) * Math.abs(wv - sw * wq);
                magnitude += Math.abs(xv * wv);
              }
            }
            const at = (img * w.outChannels + o) * w.pixels + p;
            const yInt = w.accScale[o] * acc[at] + w.accOffset[o];
            const err = Math.abs(yInt - y[at]);
            expect(err).toBeLessThanOrEqual(bound + 1e-5 * (1 + magnitude));
            if (w.kind === 'adder') expect(bound).toBeLessThanOrEqual(k * s + clampExcess + 1e-9);
            worst = Math.max(worst, err / (bound + 1e-12));
          }
        }
      }
      expect(worst).toBeGreaterThan(0);
    });
  },
);

describe('end to end, 8 bits', () => {
  it.each(['addernet', 'cnn', 'bnn'] as const)(
    '%s: integer and float predictions agree on at least 97 percent of images',
    (variant) => {
      const n = 300;
      const net = prepared(variant, { bits: 8 });
      const run = runIntegerGraph(net.graph, test.images, n);
      const order = Uint32Array.from({ length: n }, (_, i) => i);
      const float = argmaxRows(
        modelFromCheckpoint(net.checkpoint).forward(makeBatch(test, order, 0, n).x),
      );
      let agree = 0;
      for (let i = 0; i < n; i++) if (float[i] === run.predictions[i]) agree++;
      expect(agree / n).toBeGreaterThanOrEqual(0.97);
    },
  );
});
