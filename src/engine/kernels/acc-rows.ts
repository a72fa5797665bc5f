import type { WeightNode } from '../../quant/graph.js';
import type { AccOverflow } from '../../quant/options.js';
import { allocPlanes } from '../../sim/bitplane.js';
import { fillPatches, patchBuffer } from '../patches.js';
import { laneMask, packWide, unpackWide } from '../planes.js';
import { accUnit } from '../slots.js';
import type { IntTensor } from '../tensor.js';
import { type PlaneWeights, scatterRows } from './weight-common.js';

/**
 * Row kernels of the functional backend when a slot circuit replaces the accumulator's adder
 * (`--acc-circuit`): the register of every output is stepped tap by tap through the circuit,
 * simulated alone (engine/slots.ts accUnit) on bit planes, one lane per row of a channel. Each
 * step is the PE accumulator's (gen/accumulators/accumulator.ts) with the circuit as its adder:
 *
 *   (sum, cout) = circuit(acc, addend)   addend = the tap zero- or sign-extended to W bits
 *   overflow    = cout (unsigned) · or the sign rule: acc and addend agree, sum differs (signed)
 *   acc         ← sum (WRAP) · sum | overflow (SAT, unsigned) · max or min by the addend's sign
 *                 when overflow (SAT, signed)
 *   flag        ← flag | overflow
 *
 * from acc = 0 at tap 0 (the PE's clear gives the circuit 0 + tap, which an approximate adder
 * need not leave equal to the tap). The taps are the exact |x − w| or x·w, or a sub/mul slot's
 * table value: what the PE's tap unit computes, its deferred +1 included.
 * Cost per channel: taps · (packing rows values + one evaluation of the circuit on
 * ceil(rows/32) words + W word operations).
 */
export interface AccRows {
  /** The acc-slot key and the register width W. */
  readonly key: string;
  readonly bits: number;
  readonly mode: AccOverflow;
  /** Taps and register read as two's complement (multiply layers). */
  readonly signed: boolean;
  /** Bits of a tap (two's complement when signed); at most W. */
  readonly tapBits: number;
  readonly rows: number;
  readonly channels: number;
  readonly taps: number;
  readonly n4: number;
  /** Writes tap t of channel j of every row into `out` (rows values). */
  tap(j: number, t: number, out: Float64Array): void;
}

/** Fills sums[q·n4 + j] with the final registers; returns the overflow events (set flags). */
export function accCircuitRows(p: AccRows, sums: Float64Array): number {
  const unit = accUnit(p.key, p.bits);
  const width = p.bits;
  const top = width - 1;
  const words = Math.ceil(p.rows / 32);
  const mask = laneMask(words, p.rows);
  const values = new Float64Array(p.rows);
  const tapPlanes = allocPlanes(p.tapBits, words);
  const zero = new Int32Array(words);
  const addend = Array.from({ length: width }, (_, i) =>
    i < p.tapBits ? tapPlanes[i] : p.signed ? tapPlanes[p.tapBits - 1] : zero,
  );
  const out = allocPlanes(width + 1, words);
  const cout = out[width];
  const overflow = new Int32Array(words);
  const finals = new Float64Array(p.rows);
  let events = 0;
  for (let j = 0; j < p.channels; j++) {
    const acc = allocPlanes(width, words);
    const flag = new Int32Array(words);
    for (let t = 0; t < p.taps; t++) {
      p.tap(j, t, values);
      packWide(values, p.tapBits, tapPlanes);
      unit.evaluatePlanes([...acc, ...addend], out, words);
      for (let k = 0; k < words; k++) {
        overflow[k] = p.signed
          ? ~(acc[top][k] ^ addend[top][k]) & (acc[top][k] ^ out[top][k])
          : cout[k];
        flag[k] |= overflow[k];
      }
      for (let i = 0; i < width; i++) {
        const a = acc[i];
        const s = out[i];
        if (p.mode === 'wrap') a.set(s.subarray(0, words));
        else if (!p.signed) for (let k = 0; k < words; k++) a[k] = s[k] | overflow[k];
        else {
          // Saturate to max (addend ≥ 0: 0 at the top, 1 below) or min (the reverse).
          const sign = addend[top];
          for (let k = 0; k < words; k++) {
            const bound = i === top ? sign[k] : ~sign[k];
            a[k] = (s[k] & ~overflow[k]) | (bound & overflow[k]);
          }
        }
      }
    }
    unpackWide(acc, width, p.rows, p.signed, 0, finals);
    for (let q = 0; q < p.rows; q++) sums[q * p.n4 + j] = finals[q];
    for (let k = 0; k < words; k++) {
      let set = flag[k] & mask[k];
      while (set !== 0) {
        set &= set - 1;
        events++;
      }
    }
  }
  return events;
}

/** What a layer's PE adds per tap: a slot unit's table value, else the exact operation. */
export interface LayerTaps {
  readonly signed: boolean;
  readonly tapBits: number;
  /** The sub or mul slot's table (engine/slots.ts slotTable) at the layer's operand width. */
  readonly table: Int32Array | undefined;
  exact(x: number, w: number): number;
}

/**
 * One input plane of a weight layer through the accumulator circuit `key`: patches, the taps
 * of every row and channel, the stepped registers written into `data`. Returns overflow events.
 */
export function accCircuitPlane(
  w: WeightNode,
  x: IntTensor,
  pw: PlaneWeights,
  rows: number,
  key: string,
  taps: LayerTaps,
  data: Float64Array,
): number {
  const xRows = patchBuffer(w, pw.plane, (n) => new Int32Array(n), rows * pw.kp);
  fillPatches(w, x, pw.plane, xRows, pw.kp);
  const n = w.operandBits;
  const mask = (1 << n) - 1;
  const { table, exact } = taps;
  const sums = new Float64Array(rows * pw.n4);
  const events = accCircuitRows(
    {
      key,
      bits: w.accBits,
      mode: w.overflow,
      signed: taps.signed,
      tapBits: taps.tapBits,
      rows,
      channels: pw.channels.length,
      taps: w.taps,
      n4: pw.n4,
      tap: (j, t, out) => {
        const wv = pw.rows[j * pw.kp + t];
        for (let q = 0; q < rows; q++) {
          const xv = xRows[q * pw.kp + t];
          out[q] = table === undefined ? exact(xv, wv) : table[((xv & mask) << n) | (wv & mask)];
        }
      },
    },
    sums,
  );
  scatterRows(w, pw.channels, pw.n4, x.images, sums, data, null);
  return events;
}
