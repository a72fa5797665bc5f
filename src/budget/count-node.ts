import { mergeCounts, type OpCount, type Primitive } from '../cost/ops.js';
import { type GraphNode, type LayerKind, type ModelGraph, windowOf } from '../nn/graph.js';
import { type PaperCounts, paperCounts } from './conventions.js';
import { outputPixels, paddedWindowPairs, validWindowPairs, type Window2d } from './geometry.js';
import type { NodeCount, OpGroup } from './node-count.js';
import { adderAccumulatorBits, multiplyAccumulatorBits, popcountBits, sumBits } from './widths.js';

/**
 * The counting rules of conventions.ts for one node of a derived graph: compute primitives,
 * memory traffic, parameters and the paper-convention counts. The node's input widths and
 * whether its output is binarized come from the graph walk (count-graph.ts).
 */

const NO_PAPER: PaperCounts = { mul: 0, add: 0, xnor: 0 };

const elements = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

export interface NodeContext {
  readonly bits: number;
  readonly variant: ModelGraph['variant'];
  readonly inShapes: readonly (readonly number[])[];
  readonly inBits: readonly number[];
  readonly outShape: readonly number[];
  readonly binarizeOutput: boolean;
  /**
   * add nodes: per input, whether it is aligned to the sum's scale by a multiply-shift (every
   * input but a BatchNorm read by this add alone, which requantizes straight to the sum's scale).
   */
  readonly alignedInputs?: readonly boolean[];
}

/** Accumulates op and memory counts of one node. */
class Tally {
  readonly ops: OpCount[] = [];
  readonly memory: OpCount[] = [];
  weightReads = 0;
  weightReadBits = 0;

  op(op: Primitive, bits: number, count: number, bitsB?: number): void {
    if (count > 0) this.ops.push({ op, bits, ...(bitsB === undefined ? {} : { bitsB }), count });
  }
  // Tensors and parameter sets are never empty (the graph schema admits positive sizes only),
  // so every read and write has a count of at least one.
  read(bits: number, count: number): void {
    this.memory.push({ op: 'sram-read', bits, count });
  }
  readWeights(bits: number, count: number): void {
    this.read(bits, count);
    this.weightReads += count;
    this.weightReadBits += bits * count;
  }
  write(bits: number, count: number): void {
    this.memory.push({ op: 'sram-write', bits, count });
  }
}

export function countNode(node: GraphNode, ctx: NodeContext): NodeCount {
  const t = new Tally();
  const base = { id: node.id, op: node.op, inShapes: ctx.inShapes, outShape: ctx.outShape };
  const finish = (
    rest: Partial<NodeCount> & { outBits: number; group: OpGroup },
    outWidthBeforeSign: number,
  ): NodeCount => {
    let outBits = rest.outBits;
    if (ctx.binarizeOutput && node.op !== 'hardtanh') {
      t.op('cmp', outWidthBeforeSign, elements(ctx.outShape));
      outBits = 1;
    }
    if (node.op !== 'input' && node.op !== 'flatten') {
      ctx.inShapes.forEach((s, k) => t.read(ctx.inBits[k], elements(s)));
      t.write(outBits, elements(ctx.outShape));
    }
    return {
      ...base,
      params: 0,
      bn: 0,
      paper: NO_PAPER,
      ...rest,
      outBits,
      ops: mergeCounts(t.ops),
      memory: mergeCounts(t.memory),
      weightReads: t.weightReads,
      weightReadBits: t.weightReadBits,
    };
  };
  const b = ctx.bits;
  const w = ctx.inBits[0];
  const inShape = ctx.inShapes[0];
  switch (node.op) {
    case 'input':
      return finish({ group: 'other', outBits: b }, b);
    case 'flatten':
      return finish({ group: 'other', outBits: w }, w);
    case 'conv':
    case 'linear':
      return countWeightLayer(node, ctx, t, finish);
    case 'bn': {
      const e = elements(inShape);
      const channels = inShape[0];
      t.op('mul', w, e, b);
      t.op('add', w + b, e);
      t.readWeights(b, channels);
      t.readWeights(w + b, channels);
      return finish({ group: 'batchnorm', outBits: b, params: 2 * channels, bn: e }, b);
    }
    case 'relu':
      t.op('cmp', w, elements(inShape));
      return finish({ group: 'other', outBits: w }, w);
    case 'hardtanh':
      t.op('cmp', w, (ctx.binarizeOutput ? 1 : 2) * elements(inShape));
      return finish({ group: 'other', outBits: ctx.binarizeOutput ? 1 : w }, w);
    case 'maxpool':
    case 'avgpool':
    case 'globalavgpool': {
      // outputs per channel, window size, and Σ over outputs of the in-range window positions.
      const [channels, height, width] = inShape;
      const win: Window2d =
        node.op === 'globalavgpool'
          ? { height: 1, width: 1, kernel: 1, stride: 1, padding: 0 }
          : windowGeometry(node, height, width);
      const windowSize =
        node.op === 'globalavgpool' ? height * width : win.kernel * (win.kernelWidth ?? win.kernel);
      const valid = node.op === 'globalavgpool' ? height * width : validWindowPairs(win);
      const outputs = channels * outputPixels(win);
      const reductions = channels * valid - outputs;
      if (node.op === 'maxpool') {
        t.op('cmp', w, reductions);
        return finish({ group: 'other', outBits: w }, w);
      }
      const sum = sumBits(w, windowSize);
      t.op('add', sum, reductions);
      t.op('mul', sum, outputs, b);
      return finish({ group: 'other', outBits: b }, b);
    }
    case 'add': {
      const e = elements(ctx.outShape);
      t.op('add', Math.max(...ctx.inBits), e);
      // An aligned branch is requantized as BatchNorm is: a b-bit multiply and an add.
      ctx.inBits.forEach((inBits, k) => {
        if (ctx.alignedInputs?.[k]) {
          t.op('mul', inBits, e, b);
          t.op('add', inBits + b, e);
        }
      });
      return finish({ group: 'other', outBits: b }, b);
    }
    case 'relu6':
      // Two comparisons per element (against 0 and 6), as hardtanh's clamp.
      t.op('cmp', w, 2 * elements(inShape));
      return finish({ group: 'other', outBits: w }, w);
    case 'concat': {
      // Placement only: each input is read and written once at the widest input's width.
      const widest = Math.max(...ctx.inBits);
      return finish({ group: 'other', outBits: widest }, widest);
    }
  }
}

/** The budget's window of a conv or pool node over an H×W map (graph.ts windowOf). */
function windowGeometry(
  node: Extract<GraphNode, { op: 'conv' | 'maxpool' | 'avgpool' }>,
  height: number,
  width: number,
): Window2d {
  const w = windowOf(node);
  return {
    height,
    width,
    kernel: w.kernelH,
    stride: w.strideH,
    padding: w.top,
    kernelWidth: w.kernelW,
    strideWidth: w.strideW,
    pads: [w.top, w.left, w.bottom, w.right],
  };
}

type Finish = (
  rest: Partial<NodeCount> & { outBits: number; group: OpGroup },
  outWidthBeforeSign: number,
) => NodeCount;

function countWeightLayer(
  node: Extract<GraphNode, { op: 'conv' | 'linear' }>,
  ctx: NodeContext,
  t: Tally,
  finish: Finish,
): NodeCount {
  const b = ctx.bits;
  const inShape = ctx.inShapes[0];
  const kind: LayerKind = node.kind ?? 'multiply';
  let M: number;
  let N: number;
  let K: number;
  let paddedTaps = 0;
  if (node.op === 'conv') {
    const win = windowGeometry(node, inShape[1], inShape[2]);
    // A depthwise output channel reads one input channel (groups = input channels).
    const perGroup = inShape[0] / (node.groups ?? 1);
    M = outputPixels(win);
    N = node.outChannels;
    K = perGroup * win.kernel * (win.kernelWidth ?? win.kernel);
    paddedTaps = N * perGroup * paddedWindowPairs(win);
  } else {
    M = 1;
    N = node.outFeatures;
    K = inShape[0];
  }
  const taps = M * N * K;
  const operandBits = kind === 'binary' ? 1 : b;
  const accBits =
    kind === 'multiply'
      ? multiplyAccumulatorBits(b, K)
      : kind === 'adder'
        ? adderAccumulatorBits(b, K)
        : popcountBits(K);
  if (kind === 'multiply') {
    t.op('mul', b, taps);
    t.op('add', accBits, taps);
  } else if (kind === 'adder') {
    t.op('sub', b, taps);
    t.op('abs', b + 1, taps);
    t.op('add', accBits, taps);
  } else {
    t.op('xnor', 1, taps);
    // One population count of the K XNOR bits per output (K popcount additions).
    t.op('popcount', K, M * N);
    // Sign taken on the fly when the input is not already stored binarized.
    if (ctx.inBits[0] !== 1) t.op('cmp', ctx.inBits[0], elements(inShape));
  }
  const bias = node.bias ?? false;
  if (bias) t.op('add', accBits, M * N);
  t.readWeights(operandBits, N * K);
  if (bias) t.readWeights(accBits, N);
  const paper = paperCounts(ctx.variant, taps);
  return finish(
    {
      role: node.role,
      kind,
      group: node.role === 'body' ? 'body' : 'stemAndClassifier',
      outBits: accBits,
      work: {
        name: node.id,
        kind,
        M,
        N,
        K,
        operandBits,
        accBits,
        inputElements: elements(ctx.inShapes[0]),
      },
      ...(node.op === 'conv' ? { paddedTaps } : {}),
      params: N * K + (bias ? N : 0),
      paper,
    },
    accBits,
  );
}
