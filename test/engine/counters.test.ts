import { describe, expect, it } from 'vitest';
import { budgetArchitecture } from '../../src/budget/budget.js';
import type { OpCount } from '../../src/cost/ops.js';
import { runIntegerGraph } from '../../src/engine/run.js';
import { loadArchitecture } from '../../src/nn/architectures.js';
import { loadMnist } from '../../src/nn/data/mnist.js';
import { VARIANTS } from '../../src/nn/graph.js';
import { prepared } from './fixtures.js';

const test = loadMnist('test');
const IMAGES = 3;

const perImage = (counts: readonly OpCount[]) =>
  counts.map((c) => ({ ...c, count: c.count / IMAGES }));

describe('counters', () => {
  it('one adder layer against its closed form (LeNet-5 conv2, 8 bits)', () => {
    const { graph } = prepared('addernet', { bits: 8 });
    const run = runIntegerGraph(graph, test.images, IMAGES);
    const conv2 = run.nodes.find((n) => n.id === 'conv2');
    // 6x14x14 input, 16 filters 5x5, no padding: P = (14 − 5 + 1)^2 outputs per channel.
    const p = (14 - 5 + 1) ** 2;
    const k = 6 * 5 * 5;
    const taps = IMAGES * p * 16 * k;
    const acc = (150 * 255).toString(2).length;
    expect(conv2?.ops).toEqual([
      { op: 'add', bits: acc, count: taps },
      { op: 'sub', bits: 8, count: taps },
      { op: 'abs', bits: 9, count: taps },
    ]);
    expect(conv2?.memory).toEqual([
      { op: 'sram-read', bits: 8, count: IMAGES * (6 * 14 * 14 + 16 * k) },
      { op: 'sram-write', bits: acc, count: IMAGES * p * 16 },
    ]);
    expect(conv2?.accumulations).toBe(IMAGES * p * 16);
  });

  it('thresholds: ceil(log2 levels) comparisons per element at the accumulator width', () => {
    const { graph } = prepared('addernet', { bits: 8, bn: 'thresholds' });
    const run = runIntegerGraph(graph, test.images, IMAGES);
    const bn2 = run.nodes.find((n) => n.id === 'bn2');
    // 256 codes (0..255 after the folded ReLU): 8 comparisons for each of 16x10x10 elements.
    expect(bn2?.ops).toEqual([{ op: 'cmp', bits: 16, count: IMAGES * 1600 * 8 }]);
    // Reads: the 1600 accumulators, and per channel min(255 thresholds, 100 elements x 8).
    expect(bn2?.memory).toEqual([
      { op: 'sram-read', bits: 16, count: IMAGES * (1600 + 16 * 255) },
      { op: 'sram-write', bits: 8, count: IMAGES * 1600 },
    ]);
    // fc1's BatchNorm has one element per channel: 8 thresholds of 255 are ever read.
    const bn3 = run.nodes.find((n) => n.id === 'bn3');
    expect(bn3?.memory[0]).toEqual({ op: 'sram-read', bits: 17, count: IMAGES * (120 + 120 * 8) });
    expect(run.nodes.find((n) => n.id === 'relu2')?.ops).toEqual([]);
  });

  it.each(VARIANTS)(
    '%s LeNet-5: every node equals the operation budget (multiply-shift BatchNorm)',
    (variant) => {
      const budget = budgetArchitecture(loadArchitecture('lenet5'), {
        bits: 8,
        variants: [variant],
      });
      const { graph } = prepared(variant, { bits: 8, bn: 'multiply-shift' });
      const run = runIntegerGraph(graph, test.images, IMAGES);
      run.nodes.forEach((n, i) => {
        const b = budget.layers[i][variant];
        expect(budget.layers[i].id).toBe(n.id);
        expect(perImage(n.ops), n.id).toEqual(b?.ops);
        expect(perImage(n.memory), n.id).toEqual(b?.memory);
      });
    },
  );
});
