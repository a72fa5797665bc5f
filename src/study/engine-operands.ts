import { NodeCounter } from '../engine/counters.js';
import { getKernel, type KernelContext } from '../engine/kernels/registry.js';
import { nodeReads } from '../engine/order.js';
import { DEFAULT_DATAPATH } from '../engine/run.js';
import type { IntTensor } from '../engine/tensor.js';
import { gather } from '../pipeline/measure.js';
import type { PreparedNetwork } from '../pipeline/prepare.js';
import type { WeightNode } from '../quant/graph.js';
import type { LayerOperands } from './operands.js';

/**
 * Integer operands of one weight layer on chosen test images: the graph runs node by node
 * (the engine's functional kernels) up to the layer's input, which is kept.
 */
export function layerOperands(
  prepared: PreparedNetwork,
  layer: string,
  images: readonly number[],
): LayerOperands {
  const { graph } = prepared;
  const test = prepared.data.test;
  const size = test.shape[0] * test.shape[1] * test.shape[2];
  const index = graph.nodes.findIndex((n) => n.id === layer);
  const node = graph.nodes[index] as WeightNode;
  const input = graph.nodes[0];
  const data = Int32Array.from(gather(test.images, size, images));
  const outputs = new Map<string, IntTensor>();
  let x: IntTensor = { shape: input.shape, images: images.length, planes: 1, data };
  for (let i = 0; i < index; i++) {
    const n = graph.nodes[i];
    const ctx: KernelContext = {
      backend: 'functional',
      datapath: DEFAULT_DATAPATH,
      counter: new NodeCounter(n.id),
      simd: true,
    };
    const inputs = n.input === null ? [x] : nodeReads(n).map((id) => outputs.get(id) as IntTensor);
    outputs.set(n.id, getKernel('functional', n)(n, inputs, ctx));
  }
  x = outputs.get(node.input as string) as IntTensor;
  if (x.planes !== 1)
    throw new Error(`${layer}: operands of a grouped adder layer are not supported`);
  const inSize = x.data.length / x.images;
  const inShape = node.conv
    ? (node.inShape as [number, number, number])
    : ([node.taps, 1, 1] as [number, number, number]);
  return {
    layer,
    inputs: images.map((_, k) => Int32Array.from(x.data.subarray(k * inSize, (k + 1) * inSize))),
    inShape,
    weights: node.weights,
    outChannels: node.outChannels,
    kernel: node.conv?.kernel ?? 1,
    stride: node.conv?.stride ?? 1,
    padding: node.conv?.padding ?? 0,
  };
}
