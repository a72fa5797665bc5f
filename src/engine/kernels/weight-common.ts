import type { WeightNode } from '../../quant/graph.js';
import { align16 } from '../../sim/wasm/module.js';
import type { NodeCounter } from '../counters.js';
import { channelsByPlane } from '../patches.js';
import type { IntTensor } from '../tensor.js';

/**
 * What every weight-layer kernel shares: the channel groups with their weight rows laid out
 * for the row kernels (cached per node), scattering row results into [image][channel][pixel],
 * and the budget's counting rules for a weight layer:
 *   per tap   multiply: 1 mul (b) + 1 add (acc); adder: 1 sub (b) + 1 abs (b + 1) + 1 add (acc);
 *             binary: 1 xnor (1 bit), and per output 1 popcount of its K bits
 *   memory    each input element once (b bits per plane, 1 for binary), each weight once per
 *             image, each output once (acc bits)
 */
export interface PlaneWeights {
  readonly plane: number;
  readonly channels: readonly number[];
  /** Rows padded to kp (a multiple of 16) and to a multiple of 4 channels. */
  readonly kp: number;
  readonly n4: number;
  readonly rows: Int32Array;
  /** The same rows as bytes, for the SIMD kernels (unsigned and signed readings). */
  readonly u8: Uint8Array;
  readonly i8: Int8Array;
}

const cache = new WeakMap<WeightNode, PlaneWeights[]>();

export function planeWeights(node: WeightNode, planes: number): PlaneWeights[] {
  let prepared = cache.get(node);
  if (!prepared) {
    const k = node.taps;
    const kp = align16(k);
    prepared = channelsByPlane(node, planes).flatMap((channels, plane) => {
      if (channels.length === 0) return [];
      const n4 = Math.ceil(channels.length / 4) * 4;
      const rows = new Int32Array(n4 * kp);
      channels.forEach((o, j) => {
        rows.set(node.weights.subarray(o * k, (o + 1) * k), j * kp);
      });
      return [
        { plane, channels, kp, n4, rows, u8: Uint8Array.from(rows), i8: Int8Array.from(rows) },
      ];
    });
    cache.set(node, prepared);
  }
  return prepared;
}

/** out[(image·N + o)·P + p] for row q = image·P + p and channel o = channels[j]. */
export function outIndex(node: WeightNode, q: number, o: number): number {
  const p = node.pixels;
  const image = (q / p) | 0;
  return (image * node.outChannels + o) * p + (q - image * p);
}

/**
 * Moves row results sums[q·n4 + j] (after `finish`) into out[(image·N + channels[j])·P + p],
 * q = image·P + p. Returns how many `finish` calls reported an overflow.
 */
export function scatterRows(
  node: WeightNode,
  channels: readonly number[],
  n4: number,
  images: number,
  sums: Int32Array | Float64Array,
  out: Float64Array,
  finish: ((sum: number) => number) | null,
): void {
  const p = node.pixels;
  const nOut = node.outChannels;
  for (let j = 0; j < channels.length; j++) {
    const o = channels[j];
    for (let img = 0; img < images; img++) {
      const to = (img * nOut + o) * p;
      const q0 = img * p;
      if (finish === null) {
        for (let i = 0; i < p; i++) out[to + i] = sums[(q0 + i) * n4 + j];
      } else {
        for (let i = 0; i < p; i++) out[to + i] = finish(sums[(q0 + i) * n4 + j]);
      }
    }
  }
}

export function countWeightLayer(node: WeightNode, x: IntTensor, counter: NodeCounter): void {
  const n = x.images;
  const outputs = n * node.pixels * node.outChannels;
  const taps = outputs * node.taps;
  const b = node.operandBits;
  if (node.kind === 'multiply') {
    counter.op('mul', b, taps);
    counter.op('add', node.accBits, taps);
  } else if (node.kind === 'adder') {
    counter.op('sub', b, taps);
    counter.op('abs', b + 1, taps);
    counter.op('add', node.accBits, taps);
  } else {
    counter.op('xnor', 1, taps);
    counter.op('popcount', node.taps, outputs);
  }
  counter.accumulations += outputs;
  counter.read(b, x.data.length);
  counter.read(b, n * node.outChannels * node.taps);
  counter.write(node.accBits, outputs);
}
