import type { WeightNode } from '../../quant/graph.js';
import { finishUnsigned } from '../accumulate.js';
import type { Kernel } from '../kernels/registry.js';
import { countWeightLayer, planeWeights, scatterRows } from '../kernels/weight-common.js';
import { fillPatches, patchBuffer, patchRows } from '../patches.js';
import { accTensor } from '../tensor.js';
import { runBinaryLayer } from './binary-layer.js';
import { netlistFor, specKey, weightLayerSpec } from './netlists.js';
import { runPeLayer } from './pe-layer.js';

/**
 * Weight layers on the gate backend: every tap goes through the datapath's netlist in the
 * bit-parallel simulator, with toggle counting.
 * - adder: the AdderNet PE (|x − w| by the chosen variant and adder, then the accumulator of
 *   the layer's width and overflow mode);
 * - multiply: the MAC PE (the chosen multiplier, signed operands, the layer's accumulator);
 * - binary: the K-lane XNOR-popcount netlist, one evaluation per output; its count is the one
 *   addition into the accumulator (a narrow register wraps or saturates it as in accumulate.ts).
 * Counts are the functional backend's (the same operations run); the accumulators come out of
 * the netlists, so the conformance test compares them with the functional kernels bit for bit.
 */
export const peKernel: Kernel = (node, [x], ctx) => {
  const w = node as WeightNode;
  const spec = weightLayerSpec(w, ctx.datapath);
  const netlist = netlistFor(spec);
  const rows = patchRows(w, x.images);
  const out = accTensor(w.shape, x.images);
  let events = 0;
  for (const pw of planeWeights(w, x.planes)) {
    const xRows = patchBuffer(w, pw.plane, (n) => new Int32Array(n), rows * pw.kp);
    fillPatches(w, x, pw.plane, xRows, pw.kp);
    const run = runPeLayer(
      netlist,
      specKey(spec),
      {
        xRows,
        rows,
        kp: pw.kp,
        taps: w.taps,
        weightRows: pw.rows,
        channels: pw.channels.length,
        n4: pw.n4,
      },
      ctx.counter,
      ctx.simd,
    );
    events += run.events;
    scatterRows(w, pw.channels, pw.n4, x.images, run.sums, out.data as Float64Array, null);
  }
  ctx.counter.overflowEvents += events;
  countWeightLayer(w, x, ctx.counter);
  return out;
};

export const gateBinaryKernel: Kernel = (node, [x], ctx) => {
  const w = node as WeightNode;
  const spec = weightLayerSpec(w, ctx.datapath);
  const netlist = netlistFor(spec);
  const rows = patchRows(w, x.images);
  const out = accTensor(w.shape, x.images);
  const narrow = w.accBits < w.naturalAccBits;
  let events = 0;
  for (const pw of planeWeights(w, x.planes)) {
    const xRows = patchBuffer(w, pw.plane, (n) => new Int32Array(n), rows * pw.kp);
    fillPatches(w, x, pw.plane, xRows, pw.kp);
    const counts = runBinaryLayer(
      netlist,
      specKey(spec),
      {
        xRows,
        rows,
        kp: pw.kp,
        taps: w.taps,
        weightRows: pw.rows,
        channels: pw.channels.length,
        n4: pw.n4,
      },
      ctx.counter,
      ctx.simd,
    );
    scatterRows(w, pw.channels, pw.n4, x.images, counts, out.data as Float64Array, (c) => {
      if (!narrow) return c;
      const f = finishUnsigned(c, w.accBits, w.overflow);
      if (f.overflowed) events++;
      return f.value;
    });
  }
  ctx.counter.overflowEvents += events;
  countWeightLayer(w, x, ctx.counter);
  return out;
};
