import type { Netlist } from '../../ir/netlist.js';
import { allocPlanes, transpose32 } from '../../sim/bitplane.js';
import { compile } from '../../sim/compiled.js';
import { activityKernel } from '../../sim/wasm/activity-kernel.js';
import type { NodeCounter } from '../counters.js';
import { laneMask, unpackWide } from '../planes.js';
import { lanesToPlanes, planesToLanes } from './layout.js';
import { streamLayout } from './stream.js';

/**
 * A binary layer through the K-lane XNOR-popcount netlist (combinational). The outputs
 * (channel o, row q) form one stream in channel-major order, e = o·rows + q, as a popcount unit
 * computing a layer output by output would see them; each lane takes a contiguous chunk of that
 * stream (stream.ts), so the toggles between consecutive outputs are counted even when a
 * channel has a single row (a linear layer on one image). Operand planes are built 32 lanes x
 * 32 taps at a time with bit-matrix transposes from the rows packed as bits.
 * Cost: channels · rows / 128 kernel evaluations of the netlist (K xnor + the popcount tree),
 * and about 2·K/32 transposes per 32 outputs.
 */
export interface BinaryProblem {
  readonly xRows: Int32Array;
  readonly rows: number;
  readonly kp: number;
  readonly taps: number;
  readonly weightRows: Int32Array;
  readonly channels: number;
  readonly n4: number;
}

/** Rows of 0/1 values (pitch kp) as bits: bit r % 32 of word [row·blocks + r/32]. */
function packRows(values: Int32Array, count: number, kp: number, taps: number): Int32Array {
  const blocks = Math.ceil(taps / 32);
  const bits = new Int32Array(count * blocks);
  for (let i = 0; i < count; i++) {
    for (let r = 0; r < taps; r++) {
      if (values[i * kp + r] !== 0) bits[i * blocks + (r >>> 5)] |= 1 << (r & 31);
    }
  }
  return bits;
}

export function runBinaryLayer(
  netlist: Netlist,
  key: string,
  p: BinaryProblem,
  counter: NodeCounter,
  simd = true,
): Float64Array {
  const count = p.channels * p.rows;
  const layout = streamLayout(count);
  const { words, cycles } = layout;
  const blocks = Math.ceil(p.taps / 32);
  const xBits = packRows(p.xRows, p.rows, p.kp, p.taps);
  const wBits = packRows(p.weightRows, p.channels, p.kp, p.taps);
  const xPlanes = allocPlanes(p.taps, words * cycles);
  const wPlanes = allocPlanes(p.taps, words * cycles);
  const m = new Int32Array(32);
  const n = new Int32Array(32);
  for (let t = 0; t < cycles; t++) {
    for (let w = 0; w < words; w++) {
      const at = t * words + w;
      for (let b = 0; b < blocks; b++) {
        for (let i = 0; i < 32; i++) {
          const e = layout.index(32 * w + i, t);
          const o = Math.floor(e / p.rows);
          m[i] = xBits[(e - o * p.rows) * blocks + b];
          n[i] = wBits[o * blocks + b];
        }
        transpose32(m);
        transpose32(n);
        for (let j = 0; j < 32 && 32 * b + j < p.taps; j++) {
          xPlanes[32 * b + j][at] = m[j];
          wPlanes[32 * b + j][at] = n[j];
        }
      }
    }
  }
  const countBits = netlist.outputs[0].bits.length;
  const mask = laneMask(words, layout.lanes);
  const toggles = new Float64Array(netlist.netCount);
  const kernel = simd ? activityKernel(key, netlist, ['x', 'w'], []) : undefined;
  let planesAt: (t: number) => Int32Array[];
  if (kernel) {
    const views = kernel.layout(words / 4, cycles);
    planesToLanes(xPlanes, words, cycles, views.lane, kernel.laneBits, 0);
    planesToLanes(wPlanes, words, cycles, views.lane, kernel.laneBits, p.taps);
    views.masks.set(mask);
    views.run();
    kernel.addToggles(views, toggles);
    const planes = allocPlanes(countBits, words);
    planesAt = (t) => {
      lanesToPlanes(views.out, words / 4, cycles, kernel.outBits, t, 0, countBits, planes);
      return planes;
    };
  } else {
    const sim = compile(netlist);
    const outPlanes = allocPlanes(sim.outputBits, words * cycles);
    sim.activityKernel()([...xPlanes, ...wPlanes], outPlanes, [], words, cycles, toggles, mask);
    planesAt = (t) => outPlanes.slice(0, countBits).map((pl) => pl.subarray(t * words));
  }
  const sums = new Float64Array(p.rows * p.n4);
  const lanes = new Float64Array(words * 32);
  for (let t = 0; t < cycles; t++) {
    unpackWide(planesAt(t), countBits, words * 32, false, 0, lanes);
    for (let lane = 0; lane < layout.lanes; lane++) {
      const e = lane * cycles + t;
      if (e >= count) continue;
      const o = Math.floor(e / p.rows);
      sums[(e - o * p.rows) * p.n4 + o] = lanes[lane];
    }
  }
  counter.activity({
    key,
    evaluations: count,
    transitions: count - layout.lanes,
    netToggles: toggles,
  });
  return sums;
}
