import type { Netlist } from '../../ir/netlist.js';
import { allocPlanes, packInt32 } from '../../sim/bitplane.js';
import { compile } from '../../sim/compiled.js';
import { activityKernel } from '../../sim/wasm/activity-kernel.js';
import type { NodeCounter } from '../counters.js';
import { laneMask, unpackWide } from '../planes.js';

/**
 * Runs a processing-element netlist (ports x, w, clear → acc, overflow; gen/pe) for every
 * (row, channel) output of a layer: one PE instance per lane, the rows of one channel side by
 * side, stepped K + 1 cycles. Cycle t < K feeds tap t (clear = 1 at t = 0) and the accumulator
 * seen at cycle K holds the dot product (latency one cycle); the sticky overflow flag tells
 * whether any of its additions left the register's range.
 *
 * x differs per lane; w and clear are the same for every lane of a channel (broadcast). The x
 * planes of a tap are packed once for all channels (one 32x32 transpose per 32 rows and tap).
 * Toggles of every net are counted per lane between consecutive cycles (zero-delay model), on
 * lanes holding a real row only. The WebAssembly SIMD activity kernel (wasm-activity.ts) runs
 * 128 lanes per operation; without WebAssembly the simulator's JavaScript activity kernel runs.
 *
 * Cost: channels · ceil(rows/128) · (K + 1) evaluations of the netlist on 128 lanes.
 */
export interface PeRun {
  /** sums[q·n4 + j]: the accumulator of row q, channel j. */
  readonly sums: Float64Array;
  readonly events: number;
}

export interface PeProblem {
  readonly xRows: Int32Array;
  readonly rows: number;
  readonly kp: number;
  readonly taps: number;
  readonly weightRows: Int32Array;
  readonly channels: number;
  readonly n4: number;
}

export function runPeLayer(
  netlist: Netlist,
  key: string,
  p: PeProblem,
  counter: NodeCounter,
  simd = true,
): PeRun {
  const kernel = simd ? activityKernel(key, netlist, ['x'], ['w', 'clear']) : undefined;
  const run = kernel ? runWasm(kernel, netlist, p) : runJs(netlist, p);
  counter.activity({
    key,
    evaluations: p.rows * (p.taps + 1) * p.channels,
    transitions: p.rows * p.taps * p.channels,
    netToggles: run.toggles,
  });
  return run;
}

/** The x planes of every tap, [bit][t·words + w], plus a zero cycle K. */
function xPlanes(p: PeProblem, width: number, words: number): Int32Array[] {
  const planes = allocPlanes(width, words * (p.taps + 1));
  const column = new Int32Array(p.rows);
  for (let t = 0; t < p.taps; t++) {
    for (let q = 0; q < p.rows; q++) column[q] = p.xRows[q * p.kp + t];
    packInt32(column, width, planes, t * words);
  }
  return planes;
}

function runWasm(
  kernel: NonNullable<ReturnType<typeof activityKernel>>,
  netlist: Netlist,
  p: PeProblem,
): PeRun & { toggles: Float64Array } {
  const width = netlist.inputs[0].bits.length;
  const acc = netlist.outputs[0];
  const accBits = acc.bits.length;
  const cycles = p.taps + 1;
  const groups = Math.ceil(p.rows / 128);
  const words = groups * 4;
  const planes = xPlanes(p, width, words);
  const views = kernel.layout(groups, cycles);
  const { lane, bcast, out, masks } = views;
  for (let g = 0; g < groups; g++) {
    for (let t = 0; t < cycles; t++) {
      for (let bit = 0; bit < width; bit++) {
        const at = ((g * cycles + t) * width + bit) * 4;
        const src = planes[bit];
        const from = t * words + 4 * g;
        lane[at] = src[from];
        lane[at + 1] = src[from + 1];
        lane[at + 2] = src[from + 2];
        lane[at + 3] = src[from + 3];
      }
    }
  }
  masks.set(laneMask(words, p.rows));
  const outBits = kernel.outBits;
  const accPlanes = allocPlanes(accBits + 1, words);
  const values = new Float64Array(p.rows);
  const sums = new Float64Array(p.rows * p.n4);
  let events = 0;
  for (let j = 0; j < p.channels; j++) {
    bcast.fill(0);
    for (let t = 0; t < cycles; t++) {
      const base = t * (width + 1) * 4;
      if (t < p.taps) {
        const w = p.weightRows[j * p.kp + t];
        for (let bit = 0; bit < width; bit++) {
          if ((w >> bit) & 1) bcast.fill(-1, base + bit * 4, base + bit * 4 + 4);
        }
      }
      if (t === 0) bcast.fill(-1, base + width * 4, base + width * 4 + 4);
    }
    views.run();
    for (let g = 0; g < groups; g++) {
      const at = (g * cycles + p.taps) * outBits * 4;
      for (let bit = 0; bit <= accBits; bit++) {
        for (let k = 0; k < 4; k++) accPlanes[bit][4 * g + k] = out[at + bit * 4 + k];
      }
    }
    unpackWide(accPlanes, accBits, p.rows, acc.signed === true, 0, values);
    for (let q = 0; q < p.rows; q++) sums[q * p.n4 + j] = values[q];
    events += flagged(accPlanes[accBits], masks);
  }
  const toggles = new Float64Array(netlist.netCount);
  kernel.addToggles(views, toggles);
  return { sums, events, toggles };
}

function runJs(netlist: Netlist, p: PeProblem): PeRun & { toggles: Float64Array } {
  const sim = compile(netlist);
  const kernel = sim.activityKernel();
  const width = netlist.inputs[0].bits.length;
  const acc = netlist.outputs[0];
  const accBits = acc.bits.length;
  const words = Math.ceil(p.rows / 32);
  const cycles = p.taps + 1;
  const planes = xPlanes(p, width, words);
  const wPlanes = allocPlanes(width, words * cycles);
  const clear = new Int32Array(words * cycles);
  clear.fill(-1, 0, words);
  const outPlanes = allocPlanes(sim.outputBits, words * cycles);
  const mask = laneMask(words, p.rows);
  const toggles = new Float64Array(netlist.netCount);
  const sums = new Float64Array(p.rows * p.n4);
  const values = new Float64Array(p.rows);
  let events = 0;
  for (let j = 0; j < p.channels; j++) {
    for (let bit = 0; bit < width; bit++) {
      for (let t = 0; t < p.taps; t++) {
        const v = (p.weightRows[j * p.kp + t] >> bit) & 1 ? -1 : 0;
        wPlanes[bit].fill(v, t * words, (t + 1) * words);
      }
    }
    kernel(
      [...planes, ...wPlanes, clear],
      outPlanes,
      sim.resetState(words),
      words,
      cycles,
      toggles,
      mask,
    );
    unpackWide(outPlanes, accBits, p.rows, acc.signed === true, p.taps * words, values);
    for (let q = 0; q < p.rows; q++) sums[q * p.n4 + j] = values[q];
    events += flagged(outPlanes[accBits].subarray(p.taps * words), mask);
  }
  return { sums, events, toggles };
}

/** Lanes whose flag bit is set, within the mask. */
function flagged(flags: Int32Array, mask: Int32Array): number {
  let n = 0;
  for (let w = 0; w < mask.length; w++) {
    let bits = flags[w] & mask[w];
    while (bits !== 0) {
      bits &= bits - 1;
      n++;
    }
  }
  return n;
}
