import type { ImportedCircuit } from '../gen/approx/slots.js';
import type { IntegerGraph, IntNode } from '../quant/graph.js';
import { mergeNodeCounts, NodeCounter, type NodeCounts } from './counters.js';
import { nodeOrder, nodeReads } from './order.js';
import './gate/index.js';
import './kernels/index.js';
import { type Backend, type Datapath, getKernel, type KernelContext } from './kernels/registry.js';
import { registerCircuits } from './slots.js';
import type { IntTensor } from './tensor.js';

/**
 * Runs an integer graph over images through one backend, batch by batch, node by node in graph
 * order (each node's kernel from the registry), and returns the top-1 predictions and every
 * node's exact counters summed over the images.
 *
 * Images are raw bytes [count, C, H, W] (the dataset's own encoding); the input node quantizes
 * them. The prediction is the index of the largest logit code (the first on ties), not counted
 * as an operation. Deterministic: results do not depend on the batch size.
 */
export const DEFAULT_DATAPATH: Datapath = {
  adder: 'ripple-carry',
  absdiff: 'ones-complement',
  multiplier: 'array',
};

export interface RunOptions {
  readonly backend?: Backend;
  readonly datapath?: Partial<Datapath>;
  /** Imported slot circuits the datapath names by key (engine/slots.ts). */
  readonly circuits?: readonly ImportedCircuit[];
  /** Use the WebAssembly SIMD kernels (functional backend); default true. */
  readonly simd?: boolean;
  /** Images per batch; default 256. */
  readonly batch?: number;
  /** Called after every batch with the number of images done. */
  readonly onProgress?: (done: number) => void;
  /** Called with every node's output of every batch (inspection, operand capture). */
  readonly onNode?: (node: IntNode, output: IntTensor, first: number) => void;
}

export interface RunResult {
  readonly images: number;
  readonly predictions: Int32Array;
  /** Counters of every node, in graph order, summed over all images. */
  readonly nodes: readonly NodeCounts[];
}

export function runIntegerGraph(
  graph: IntegerGraph,
  images: Uint8Array,
  count: number,
  options: RunOptions = {},
): RunResult {
  const backend = options.backend ?? 'functional';
  const datapath = { ...DEFAULT_DATAPATH, ...options.datapath };
  registerCircuits(options.circuits);
  const batch = options.batch ?? 256;
  const input = graph.nodes[0];
  const perImage = input.shape.reduce((a, b) => a * b, 1);
  const counters = graph.nodes.map((n) => new NodeCounter(n.id));
  const predictions = new Int32Array(count);
  const order = nodeOrder(graph);
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    const bytes: IntTensor = {
      shape: input.shape,
      images: n,
      planes: 1,
      data: Int32Array.from(images.subarray(start * perImage, (start + n) * perImage)),
    };
    const outputs = new Map<string, IntTensor>();
    graph.nodes.forEach((node: IntNode, i) => {
      const ctx: KernelContext = {
        backend,
        datapath,
        counter: counters[i],
        simd: options.simd ?? true,
      };
      const inputs =
        node.input === null ? [bytes] : nodeReads(node).map((id) => outputs.get(id) as IntTensor);
      const output = getKernel(backend, node)(node, inputs, ctx);
      outputs.set(node.id, output);
      options.onNode?.(node, output, start);
      for (const id of order.freeAfter[i]) outputs.delete(id);
    });
    const logits = outputs.get(graph.nodes[graph.nodes.length - 1].id) as IntTensor;
    argmaxInto(logits, predictions, start);
    options.onProgress?.(start + n);
  }
  return { images: count, predictions, nodes: counters.map((c) => c.snapshot()) };
}

function argmaxInto(logits: IntTensor, out: Int32Array, offset: number): void {
  const classes = logits.data.length / logits.images;
  for (let b = 0; b < logits.images; b++) {
    let best = 0;
    for (let j = 1; j < classes; j++) {
      if (logits.data[b * classes + j] > logits.data[b * classes + best]) best = j;
    }
    out[offset + b] = best;
  }
}

/** Sums the node counters of runs over disjoint image sets (worker threads). */
export function mergeRuns(parts: readonly RunResult[]): RunResult {
  const images = parts.reduce((s, p) => s + p.images, 0);
  const predictions = new Int32Array(images);
  let at = 0;
  for (const p of parts) {
    predictions.set(p.predictions, at);
    at += p.images;
  }
  const nodes = parts[0].nodes.map((_, i) => mergeNodeCounts(parts.map((p) => p.nodes[i])));
  return { images, predictions, nodes };
}
