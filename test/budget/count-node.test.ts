import { describe, expect, it } from 'vitest';
import { countNode, type NodeContext } from '../../src/budget/count-node.js';
import type { OpCount } from '../../src/cost/ops.js';
import type { GraphNode } from '../../src/nn/graph.js';

/**
 * One node at a time, every field of the count against the rules of conventions.ts applied by
 * hand (the arithmetic is written out in each case). Lists are compared after sorting them here
 * by (op, bits, bitsB), so the expected values do not depend on the counter's own ordering.
 */

function ctx(partial: Partial<NodeContext> & Pick<NodeContext, 'outShape'>): NodeContext {
  return {
    bits: 8,
    variant: 'cnn',
    inShapes: [],
    inBits: [],
    binarizeOutput: false,
    ...partial,
  };
}

const sorted = (list: readonly OpCount[]): OpCount[] =>
  [...list].sort((a, b) =>
    `${a.op}:${a.bits}:${a.bitsB ?? ''}`.localeCompare(`${b.op}:${b.bits}:${b.bitsB ?? ''}`),
  );

function count(node: GraphNode, c: NodeContext) {
  const r = countNode(node, c);
  return { ...r, ops: sorted(r.ops), memory: sorted(r.memory) };
}

const op = (o: OpCount['op'], bits: number, n: number, bitsB?: number): OpCount =>
  bitsB === undefined ? { op: o, bits, count: n } : { op: o, bits, bitsB, count: n };
const read = (bits: number, n: number) => op('sram-read', bits, n);
const write = (bits: number, n: number) => op('sram-write', bits, n);
const NONE = { mul: 0, add: 0, xnor: 0 };

describe('countNode: one node by hand', () => {
  it('input: stored at b bits, no traffic of its own; binarized, one cmp per element', () => {
    const node: GraphNode = { id: 'in', op: 'input', shape: [1, 4, 4] };
    const base = { id: 'in', op: 'input', inShapes: [], outShape: [1, 4, 4] };
    const zero = { params: 0, bn: 0, paper: NONE, weightReads: 0, weightReadBits: 0 };
    expect(count(node, ctx({ outShape: [1, 4, 4] }))).toStrictEqual({
      ...base,
      ...zero,
      group: 'other',
      outBits: 8,
      ops: [],
      memory: [],
    });
    expect(count(node, ctx({ outShape: [1, 4, 4], binarizeOutput: true }))).toStrictEqual({
      ...base,
      ...zero,
      group: 'other',
      outBits: 1,
      ops: [op('cmp', 8, 16)],
      memory: [],
    });
  });

  it('flatten: a view at its input width, nothing read or written', () => {
    const c = ctx({ inShapes: [[2, 3, 3]], inBits: [5], outShape: [18] });
    expect(count({ id: 'f', op: 'flatten' }, c)).toStrictEqual({
      id: 'f',
      op: 'flatten',
      inShapes: [[2, 3, 3]],
      outShape: [18],
      params: 0,
      bn: 0,
      paper: NONE,
      group: 'other',
      outBits: 5,
      ops: [],
      memory: [],
      weightReads: 0,
      weightReadBits: 0,
    });
  });

  it('bn: a w×b mul and a (w + b)-bit add per element, γ at b and β at w + b bits', () => {
    // 3 channels of 2×2 at w = 12 bits, b = 8: 12 elements.
    const c = ctx({ inShapes: [[3, 2, 2]], inBits: [12], outShape: [3, 2, 2] });
    const want = {
      id: 'bn',
      op: 'bn',
      inShapes: [[3, 2, 2]],
      outShape: [3, 2, 2],
      params: 6,
      bn: 12,
      paper: NONE,
      group: 'batchnorm',
      outBits: 8,
      ops: sorted([op('mul', 12, 12, 8), op('add', 20, 12)]),
      memory: sorted([read(8, 3), read(20, 3), read(12, 12), write(8, 12)]),
      weightReads: 6,
      weightReadBits: 3 * 8 + 3 * 20,
    };
    expect(count({ id: 'bn', op: 'bn' }, c)).toStrictEqual(want);
    // Binarized: its sign at b bits per element, stored as 1 bit.
    expect(count({ id: 'bn', op: 'bn' }, { ...c, binarizeOutput: true })).toStrictEqual({
      ...want,
      outBits: 1,
      ops: sorted([...want.ops, op('cmp', 8, 12)]),
      memory: sorted([read(8, 3), read(20, 3), read(12, 12), write(1, 12)]),
    });
  });

  it('relu and hardtanh: one and two cmp per element; a binarized hardtanh one cmp, 1 bit', () => {
    const c = ctx({ inShapes: [[2, 2, 2]], inBits: [20], outShape: [2, 2, 2] });
    const common = {
      inShapes: [[2, 2, 2]],
      outShape: [2, 2, 2],
      params: 0,
      bn: 0,
      paper: NONE,
      group: 'other',
      weightReads: 0,
      weightReadBits: 0,
    };
    expect(count({ id: 'r', op: 'relu' }, c)).toStrictEqual({
      id: 'r',
      op: 'relu',
      ...common,
      outBits: 20,
      ops: [op('cmp', 20, 8)],
      memory: [read(20, 8), write(20, 8)],
    });
    expect(count({ id: 'h', op: 'hardtanh' }, c)).toStrictEqual({
      id: 'h',
      op: 'hardtanh',
      ...common,
      outBits: 20,
      ops: [op('cmp', 20, 16)],
      memory: [read(20, 8), write(20, 8)],
    });
    expect(count({ id: 'h', op: 'hardtanh' }, { ...c, binarizeOutput: true })).toStrictEqual({
      id: 'h',
      op: 'hardtanh',
      ...common,
      outBits: 1,
      ops: [op('cmp', 20, 8)],
      memory: [read(20, 8), write(1, 8)],
    });
  });

  it('maxpool: (valid positions − 1) cmp per output; a 1×1 window compares nothing', () => {
    // 2 channels of 4×4, 2×2 windows, stride 2: 4 outputs per channel of 4 positions each.
    const c = ctx({ inShapes: [[2, 4, 4]], inBits: [9], outShape: [2, 2, 2] });
    const node: GraphNode = { id: 'm', op: 'maxpool', kernel: 2 };
    const want = {
      id: 'm',
      op: 'maxpool',
      inShapes: [[2, 4, 4]],
      outShape: [2, 2, 2],
      params: 0,
      bn: 0,
      paper: NONE,
      group: 'other',
      outBits: 9,
      ops: [op('cmp', 9, 2 * 4 * (4 - 1))],
      memory: [read(9, 32), write(9, 8)],
      weightReads: 0,
      weightReadBits: 0,
    };
    expect(count(node, c)).toStrictEqual(want);
    const one = ctx({ inShapes: [[2, 4, 4]], inBits: [9], outShape: [2, 4, 4] });
    expect(count({ id: 'm', op: 'maxpool', kernel: 1 }, one)).toStrictEqual({
      ...want,
      outShape: [2, 4, 4],
      ops: [],
      memory: [read(9, 32), write(9, 32)],
    });
  });

  it('avgpool: adds at w + ceil(log2 window) bits, one mul by the b-bit 1/window per output', () => {
    // 1 channel of 3×3, 3×3 windows, stride 1, padding 1: 9 outputs whose windows hold 4
    // (corners), 6 (edges) and 9 (centre) valid positions: 4·4 + 4·6 + 9 = 49, so 49 − 9 = 40
    // adds. Window 9 positions: 9 + ceil(log2 9) = 13 bits.
    const c = ctx({ inShapes: [[1, 3, 3]], inBits: [9], outShape: [1, 3, 3] });
    const node: GraphNode = { id: 'a', op: 'avgpool', kernel: 3, stride: 1, padding: 1 };
    expect(count(node, c)).toStrictEqual({
      id: 'a',
      op: 'avgpool',
      inShapes: [[1, 3, 3]],
      outShape: [1, 3, 3],
      params: 0,
      bn: 0,
      paper: NONE,
      group: 'other',
      outBits: 8,
      ops: sorted([op('add', 13, 40), op('mul', 13, 9, 8)]),
      memory: [read(9, 9), write(8, 9)],
      weightReads: 0,
      weightReadBits: 0,
    });
    // 2×2 windows, stride 2, over 4×4: 4 outputs of 4 positions: 12 adds at 9 + 2 = 11 bits
    // (the window, not the 16-element plane, sets the width).
    const d = ctx({ inShapes: [[1, 4, 4]], inBits: [9], outShape: [1, 2, 2] });
    expect(count({ id: 'a', op: 'avgpool', kernel: 2 }, d).ops).toStrictEqual(
      sorted([op('add', 11, 12), op('mul', 11, 4, 8)]),
    );
  });

  it('global average pool: (H·W − 1) adds per channel at w + ceil(log2 H·W) bits', () => {
    const c = ctx({ inShapes: [[3, 2, 2]], inBits: [9], outShape: [3] });
    expect(count({ id: 'g', op: 'globalavgpool' }, c)).toStrictEqual({
      id: 'g',
      op: 'globalavgpool',
      inShapes: [[3, 2, 2]],
      outShape: [3],
      params: 0,
      bn: 0,
      paper: NONE,
      group: 'other',
      outBits: 8,
      ops: sorted([op('add', 11, 9), op('mul', 11, 3, 8)]),
      memory: [read(9, 12), write(8, 3)],
      weightReads: 0,
      weightReadBits: 0,
    });
    // A 1×1 plane: nothing to add, one mul per channel at the input width.
    const one = ctx({ inShapes: [[2, 1, 1]], inBits: [9], outShape: [2] });
    expect(count({ id: 'g', op: 'globalavgpool' }, one).ops).toStrictEqual([op('mul', 9, 2, 8)]);
  });

  it('residual add: one add per element at the wider input, stored at b bits', () => {
    const c = ctx({
      inShapes: [
        [2, 2, 2],
        [2, 2, 2],
      ],
      inBits: [8, 20],
      outShape: [2, 2, 2],
    });
    expect(count({ id: 's', op: 'add', inputs: ['x', 'y'] }, c)).toStrictEqual({
      id: 's',
      op: 'add',
      inShapes: [
        [2, 2, 2],
        [2, 2, 2],
      ],
      outShape: [2, 2, 2],
      params: 0,
      bn: 0,
      paper: NONE,
      group: 'other',
      outBits: 8,
      ops: [op('add', 20, 8)],
      memory: sorted([read(8, 8), read(20, 8), write(8, 8)]),
      weightReads: 0,
      weightReadBits: 0,
    });
  });

  it('residual add with an aligned branch: that branch also pays a b-bit mul and a (w + b)-bit add', () => {
    // 8 elements; branch 1 (20 bits) is aligned: 8 muls 20×8 and 8 adds at 28 bits, beside the
    // sum's 8 adds at the wider input (20 bits).
    const c = ctx({
      inShapes: [
        [2, 2, 2],
        [2, 2, 2],
      ],
      inBits: [8, 20],
      outShape: [2, 2, 2],
      alignedInputs: [false, true],
    });
    expect(count({ id: 's', op: 'add', inputs: ['x', 'y'] }, c).ops).toStrictEqual(
      sorted([op('add', 20, 8), op('mul', 20, 8, 8), op('add', 28, 8)]),
    );
  });

  it('relu6: two cmp per element; concat: placement only, at the widest input', () => {
    const c = ctx({ inShapes: [[2, 3, 3]], inBits: [11], outShape: [2, 3, 3] });
    const r = count({ id: 'r', op: 'relu6' }, c);
    expect(r.ops).toStrictEqual([op('cmp', 11, 36)]);
    expect([r.group, r.outBits]).toStrictEqual(['other', 11]);
    const k = ctx({
      inShapes: [
        [1, 2, 2],
        [3, 2, 2],
      ],
      inBits: [9, 12],
      outShape: [4, 2, 2],
    });
    const cat = count({ id: 'c', op: 'concat', inputs: ['x', 'y'] }, k);
    expect(cat.ops).toStrictEqual([]);
    expect([cat.group, cat.outBits]).toStrictEqual(['other', 12]);
  });

  it('rectangular windows: a 1×3 avgpool sums 3 positions; a 1×3 conv reads C·1·3 inputs per output', () => {
    // avgpool 1×3, stride 1, no padding, over 1×1×5: 3 outputs of 3 positions: 6 adds at
    // 8 + ceil(log2 3) = 10 bits, 3 muls.
    const p = ctx({ inShapes: [[1, 1, 5]], inBits: [8], outShape: [1, 1, 3] });
    const pool: GraphNode = { id: 'p', op: 'avgpool', kernel: 1, kernelWidth: 3, stride: 1 };
    expect(count(pool, p).ops).toStrictEqual(sorted([op('add', 10, 6), op('mul', 10, 3, 8)]));
    // conv 1×3 over 2×3×5, 4 output channels, no padding: M = 3·3 = 9, N = 4, K = 2·1·3 = 6.
    const c = ctx({ inShapes: [[2, 3, 5]], inBits: [8], outShape: [4, 3, 3] });
    const conv: GraphNode = {
      id: 'k',
      op: 'conv',
      role: 'body',
      outChannels: 4,
      kernel: 1,
      kernelWidth: 3,
    };
    expect(count(conv, c).work).toMatchObject({ M: 9, N: 4, K: 6 });
  });

  it('a depthwise conv: each output channel reads one input channel (K = 1·3·3)', () => {
    // 4 channels of 4×4, groups 4, 3×3, padding 1: M = 16, N = 4, K = 9.
    const c = ctx({ inShapes: [[4, 4, 4]], inBits: [8], outShape: [4, 4, 4] });
    const node: GraphNode = {
      id: 'dw',
      op: 'conv',
      role: 'body',
      outChannels: 4,
      kernel: 3,
      padding: 1,
      groups: 4,
    };
    expect(count(node, c).work).toMatchObject({ M: 16, N: 4, K: 9 });
  });

  it('linear without a kind is a multiply layer; a bias is one add and one read per output', () => {
    // K = 10 inputs, N = 3 outputs, b = 4: 30 taps; accumulator 2·4 + floor(log2 10) = 11 bits.
    const c = ctx({ bits: 4, inShapes: [[10]], inBits: [4], outShape: [3] });
    const node: GraphNode = {
      id: 'fc',
      op: 'linear',
      role: 'classifier',
      outFeatures: 3,
      bias: true,
    };
    expect(count(node, c)).toStrictEqual({
      id: 'fc',
      op: 'linear',
      role: 'classifier',
      kind: 'multiply',
      inShapes: [[10]],
      outShape: [3],
      params: 33,
      bn: 0,
      paper: { mul: 30, add: 30, xnor: 0 },
      group: 'stemAndClassifier',
      outBits: 11,
      work: {
        name: 'fc',
        kind: 'multiply',
        M: 1,
        N: 3,
        K: 10,
        operandBits: 4,
        accBits: 11,
        inputElements: 10,
      },
      ops: sorted([op('mul', 4, 30), op('add', 11, 33)]),
      memory: sorted([read(4, 30 + 10), read(11, 3), write(11, 3)]),
      weightReads: 33,
      weightReadBits: 30 * 4 + 3 * 11,
    });
  });
});
