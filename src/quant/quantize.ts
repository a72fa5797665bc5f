import { type DoubleQuantizer, doubleQuantizer, quantizeDouble } from '../bits/fast-number.js';
import { InputError } from '../errors.js';
import { inferShapes, type ModelGraph, nodeInputs } from '../nn/graph.js';
import { BN_EPS } from '../nn/layers/batchnorm.js';
import type { Tensor } from '../nn/tensor.js';
import type { ActivationRange } from './calibrate.js';
import { binarizedNodes, checkSupported, type SourceChain, sourceChains } from './formats.js';
import {
  type BinaryFormat,
  type CodesFormat,
  type IntegerGraph,
  type IntNode,
  storedBits,
  type TensorFormat,
  type WeightNode,
} from './graph.js';
import type { ResolvedQuantOptions } from './options.js';
import { buildBn } from './requant-node.js';
import { buildAdd, buildAvgpool } from './residual-node.js';
import { buildWeightNode } from './weight-node.js';
import { adderGroups } from './weights.js';
import { codeRange, QUANT_ROUNDING } from './widths.js';

/**
 * Builds the integer graph of a trained network (post-training quantization):
 *
 * - AdderNet layers: one scale shared by activations and weights (|s·x − s·w| = s·|x − w|), per
 *   layer or per group of output channels; unsigned b-bit operands in [0, A] after the lossless
 *   weight clamp (weights.ts), A = the calibrated range of the layer's input.
 * - CNN (multiply) layers: per-channel weight scales, a per-tensor activation scale
 *   A / (2^(b−1) − 1); signed b-bit operands (post-ReLU activations use codes 0 .. 2^(b−1) − 1).
 * - BNN: binary layers on ±1 lanes; stem and classifier as the CNN's multiply layers.
 * - Stem input: the normalised image quantized to the stem's format by a 256-entry table.
 * - Every BatchNorm requantizes to what its consumer reads (formats.ts), by multiply-shift or
 *   thresholds (requant.ts); the logits come out as signed b-bit codes.
 */
export interface QuantizeInput {
  readonly graph: ModelGraph;
  readonly tensors: ReadonlyMap<string, Tensor>;
  /** Calibrated ranges of every weight layer's input node and of the output node. */
  readonly ranges: ReadonlyMap<string, ActivationRange>;
  readonly options: ResolvedQuantOptions;
  readonly dataset: {
    readonly name: string;
    readonly mean: readonly number[];
    readonly std: readonly number[];
  };
}

export function buildIntegerGraph(input: QuantizeInput): IntegerGraph {
  const { graph, tensors, options } = input;
  checkSupported(graph);
  const nodes = graph.nodes;
  const shapes = inferShapes(graph);
  const b = options.bits;
  const chains = sourceChains(graph);
  const binarized = binarizedNodes(graph);
  const range = (id: string): number => {
    const r = input.ranges.get(id);
    if (!r) throw new Error(`no calibrated range for node ${id}`);
    return r.range;
  };
  const tensor = (name: string): Tensor => {
    const t = tensors.get(name);
    if (!t) throw new InputError(`${graph.name}: missing tensor ${name}`);
    return t;
  };

  // The format each chain's source quantizes to: decided by its consumer when one weight layer
  // reads it, else its own (formats.ts). A BatchNorm feeding a residual add directly quantizes
  // straight to the add's format, so that branch needs no alignment.
  const targets = new Map<
    number,
    { format: TensorFormat; chain: SourceChain; groups?: Int32Array }
  >();
  const ranges: Record<string, number> = {};
  const ownFormat = (chain: SourceChain): CodesFormat => {
    const source = nodes[chain.source];
    const adderOnly =
      chain.readers.length > 0 &&
      chain.readers.every((r) => {
        const n = nodes[r];
        return (n.op === 'conv' || n.op === 'linear') && n.kind === 'adder';
      });
    const relu = chain.between.length > 0 && nodes[chain.between[0]].op === 'relu';
    const unsigned = adderOnly && relu && source.op !== 'add';
    return codes(b, !unsigned, [range(chain.end) / codeRange(b, !unsigned).hi]);
  };
  const addFormats = new Map<string, CodesFormat>();
  for (const chain of chains) {
    if (nodes[chain.source].op === 'add') addFormats.set(nodes[chain.source].id, ownFormat(chain));
  }
  for (const chain of chains) {
    const hasHardtanh = chain.between.some((i) => nodes[i].op === 'hardtanh');
    const source = nodes[chain.source];
    if (chain.readers.length === 0) {
      const a = range(source.id);
      targets.set(chain.source, { chain, format: codes(b, true, [a / codeRange(b, true).hi]) });
      continue;
    }
    if (chain.consumer === undefined) {
      const reader = nodes[chain.readers[0]];
      const direct =
        source.op === 'bn' &&
        chain.between.length === 0 &&
        chain.readers.length === 1 &&
        reader.op === 'add';
      const format = direct
        ? (addFormats.get(reader.id) as CodesFormat)
        : (addFormats.get(source.id) ?? ownFormat(chain));
      targets.set(chain.source, { chain, format });
      continue;
    }
    const w = nodes[chain.consumer];
    if (w.op !== 'conv' && w.op !== 'linear') throw new Error('consumer is not a weight layer');
    const inputId = nodeInputs(nodes, chain.consumer)[0];
    const a = range(inputId);
    ranges[w.id] = a;
    const kind = w.kind ?? 'multiply';
    if (kind === 'adder') {
      const weight = tensor(`${w.id}.weight`);
      const n = weight.shape[0];
      const { channelGroup, groupRange } = adderGroups(
        weight.data,
        n,
        weight.data.length / n,
        options.groups,
        a,
      );
      const qmax = codeRange(b, false).hi;
      targets.set(chain.source, {
        chain,
        format: codes(
          b,
          false,
          groupRange.map((r) => r / qmax),
        ),
        groups: channelGroup,
      });
    } else if (kind === 'multiply') {
      targets.set(chain.source, { chain, format: codes(b, true, [a / codeRange(b, true).hi]) });
    } else if (options.bn === 'thresholds' && nodes[chain.source].op === 'bn') {
      targets.set(chain.source, { chain, format: { kind: 'binary' } satisfies BinaryFormat });
    } else {
      // multiply-shift: codes first, the sign later (hardtanh range [-1, 1] when present).
      const full = hasHardtanh ? 1 : a;
      targets.set(chain.source, { chain, format: codes(b, true, [full / codeRange(b, true).hi]) });
    }
  }
  // Fused activations (thresholds mode) exist only right after a BatchNorm, which clamps.
  const afterBn = new Set<number>();
  for (const chain of chains) {
    if (nodes[chain.source].op === 'bn') for (const i of chain.between) afterBn.add(i);
  }

  const built = new Map<string, IntNode>();
  const out: IntNode[] = [];
  nodes.forEach((node, i) => {
    const shape = shapes.get(node.id) as number[];
    const fromId = node.op === 'input' ? null : nodeInputs(nodes, i)[0];
    const from = fromId === null ? undefined : built.get(fromId);
    let made: IntNode;
    switch (node.op) {
      case 'input': {
        const target = targets.get(i);
        if (target?.format.kind !== 'codes') throw new Error('input has no codes format');
        made = inputNode(node.id, shape, target.format, input.dataset);
        break;
      }
      case 'conv':
      case 'linear': {
        const consumerTarget = [...targets.values()].find((t) => t.chain.consumer === i);
        made = buildWeightNode({
          node,
          inputId: fromId as string,
          inShape: shapes.get(fromId as string) as number[],
          outShape: shape,
          inFormat: operandFormat(graph.name, node, from as IntNode, built),
          weight: tensor(`${node.id}.weight`),
          bias: tensors.get(`${node.id}.bias`),
          groups: consumerTarget?.groups,
          options,
        });
        break;
      }
      case 'bn': {
        const target = targets.get(i);
        if (!target) throw new Error(`bn ${node.id} has no target format`);
        made = buildBn({
          id: node.id,
          shape,
          weightNode: from as WeightNode,
          gamma: tensor(`${node.id}.weight`).data,
          beta: tensor(`${node.id}.bias`).data,
          mean: tensor(`${node.id}.running_mean`).data,
          variance: tensor(`${node.id}.running_var`).data,
          eps: BN_EPS,
          format: target.format,
          activations: target.chain.between.map((j) => nodes[j].op),
          mode: options.bn,
          bits: b,
        });
        break;
      }
      case 'relu':
        made = {
          op: 'relu',
          id: node.id,
          input: fromId,
          shape,
          format: (from as IntNode).format,
          fused: options.bn === 'thresholds' && afterBn.has(i),
          inBits: storedBits((from as IntNode).format),
        };
        break;
      case 'hardtanh': {
        const f = (from as IntNode).format;
        const binarize = binarized.has(node.id) && f.kind !== 'binary';
        const clip = new Int32Array(f.kind === 'codes' ? f.planes : 1);
        if (f.kind === 'codes') {
          f.scales.forEach((s, p) => {
            clip[p] = quantizeDouble(1 / s, codeQuantizer(f));
          });
        }
        made = {
          op: 'hardtanh',
          id: node.id,
          input: fromId,
          shape,
          format: binarize ? { kind: 'binary' } : f,
          fused: options.bn === 'thresholds' && afterBn.has(i),
          clip,
          binarize,
          inBits: storedBits(f),
        };
        break;
      }
      case 'maxpool': {
        const f = (from as IntNode).format;
        const binarize = binarized.has(node.id) && f.kind !== 'binary';
        made = {
          op: 'maxpool',
          id: node.id,
          input: fromId,
          shape,
          format: binarize ? { kind: 'binary' } : f,
          kernel: node.kernel,
          stride: node.stride ?? node.kernel,
          padding: node.padding ?? 0,
          binarize,
          inBits: storedBits(f),
        };
        break;
      }
      case 'add': {
        const [first, second] = nodeInputs(nodes, i);
        made = buildAdd({
          id: node.id,
          shape,
          inputs: [built.get(first) as IntNode, built.get(second) as IntNode],
          format: (targets.get(i) as { format: TensorFormat }).format,
          bits: b,
        });
        break;
      }
      case 'avgpool':
      case 'globalavgpool':
        made = buildAvgpool({
          node,
          shape,
          from: from as IntNode,
          format: (targets.get(i) as { format: TensorFormat }).format,
          bits: b,
        });
        break;
      case 'flatten':
        made = {
          op: 'flatten',
          id: node.id,
          input: fromId,
          shape,
          format: (from as IntNode).format,
        };
        break;
      default:
        throw new Error(`unsupported op ${(node as { op: string }).op}`);
    }
    built.set(node.id, made);
    out.push(made);
  });
  return {
    name: graph.name,
    variant: graph.variant,
    dataset: input.dataset.name,
    options,
    nodes: out,
    ranges,
    mean: [...input.dataset.mean],
    std: [...input.dataset.std],
  };
}

/**
 * The operand format a weight layer reads. A source with a format of its own may be signed
 * codes that a ReLU made non-negative (a residual sum): an adder layer reads those codes as
 * unsigned operands of the same scale (its weight clamp then spans the full unsigned range,
 * which holds every activation). A multiply layer needs signed codes.
 */
function operandFormat(
  net: string,
  node: { id: string; kind?: string },
  from: IntNode,
  built: ReadonlyMap<string, IntNode>,
): TensorFormat {
  const f = from.format;
  if (f.kind !== 'codes') return f;
  if ((node.kind ?? 'multiply') === 'adder' && f.signed) {
    let at: IntNode | undefined = from;
    while (at && at.op !== 'relu' && (at.op === 'maxpool' || at.op === 'flatten')) {
      at = at.input === null ? undefined : built.get(at.input);
    }
    if (at?.op !== 'relu') {
      throw new InputError(
        `${net}: adder layer ${node.id} must read non-negative codes (a ReLU output) when its input feeds other layers too`,
      );
    }
    return { ...f, signed: false };
  }
  if ((node.kind ?? 'multiply') === 'multiply' && !f.signed) {
    throw new InputError(
      `${net}: multiply layer ${node.id} must read signed codes, but its input is shared with adder layers as unsigned codes`,
    );
  }
  return f;
}

/** Real values to a codes format's integers: the quantizer's rounding, then SAT to its range. */
function codeQuantizer(format: CodesFormat): DoubleQuantizer {
  return doubleQuantizer({
    width: format.bits,
    signed: format.signed,
    rounding: QUANT_ROUNDING,
    overflow: 'SAT',
  });
}

function codes(bits: number, signed: boolean, scales: number[]): CodesFormat {
  return { kind: 'codes', bits, signed, planes: scales.length, scales };
}

/** The input node: code = clamp(round(((byte/255 − mean)/std) / scale)) per plane and channel. */
function inputNode(
  id: string,
  shape: number[],
  format: CodesFormat,
  dataset: QuantizeInput['dataset'],
): IntNode {
  const channels = shape[0];
  const q = codeQuantizer(format);
  const table = new Int32Array(format.planes * channels * 256);
  for (let p = 0; p < format.planes; p++) {
    for (let c = 0; c < channels; c++) {
      for (let v = 0; v < 256; v++) {
        const x = (v / 255 - dataset.mean[c]) / dataset.std[c];
        table[(p * channels + c) * 256 + v] = quantizeDouble(x / format.scales[p], q);
      }
    }
  }
  return { op: 'input', id, input: null, shape, format, table };
}
