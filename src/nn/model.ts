import { InputError } from '../errors.js';
import { type GraphNode, inferShapes, type ModelGraph, nodeInputs, windowOf } from './graph.js';
import { BatchNorm } from './layers/batchnorm.js';
import { Add, Concat, Flatten, HardTanh, ReLU, ReLU6 } from './layers/elementwise.js';
import { Pool } from './layers/pool.js';
import type { Buffer, Layer, Param } from './layers/types.js';
import { WeightLayer } from './layers/weighted.js';
import { Rng } from './rng.js';
import { type Tensor, tensor } from './tensor.js';

/**
 * A runnable network built from a derived graph (`deriveVariant`): one layer per node, run in
 * the graph's order. The same graph drives float inference here, the quantizer and the
 * operation counters. Checkpoint tensor names are PyTorch's: `<nodeId>.weight`, `.bias`,
 * `.running_mean`, `.running_var`.
 */
export interface ForwardOptions {
  /** Training mode: BatchNorm uses batch statistics and layers keep what backward needs. */
  readonly training?: boolean;
}

/** The PRNG stream used for initial weights (streams ≥ 1000 are per-epoch shuffles). */
const INIT_STREAM = 1;

export class Model {
  readonly layers = new Map<string, Layer>();
  readonly shapes: Map<string, number[]>;
  private readonly inputShape: readonly number[];
  /** What error messages name: the checkpoint file once loadState has read one. */
  private source: string;

  constructor(readonly graph: ModelGraph) {
    this.shapes = inferShapes(graph);
    this.source = graph.name;
    const input = graph.nodes[0];
    if (input.op !== 'input') throw new InputError(`${graph.name}: the first node must be input`);
    this.inputShape = input.shape;
    graph.nodes.forEach((node, i) => {
      if (node.op === 'input') return;
      const from = nodeInputs(graph.nodes, i)[0];
      const inputGrad = from !== input.id;
      this.layers.set(node.id, makeLayer(node, this.shapes.get(from)!, inputGrad));
    });
  }

  /** Every trainable parameter, in graph order (weight before bias). */
  params(): Param[] {
    return [...this.layers.values()].flatMap((l) => l.params());
  }

  buffers(): Buffer[] {
    return [...this.layers.values()].flatMap((l) => l.buffers());
  }

  /** Parameters and buffers by checkpoint name (views on the live data, not copies). */
  stateTensors(): Map<string, Tensor> {
    const out = new Map<string, Tensor>();
    for (const t of [...this.params(), ...this.buffers()]) {
      out.set(t.name, { shape: t.shape, data: t.data });
    }
    return out;
  }

  /**
   * Copies tensors in by name. Every parameter and buffer must be present with its shape;
   * names the model does not have are an error too (a checkpoint of another graph).
   */
  loadState(tensors: ReadonlyMap<string, Tensor>, source: string): void {
    this.source = source;
    const own = this.stateTensors();
    for (const [name, t] of own) {
      const given = tensors.get(name);
      if (!given) throw new InputError(`${source}: missing tensor ${name}`);
      if (given.shape.join() !== t.shape.join()) {
        throw new InputError(
          `${source}: tensor ${name} must have shape [${t.shape}], not [${given.shape}]`,
        );
      }
      t.data.set(given.data);
    }
    for (const name of tensors.keys()) {
      if (!own.has(name))
        throw new InputError(`${source}: tensor ${name} is not in the model graph`);
    }
  }

  /**
   * Initial weights from the seed: multiply and binary layers U(−1/√fan_in, 1/√fan_in) for
   * weight and bias (PyTorch's default), adder layers N(0, 1) (official AdderNet); BatchNorm
   * γ = 1, β = 0.
   */
  initialise(seed: number): void {
    const rng = new Rng(seed, INIT_STREAM);
    for (const layer of this.layers.values()) {
      if (!(layer instanceof WeightLayer)) continue;
      const fanIn = layer.weight.data.length / layer.spec.outChannels;
      const bound = 1 / Math.sqrt(fanIn);
      const w = layer.weight.data;
      if (layer.spec.kind === 'adder') for (let i = 0; i < w.length; i++) w[i] = rng.normal();
      else for (let i = 0; i < w.length; i++) w[i] = (2 * rng.uniform() - 1) * bound;
      const b = layer.bias?.data;
      if (b) for (let i = 0; i < b.length; i++) b[i] = (2 * rng.uniform() - 1) * bound;
    }
  }

  /** Logits [N, classes] for a batch [N, ...input shape]. */
  forward(x: Tensor, options: ForwardOptions = {}): Tensor {
    const outputs = this.run(x, options.training ?? false, false);
    return outputs.get(this.graph.nodes[this.graph.nodes.length - 1].id)!;
  }

  /** The output of every node by id, in eval mode (for calibration). */
  forwardAll(x: Tensor): Map<string, Tensor> {
    return this.run(x, false, true);
  }

  /** Back-propagates dL/d(logits) through the last training forward, filling Param.grad. */
  backward(gradLogits: Tensor): void {
    const nodes = this.graph.nodes;
    const grads = new Map<string, Tensor>([[nodes[nodes.length - 1].id, gradLogits]]);
    for (let i = nodes.length - 1; i > 0; i--) {
      const g = grads.get(nodes[i].id);
      if (!g) continue; // output not used by the loss
      grads.delete(nodes[i].id);
      const dins = this.layers.get(nodes[i].id)!.backward(g);
      nodeInputs(nodes, i).forEach((id, k) => {
        if (!dins[k]) return; // the network input needs no gradient
        const prev = grads.get(id);
        if (!prev) {
          grads.set(id, dins[k]);
          return;
        }
        const sum = tensor(prev.shape);
        for (let j = 0; j < sum.data.length; j++) sum.data[j] = prev.data[j] + dins[k].data[j];
        grads.set(id, sum);
      });
    }
  }

  /**
   * Finite weights can still overflow float32 on the way (a weight of 3e38, a tiny BatchNorm
   * variance); such a network gives no meaningful output, so evaluation and calibration refuse
   * it naming the node instead of printing an accuracy computed from NaN.
   */
  private checkFinite(id: string, t: Tensor): void {
    const d = t.data;
    for (let i = 0; i < d.length; i++) {
      if (!Number.isFinite(d[i])) {
        throw new InputError(
          `${this.source}: node ${id}: output overflows (expected finite float32 activations, found ${d[i]}); the weights are out of range`,
        );
      }
    }
  }

  private run(x: Tensor, training: boolean, keepAll: boolean): Map<string, Tensor> {
    const want = this.inputShape.join();
    if (x.shape.length !== this.inputShape.length + 1 || x.shape.slice(1).join() !== want) {
      throw new InputError(
        `${this.graph.name}: input must have shape [N, ${want}], not [${x.shape}]`,
      );
    }
    const nodes = this.graph.nodes;
    const outputs = new Map<string, Tensor>([[nodes[0].id, x]]);
    const lastUse = keepAll ? undefined : lastUses(nodes);
    for (let i = 1; i < nodes.length; i++) {
      const ins = nodeInputs(nodes, i).map((id) => outputs.get(id)!);
      const out = this.layers.get(nodes[i].id)!.forward(ins, training);
      if (!training) this.checkFinite(nodes[i].id, out);
      outputs.set(nodes[i].id, out);
      if (lastUse)
        for (const id of nodeInputs(nodes, i)) if (lastUse.get(id) === i) outputs.delete(id);
    }
    return outputs;
  }
}

/** For each node id, the index of the last node reading it (to free activations early). */
function lastUses(nodes: readonly GraphNode[]): Map<string, number> {
  const last = new Map<string, number>();
  nodes.forEach((_, i) => {
    for (const id of nodeInputs(nodes, i)) last.set(id, i);
  });
  return last;
}

function makeLayer(node: GraphNode, inShape: readonly number[], inputGrad: boolean): Layer {
  switch (node.op) {
    case 'conv':
      return new WeightLayer({
        id: node.id,
        kind: node.kind ?? 'multiply',
        inChannels: inShape[0],
        outChannels: node.outChannels,
        conv: windowOf(node),
        bias: node.bias ?? false,
        inputGrad,
      });
    case 'linear':
      return new WeightLayer({
        id: node.id,
        kind: node.kind ?? 'multiply',
        inChannels: inShape[0],
        outChannels: node.outFeatures,
        bias: node.bias ?? false,
        inputGrad,
      });
    case 'bn':
      return new BatchNorm(node.id, inShape[0]);
    case 'relu':
      return new ReLU();
    case 'hardtanh':
      return new HardTanh();
    case 'maxpool':
    case 'avgpool':
      return new Pool(node.op === 'maxpool' ? 'max' : 'avg', 0, 0, 0, windowOf(node));
    case 'relu6':
      return new ReLU6();
    case 'concat':
      return new Concat();
    case 'globalavgpool':
      return new Pool('global');
    case 'flatten':
      return new Flatten();
    case 'add':
      return new Add();
    default:
      throw new InputError(`node ${node.id}: op ${(node as GraphNode).op} cannot be run`);
  }
}
