import { InputError } from '../../errors.js';
import type { GraphNode } from '../graph.js';
import { BN_EPS } from '../layers/batchnorm.js';
import type { Tensor } from '../tensor.js';
import type { OnnxTensor } from './proto.js';
import { type Const, decodeTensor } from './tensors.js';

/**
 * The state of one ONNX-to-graph conversion: what every ONNX tensor name holds, the graph
 * nodes and checkpoint tensors made so far, and the rule that every weight layer is followed
 * by a BatchNorm node.
 *
 * That rule is the form of the built-in architectures and the step where an integer datapath
 * requantizes: a Conv or Gemm read by a BatchNormalization (and by nothing else) takes it as
 * its BatchNorm, with the layer's bias moved into the BN's mean (BN(x + b) has mean μ − b); a
 * layer whose BatchNorm the exporter folded away (it has a bias and no BN) gets one holding the
 * bias: γ = 1, β = bias, μ = 0, σ² = 1 − ε, so the network computes the same values. The
 * weight layer itself keeps no bias. A layer is "sealed" (its BN node emitted) when the first
 * node that is not its BN or its bias Add reads it.
 */

/** An activation: a graph node's output, [C, H, W] or [F] per image. */
export interface Activation {
  readonly kind: 'act';
  readonly id: string;
  readonly shape: readonly number[];
  /** Zero padding a Pad node asked for, to be taken by the Conv or AveragePool reading it. */
  readonly pad?: readonly [number, number, number, number];
}
export interface Constant {
  readonly kind: 'const';
  readonly tensor: OnnxTensor;
  readonly name: string;
}
export type Value = Activation | Constant;

const MAX_ID = 200;

interface WeightLayer {
  /** Output channels or features: the BN's length. */
  readonly channels: number;
  bias: Float32Array | undefined;
  /** The BN node that now stands for the layer's output, once sealed. */
  sealedAs?: string;
}

export class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly tensors = new Map<string, Tensor>();
  private readonly values = new Map<string, Value>();
  private readonly ids = new Set<string>();
  private readonly layers = new Map<string, WeightLayer>();
  private readonly decoded = new Map<string, Const>();

  constructor(
    readonly file: string,
    /** How many nodes (and graph outputs) read each ONNX tensor name. */
    readonly readers: ReadonlyMap<string, number>,
  ) {}

  /** A node id not used yet, from an ONNX node name ("/layer1/conv1/Conv" -> "layer1/conv1/Conv"). */
  uniqueId(base: string): string {
    // Ids become tensor names and appear in messages: a hostile name is cut to 200 characters.
    const stem = base.replace(/^\/+/, '').slice(0, MAX_ID) || 'node';
    let id = stem;
    for (let k = 2; this.ids.has(id); k++) id = `${stem}_${k}`;
    this.ids.add(id);
    return id;
  }

  define(name: string, value: Value, where: string): void {
    if (name === '') return;
    if (this.values.has(name)) {
      throw new InputError(
        `${this.file}: ${where}: output ${JSON.stringify(name)} is produced twice`,
      );
    }
    this.values.set(name, value);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** The raw value of a name (no sealing): for ops that pass a value through unchanged. */
  value(name: string, where: string): Value {
    const v = this.values.get(name);
    if (v === undefined) {
      throw new InputError(
        `${this.file}: ${where}: reads ${JSON.stringify(name)}, which nothing produces`,
      );
    }
    return v;
  }

  /**
   * An activation for an op that computes on it: a weight layer's output is sealed with its
   * BatchNorm first, and a pending Pad is refused unless the op takes it (`takesPad`).
   */
  act(name: string, where: string, takesPad = false): Activation {
    const v = this.value(name, where);
    if (v.kind !== 'act') {
      throw new InputError(
        `${this.file}: ${where}: input ${JSON.stringify(name)} is a constant (expected an activation computed from the network input)`,
      );
    }
    if (v.pad && !takesPad) {
      throw new InputError(
        `${this.file}: ${where}: reads the output of a Pad (expected a Pad only before Conv or AveragePool)`,
      );
    }
    const layer = this.layers.get(v.id);
    if (!layer) return v;
    return { ...v, id: this.seal(v.id, layer) };
  }

  /** A constant input, decoded (float or integer), or undefined for an absent optional input. */
  constant(name: string | undefined, where: string): Const | undefined {
    if (name === undefined || name === '') return undefined;
    const v = this.value(name, where);
    if (v.kind !== 'const') {
      throw new InputError(
        `${this.file}: ${where}: input ${JSON.stringify(name)} is computed from the network input (expected a constant: an initializer or Constant output)`,
      );
    }
    let c = this.decoded.get(v.name);
    if (!c) {
      c = decodeTensor(v.tensor, `tensor ${JSON.stringify(v.name)}`, this.file);
      this.decoded.set(v.name, c);
    }
    return c;
  }

  /** A float constant of exactly `dims` (or, with `loose`, of that many elements). */
  floats(
    name: string | undefined,
    dims: readonly number[],
    where: string,
    what: string,
    loose = false,
  ): Float32Array {
    const c = this.constant(name, where);
    const size = dims.reduce((a, b) => a * b, 1);
    const ok =
      c !== undefined &&
      c.kind === 'float' &&
      (loose ? c.data.length === size : c.dims.join() === dims.join());
    if (!ok) {
      throw new InputError(
        `${this.file}: ${where}: ${what} ${JSON.stringify(name ?? '')} does not fit (expected float values of shape [${dims}], found ${c === undefined ? 'none' : `${c.kind} [${c.dims}]`})`,
      );
    }
    return (c as Extract<Const, { kind: 'float' }>).data;
  }

  /** Appends a node (with explicit inputs) and its tensors. */
  emit(node: GraphNode, tensors: Record<string, Tensor> = {}): void {
    this.nodes.push(node);
    for (const [suffix, t] of Object.entries(tensors)) this.tensors.set(`${node.id}.${suffix}`, t);
  }

  /** Registers a conv or linear node as a weight layer whose BatchNorm is still to come. */
  weightLayer(id: string, channels: number, bias: Float32Array | undefined): void {
    this.layers.set(id, { channels, bias });
  }

  /** The unsealed weight layer `name` holds, if any, when it has exactly one reader. */
  private soleLayer(name: string): { id: string; layer: WeightLayer } | undefined {
    const v = this.values.get(name);
    if (v?.kind !== 'act' || v.pad || (this.readers.get(name) ?? 0) !== 1) return undefined;
    const layer = this.layers.get(v.id);
    return layer && layer.sealedAs === undefined ? { id: v.id, layer } : undefined;
  }

  /** Gives an unsealed, bias-less weight layer its bias (MatMul + Add); false if it cannot. */
  takeBias(name: string, bias: Float32Array): boolean {
    const l = this.soleLayer(name);
    if (!l || l.layer.bias !== undefined || bias.length !== l.layer.channels) return false;
    l.layer.bias = bias;
    return true;
  }

  /**
   * Attaches a BatchNormalization to the weight layer it reads, when that layer is unsealed and
   * the BN is its only reader; returns the BN's node id, or undefined (then the BN stands alone).
   */
  attachBn(name: string, bnName: string, params: BnParams): string | undefined {
    const l = this.soleLayer(name);
    if (!l) return undefined;
    const mean = params.mean.map((m, c) => m - (l.layer.bias?.[c] ?? 0));
    const id = this.uniqueId(bnName);
    this.emitBn(id, l.id, { ...params, mean });
    l.layer.sealedAs = id;
    return id;
  }

  emitBn(id: string, input: string, p: BnParams): void {
    const c = p.gamma.length;
    this.emit(
      { id, op: 'bn', input },
      {
        weight: { shape: [c], data: Float32Array.from(p.gamma) },
        bias: { shape: [c], data: Float32Array.from(p.beta) },
        running_mean: { shape: [c], data: Float32Array.from(p.mean) },
        running_var: { shape: [c], data: Float32Array.from(p.variance) },
      },
    );
  }

  private seal(id: string, layer: WeightLayer): string {
    if (layer.sealedAs !== undefined) return layer.sealedAs;
    const c = layer.channels;
    const bn = this.uniqueId(`${id}/bn`);
    this.emitBn(bn, id, {
      gamma: new Float64Array(c).fill(1),
      beta: Float64Array.from(layer.bias ?? new Float32Array(c)),
      mean: new Float64Array(c),
      // σ² + ε = 1: the inserted BN is the identity plus the bias.
      variance: new Float64Array(c).fill(1 - BN_EPS),
    });
    layer.sealedAs = bn;
    return bn;
  }
}

/** BatchNorm parameters in float64, ε already folded into the variance for BN_EPS. */
export interface BnParams {
  readonly gamma: Float64Array;
  readonly beta: Float64Array;
  readonly mean: Float64Array;
  readonly variance: Float64Array;
}
