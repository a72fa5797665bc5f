import { InputError } from '../errors.js';
import type { ConvNode, LinearNode } from '../nn/graph.js';
import type { Tensor } from '../nn/tensor.js';
import type { TensorFormat, WeightNode } from './graph.js';
import type { ResolvedQuantOptions } from './options.js';
import { binarizeWeights, quantizeAdderWeights, quantizeMultiplyWeights } from './weights.js';
import { adderAccBits, binaryAccBits, multiplyAccBits } from './widths.js';

/**
 * One weight layer of the integer graph: its codes, its datapath widths and the real map of
 * its accumulator (what BatchNorm composes with):
 *
 * | kind     | operands                       | acc                 | y[o] (real)                        |
 * |----------|--------------------------------|---------------------|------------------------------------|
 * | multiply | signed b-bit x (scale s_x), w  | Σ x·w, signed       | s_x·s_w[o]·acc (+ bias)             |
 * | adder    | unsigned b-bit x, clip(w)      | Σ \|x − w\|, unsigned | −s_g·acc − C[o] (+ bias)           |
 * | binary   | sign bits of x and w           | popcount(xnor)      | α[o]·(2·acc − K) (+ bias)           |
 *
 * Biases are folded into the real map (the requantization offset absorbs them), so no
 * run-time add is spent on them. The accumulator of a body layer is min(natural, accBits)
 * wide when `accBits` is given; it must still hold one addend.
 */
export interface WeightNodeInput {
  readonly node: ConvNode | LinearNode;
  /** Id of the node it reads. */
  readonly inputId: string;
  readonly inShape: readonly number[];
  readonly outShape: readonly number[];
  readonly inFormat: TensorFormat;
  readonly weight: Tensor;
  readonly bias?: Tensor;
  /** Adder layers: the group (input plane) of each output channel. */
  readonly groups?: Int32Array;
  readonly options: ResolvedQuantOptions;
}

export function buildWeightNode(input: WeightNodeInput): WeightNode {
  const { node, inShape, outShape, inFormat, weight, options } = input;
  const kind = node.kind ?? 'multiply';
  const n = node.op === 'conv' ? node.outChannels : node.outFeatures;
  const k = weight.data.length / n;
  const pixels = node.op === 'conv' ? outShape[1] * outShape[2] : 1;
  const b = options.bits;
  const accScale = new Float64Array(n);
  const accOffset = new Float64Array(n);
  let weights: Int32Array;
  let natural: number;
  let addend: number;
  let channelPlane: Int32Array = new Int32Array(n);
  if (kind === 'multiply') {
    if (inFormat.kind !== 'codes' || !inFormat.signed) throw new Error(`${node.id}: bad input`);
    const q = quantizeMultiplyWeights(weight.data, n, k, b);
    weights = q.codes;
    for (let o = 0; o < n; o++) accScale[o] = inFormat.scales[0] * q.scales[o];
    natural = multiplyAccBits(b, k);
    addend = 2 * b;
  } else if (kind === 'adder') {
    if (inFormat.kind !== 'codes' || inFormat.signed) throw new Error(`${node.id}: bad input`);
    channelPlane = input.groups ?? channelPlane;
    const channelRange = new Float64Array(n);
    const qmax = 2 ** b - 1;
    for (let o = 0; o < n; o++) channelRange[o] = inFormat.scales[channelPlane[o]] * qmax;
    const q = quantizeAdderWeights(weight.data, n, k, b, channelRange);
    weights = q.codes;
    for (let o = 0; o < n; o++) {
      accScale[o] = -q.scales[o];
      accOffset[o] = -q.clampConstants[o];
    }
    natural = adderAccBits(b, k);
    addend = b;
  } else {
    if (inFormat.kind !== 'binary') throw new Error(`${node.id}: bad input`);
    const q = binarizeWeights(weight.data, n, k);
    weights = q.codes;
    for (let o = 0; o < n; o++) {
      accScale[o] = 2 * q.alpha[o];
      accOffset[o] = -q.alpha[o] * k;
    }
    natural = binaryAccBits(k);
    addend = 1;
  }
  if (input.bias) for (let o = 0; o < n; o++) accOffset[o] += input.bias.data[o];
  let accBits = natural;
  if (node.role === 'body' && options.accBits !== null) {
    if (options.accBits < addend) {
      throw new InputError(
        `accBits must be at least ${addend} for ${kind} layer ${node.id} (one addend is ${addend} bits wide), not ${options.accBits}`,
      );
    }
    accBits = Math.min(natural, options.accBits);
  }
  return {
    op: 'weight',
    id: node.id,
    input: input.inputId,
    shape: outShape,
    format: { kind: 'acc', bits: accBits, signed: kind === 'multiply' },
    layer: node.op,
    kind,
    role: node.role,
    inShape,
    conv:
      node.op === 'conv'
        ? { kernel: node.kernel, stride: node.stride ?? 1, padding: node.padding ?? 0 }
        : null,
    outChannels: n,
    taps: k,
    pixels,
    operandBits: kind === 'binary' ? 1 : b,
    operandSigned: kind === 'multiply',
    diffBits: kind === 'adder' ? b + 1 : null,
    weights,
    channelPlane,
    accBits,
    naturalAccBits: natural,
    accSigned: kind === 'multiply',
    overflow: options.overflow,
    accScale,
    accOffset,
  };
}
