import type { WeightNode } from '../../quant/graph.js';
import { stepSigned } from '../accumulate.js';
import { fillPatches, patchBuffer, patchRows } from '../patches.js';
import { dotRows, dotRowsJs } from '../row-kernels.js';
import { accTapBits, slotTable, takesAccCircuit } from '../slots.js';
import { accTensor } from '../tensor.js';
import { accCircuitPlane, type LayerTaps } from './acc-rows.js';
import { type Kernel, registerKernel } from './registry.js';
import { slotRowSums, slotRowsStepped } from './slot-rows.js';
import { countWeightLayer, outIndex, planeWeights, scatterRows } from './weight-common.js';

/**
 * Multiply-accumulate layer, functional: acc[o] = Σ_r x_r·w[o, r] on signed b-bit codes.
 * With the overflow-free accumulator width the exact sum is the result (int8 operands: the
 * WebAssembly SIMD dot kernel). A narrower accumulator depends on the order of the additions,
 * so it is stepped tap by tap in JavaScript (accumulate.ts), as the MAC netlist does; so is an
 * accumulator circuit, through the circuit (acc-rows.ts).
 */
export const multiplyKernel: Kernel = (node, [x], ctx) => {
  const w = node as WeightNode;
  const rows = patchRows(w, x.images);
  const out = accTensor(w.shape, x.images);
  const data = out.data as Float64Array;
  const narrow = w.accBits < w.naturalAccBits;
  let events = 0;
  const { mul, acc } = ctx.datapath;
  for (const pw of planeWeights(w, x.planes)) {
    if (acc !== undefined && takesAccCircuit(w)) {
      const table = mul === undefined ? undefined : slotTable('mul', mul, w.operandBits);
      const tapBits = accTapBits(w, table !== undefined);
      const taps: LayerTaps = { signed: true, tapBits, table, exact: (a, b) => a * b };
      events += accCircuitPlane(w, x, pw, rows, acc, taps, data);
      continue;
    }
    if (mul !== undefined) {
      // A slot circuit for x·w: its products from the slot's table (slot-rows.ts).
      const xRows = patchBuffer(w, pw.plane, (n) => new Int32Array(n), rows * pw.kp);
      fillPatches(w, x, pw.plane, xRows, pw.kp);
      const sums = new Float64Array(rows * pw.n4);
      const problem = {
        table: slotTable('mul', mul, w.operandBits),
        width: w.operandBits,
        xRows,
        weightRows: pw.rows,
        rows,
        kp: pw.kp,
        taps: w.taps,
        channels: pw.channels.length,
        n4: pw.n4,
      };
      if (narrow) events += slotRowsStepped(problem, w.accBits, w.overflow, sums);
      else slotRowSums(problem, sums);
      scatterRows(w, pw.channels, pw.n4, x.images, sums, data, null);
      continue;
    }
    const bytes = w.operandBits <= 8 && !narrow;
    const xRows = bytes
      ? patchBuffer(w, pw.plane, (n) => new Int8Array(n), rows * pw.kp)
      : patchBuffer(w, pw.plane, (n) => new Int32Array(n), rows * pw.kp);
    fillPatches(w, x, pw.plane, xRows, pw.kp);
    if (narrow) {
      for (let q = 0; q < rows; q++) {
        pw.channels.forEach((o, j) => {
          const f = stepSigned(xRows, q * pw.kp, pw.rows, j * pw.kp, w.taps, w.accBits, w.overflow);
          if (f.overflowed) events++;
          data[outIndex(w, q, o)] = f.value;
        });
      }
      continue;
    }
    const sums = bytes ? new Int32Array(rows * pw.n4) : new Float64Array(rows * pw.n4);
    if (bytes) {
      dotRows(xRows as Int8Array, pw.i8, rows, pw.kp, pw.n4, sums as Int32Array, ctx.simd);
    } else {
      dotRowsJs(xRows, pw.rows, rows, pw.kp, pw.n4, sums);
    }
    scatterRows(w, pw.channels, pw.n4, x.images, sums, data, null);
  }
  ctx.counter.overflowEvents += events;
  countWeightLayer(w, x, ctx.counter);
  return out;
};

registerKernel('functional', 'multiply', multiplyKernel);
