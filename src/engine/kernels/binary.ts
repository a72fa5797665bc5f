import type { WeightNode } from '../../quant/graph.js';
import { fillPatches, patchBuffer, patchRows } from '../patches.js';
import { sadRows } from '../row-kernels.js';
import { accTensor } from '../tensor.js';
import { scatterUnsigned } from './adder.js';
import { type Kernel, registerKernel } from './registry.js';
import { countWeightLayer, planeWeights } from './weight-common.js';

/**
 * Binary (XNOR-popcount) layer, functional: acc[o] = popcount(x XNOR w[o]) = the lanes where
 * the sign bits agree. For bits, |x − w| = x XOR w, so the count is K − Σ_r |x_r − w_r|: the
 * same byte kernel as the adder layer (padding lanes are 0 against 0 and add nothing). The
 * popcount is one addition into the accumulator, so a narrow accumulator wraps or saturates it
 * by the unsigned closed form.
 */
export const binaryKernel: Kernel = (node, [x], ctx) => {
  const w = node as WeightNode;
  const rows = patchRows(w, x.images);
  const out = accTensor(w.shape, x.images);
  let events = 0;
  for (const pw of planeWeights(w, x.planes)) {
    const xRows = patchBuffer(w, pw.plane, (n) => new Uint8Array(n), rows * pw.kp);
    fillPatches(w, x, pw.plane, xRows, pw.kp);
    const sums = new Int32Array(rows * pw.n4);
    sadRows(xRows, pw.u8, rows, pw.kp, pw.n4, sums, ctx.simd);
    const k = w.taps;
    events += scatterUnsigned(
      w,
      pw.channels,
      pw.n4,
      x.images,
      sums,
      out.data as Float64Array,
      (d) => k - d,
    );
  }
  ctx.counter.overflowEvents += events;
  countWeightLayer(w, x, ctx.counter);
  return out;
};

registerKernel('functional', 'binary', binaryKernel);
