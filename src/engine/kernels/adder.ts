import type { WeightNode } from '../../quant/graph.js';
import { finishUnsigned } from '../accumulate.js';
import { fillPatches, patchBuffer, patchRows } from '../patches.js';
import { sadRows, sadRowsJs } from '../row-kernels.js';
import { accTapBits, slotTable, takesAccCircuit } from '../slots.js';
import { accTensor } from '../tensor.js';
import { accCircuitPlane, type LayerTaps } from './acc-rows.js';
import { type Kernel, registerKernel } from './registry.js';
import { slotRowSums } from './slot-rows.js';
import { countWeightLayer, planeWeights, scatterRows } from './weight-common.js';

/**
 * AdderNet layer, functional: acc[o] = Σ_r |x_r − w[o, r]| on unsigned b-bit codes, each
 * channel on its group's input plane; then the accumulator's WRAP/SAT closed form
 * (accumulate.ts). Operands of at most 8 bits run the WebAssembly SIMD byte kernel, wider ones
 * the JavaScript kernel. Cost: images·P·N·K taps plus images·P·K·planes patch copies.
 * With an accumulator circuit the registers are stepped through it tap by tap (acc-rows.ts).
 */
export const adderKernel: Kernel = (node, [x], ctx) => {
  const w = node as WeightNode;
  const rows = patchRows(w, x.images);
  const out = accTensor(w.shape, x.images);
  const data = out.data as Float64Array;
  let events = 0;
  const { sub, acc } = ctx.datapath;
  for (const pw of planeWeights(w, x.planes)) {
    if (acc !== undefined && takesAccCircuit(w)) {
      const table = sub === undefined ? undefined : slotTable('sub', sub, w.operandBits);
      const tapBits = accTapBits(w, false);
      const taps: LayerTaps = { signed: false, tapBits, table, exact: (a, b) => Math.abs(a - b) };
      events += accCircuitPlane(w, x, pw, rows, acc, taps, data);
      continue;
    }
    if (sub !== undefined) {
      // A slot circuit for |x − w|: its taps from the slot's table (slot-rows.ts).
      const xRows = patchBuffer(w, pw.plane, (n) => new Int32Array(n), rows * pw.kp);
      fillPatches(w, x, pw.plane, xRows, pw.kp);
      const sums = new Float64Array(rows * pw.n4);
      const table = slotTable('sub', sub, w.operandBits);
      slotRowSums(
        {
          table,
          width: w.operandBits,
          xRows,
          weightRows: pw.rows,
          rows,
          kp: pw.kp,
          taps: w.taps,
          channels: pw.channels.length,
          n4: pw.n4,
        },
        sums,
      );
      events += scatterUnsigned(w, pw.channels, pw.n4, x.images, sums, data);
      continue;
    }
    const bytes = w.operandBits <= 8;
    const xRows = bytes
      ? patchBuffer(w, pw.plane, (n) => new Uint8Array(n), rows * pw.kp)
      : patchBuffer(w, pw.plane, (n) => new Int32Array(n), rows * pw.kp);
    fillPatches(w, x, pw.plane, xRows, pw.kp);
    const sums = bytes ? new Int32Array(rows * pw.n4) : new Float64Array(rows * pw.n4);
    if (bytes) {
      sadRows(xRows as Uint8Array, pw.u8, rows, pw.kp, pw.n4, sums as Int32Array, ctx.simd);
    } else {
      sadRowsJs(xRows, pw.rows, rows, pw.kp, pw.n4, sums);
    }
    events += scatterUnsigned(w, pw.channels, pw.n4, x.images, sums, data);
  }
  ctx.counter.overflowEvents += events;
  countWeightLayer(w, x, ctx.counter);
  return out;
};

/**
 * Writes the row sums into the output, through the accumulator's closed form when it is
 * narrower than the overflow-free width; returns the overflow events. `transform` maps a row
 * sum to the accumulated value first (the binary layer's K − distance).
 */
export function scatterUnsigned(
  w: WeightNode,
  channels: readonly number[],
  n4: number,
  images: number,
  sums: Int32Array | Float64Array,
  out: Float64Array,
  transform?: (sum: number) => number,
): number {
  let events = 0;
  const narrow = w.accBits < w.naturalAccBits;
  if (!narrow) {
    scatterRows(w, channels, n4, images, sums, out, transform ?? null);
    return 0;
  }
  const map = transform ?? ((s: number) => s);
  scatterRows(w, channels, n4, images, sums, out, (sum) => {
    const f = finishUnsigned(map(sum), w.accBits, w.overflow);
    if (f.overflowed) events++;
    return f.value;
  });
  return events;
}

registerKernel('functional', 'adder', adderKernel);
