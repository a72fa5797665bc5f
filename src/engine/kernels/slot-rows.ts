import { saturateInt, wrapInt } from '../../bits/fast.js';
import type { AccOverflow } from '../../quant/options.js';

/**
 * Row kernels of the functional backend when a slot circuit replaces |x − w| or x·w: every tap
 * is looked up in the slot's table (engine/slots.ts), table[(x mod 2^n)·2^n + (w mod 2^n)], and
 * summed in tap order over the layer's `taps` (never the padding up to kp, which the
 * netlist does not see either). Layout as the other row kernels: x rows [q·kp + r], weight rows
 * [j·kp + r], sums [q·n4 + j].
 */
export interface SlotRows {
  readonly table: Int32Array;
  readonly width: number;
  readonly xRows: Int32Array;
  readonly weightRows: Int32Array;
  readonly rows: number;
  readonly kp: number;
  readonly taps: number;
  readonly channels: number;
  readonly n4: number;
}

/** Exact sums of the looked-up taps (unsigned taps, or signed with a wide accumulator). */
export function slotRowSums(p: SlotRows, sums: Float64Array): void {
  const mask = (1 << p.width) - 1;
  for (let q = 0; q < p.rows; q++) {
    const xo = q * p.kp;
    for (let j = 0; j < p.channels; j++) {
      const wo = j * p.kp;
      let sum = 0;
      for (let r = 0; r < p.taps; r++) {
        sum += p.table[((p.xRows[xo + r] & mask) << p.width) | (p.weightRows[wo + r] & mask)];
      }
      sums[q * p.n4 + j] = sum;
    }
  }
}

/**
 * A signed `bits`-wide accumulator stepped tap by tap over the looked-up products, WRAP or SAT
 * after every addition (accumulate.ts' stepSigned with the table in place of x·w). Returns the
 * overflow events; the sums hold the final registers.
 */
export function slotRowsStepped(
  p: SlotRows,
  bits: number,
  mode: AccOverflow,
  sums: Float64Array,
): number {
  const mask = (1 << p.width) - 1;
  const half = 2 ** (bits - 1);
  let events = 0;
  for (let q = 0; q < p.rows; q++) {
    const xo = q * p.kp;
    for (let j = 0; j < p.channels; j++) {
      const wo = j * p.kp;
      let acc = 0;
      let overflowed = false;
      for (let r = 0; r < p.taps; r++) {
        acc += p.table[((p.xRows[xo + r] & mask) << p.width) | (p.weightRows[wo + r] & mask)];
        if (acc >= half || acc < -half) {
          overflowed = true;
          acc = mode === 'sat' ? saturateInt(acc, bits, true) : wrapInt(acc, bits, true);
        }
      }
      if (overflowed) events++;
      sums[q * p.n4 + j] = acc;
    }
  }
  return events;
}
