import { describe, expect, it } from 'vitest';
import { loadCheckpoint } from '../../src/nn/checkpoint.js';
import type { BnNode, CodesFormat, IntNode, WeightNode } from '../../src/quant/graph.js';
import { clampDistance } from '../../src/quant/weights.js';
import { CHECKPOINT, prepared } from '../engine/fixtures.js';

const node = (nodes: readonly IntNode[], id: string) => nodes.find((n) => n.id === id) as IntNode;

describe('integer graph of LeNet-5-BN', () => {
  it('AdderNet: unsigned shared-scale operands, clamp constants, adder accumulators', () => {
    const { graph } = prepared('addernet', { bits: 6 });
    const conv2 = node(graph.nodes, 'conv2') as WeightNode;
    expect(conv2.kind).toBe('adder');
    expect(conv2.operandSigned).toBe(false);
    expect(conv2.diffBits).toBe(7);
    expect(conv2.accBits).toBe(Math.ceil(Math.log2(150 * 63 + 1)));
    expect(Math.max(...conv2.weights)).toBeLessThanOrEqual(63);
    expect(Math.min(...conv2.weights)).toBeGreaterThanOrEqual(0);
    // The input of conv2 (written by bn1) is unsigned 6-bit codes of scale A/63, A = conv2's range.
    const bn1 = node(graph.nodes, 'bn1') as BnNode;
    const f = bn1.format as CodesFormat;
    expect(f.signed).toBe(false);
    expect(f.scales[0]).toBeCloseTo(graph.ranges.conv2 / 63, 12);
    // accOffset = −C[o], C[o] = Σ dist(w, [0, A]) over the float weights.
    const w = loadCheckpoint(CHECKPOINT.addernet).tensors.get('conv2.weight') as {
      data: Float32Array;
    };
    const a = graph.ranges.conv2;
    for (const o of [0, 7, 15]) {
      let c = 0;
      for (let r = 0; r < 150; r++) c += clampDistance(w.data[o * 150 + r], a);
      expect(conv2.accOffset[o]).toBeCloseTo(-c, 6);
      expect(conv2.accScale[o]).toBeCloseTo(-a / 63, 12);
    }
    // The stem stays a signed multiply layer; the logits are signed codes.
    const conv1 = node(graph.nodes, 'conv1') as WeightNode;
    expect([conv1.kind, conv1.operandSigned, conv1.accSigned]).toEqual(['multiply', true, true]);
    expect((node(graph.nodes, 'bn5').format as CodesFormat).signed).toBe(true);
  });

  it('thresholds fold ReLU into the BatchNorm: the relu nodes are fused', () => {
    const { graph } = prepared('cnn', { bn: 'thresholds' });
    expect(
      graph.nodes.filter((n) => n.op === 'relu').every((n) => n.op === 'relu' && n.fused),
    ).toBe(true);
    const bn2 = node(graph.nodes, 'bn2') as BnNode;
    expect([bn2.lo[0], bn2.hi[0], bn2.levels[0]]).toEqual([0, 127, 128]);
  });

  it('BNN: binary body layers read sign bits; multiply-shift binarizes at the budget’s places', () => {
    const ms = prepared('bnn', { bn: 'multiply-shift' }).graph;
    expect((node(ms.nodes, 'conv2') as WeightNode).kind).toBe('binary');
    expect(ms.nodes.filter((n) => 'binarize' in n && n.binarize).map((n) => n.id)).toEqual([
      'pool1',
      'pool2',
      'relu3',
    ]);
    const th = prepared('bnn', { bn: 'thresholds' }).graph;
    expect(node(th.nodes, 'bn2').format.kind).toBe('binary');
    expect((node(th.nodes, 'bn2') as BnNode).levels[0]).toBe(2);
  });

  it('forcing the accumulator narrower applies to body layers only and is checked', () => {
    const { graph } = prepared('addernet', { accBits: 12 });
    const acc = graph.nodes
      .filter((n): n is WeightNode => n.op === 'weight')
      .map((w) => [w.id, w.accBits]);
    expect(acc).toEqual([
      ['conv1', 20],
      ['conv2', 12],
      ['fc1', 12],
      ['fc2', 12],
      ['fc3', 22],
    ]);
    expect(() => prepared('cnn', { accBits: 12 })).toThrow(
      'accBits must be at least 16 for multiply layer conv2 (one addend is 16 bits wide), not 12',
    );
  });

  it('grouped adder layers read one input plane per group', () => {
    const { graph } = prepared('addernet', { groups: 3 });
    const conv2 = node(graph.nodes, 'conv2') as WeightNode;
    const planes = (node(graph.nodes, 'bn1').format as CodesFormat).planes;
    expect(planes).toBeGreaterThan(1);
    expect(new Set(conv2.channelPlane).size).toBe(planes);
  });
});
