import { describe, expect, it } from 'vitest';
import { cifarRecords, resnetFixture } from '../../bench/resnet20-fixture.js';
import { budgetArchitecture } from '../../src/budget/budget.js';
import type { OpCount } from '../../src/cost/ops.js';
import { runIntegerGraph } from '../../src/engine/run.js';
import { loadArchitecture } from '../../src/nn/architectures.js';
import { prepareNetwork } from '../../src/pipeline/prepare.js';

const IMAGES = 2;

const perImage = (counts: readonly OpCount[], images: number) =>
  counts.map((c) => ({ ...c, count: c.count / images }));

describe('ResNet-20 on the integer engine (random weights, synthetic CIFAR-10 images)', () => {
  const fx = resnetFixture('addernet', { testImages: 40 });
  const prepared = prepareNetwork(fx.checkpoint, {
    bits: 8,
    data: `cifar10:${fx.dir}`,
    calibrationImages: 16,
  });
  const halfHeld = prepareNetwork(fx.checkpoint, {
    bits: 8,
    data: `cifar10:${fx.dir}`,
    calibrationImages: 1000,
  });
  const test = prepared.data.test;

  it('calibrates on held-out test images when the folder has no training batch', () => {
    expect(prepared.data.calibration).toBe('test-holdout');
    expect(test.count).toBe(24);
    expect(prepared.data.note).toBe(
      `cifar10:${fx.dir} has no training batches: calibration uses the last 16 test images, and accuracy is counted on the first 24 only`,
    );
    // Never more than half the folder: 1000 asked of 40 holds out the last 20.
    expect(halfHeld.data.test.count).toBe(20);
    expect(halfHeld.data.calibrationImages).toBe(20);
    const all = cifarRecords(40, 1);
    expect([...halfHeld.data.calibrationSet.labels]).toEqual(
      Array.from({ length: 20 }, (_, i) => all[(20 + i) * 3073]),
    );
    expect(halfHeld.data.calibrationSet.images[0]).toBe(all[20 * 3073 + 1]);
  });

  it('functional and gate backends give bit-identical outputs on every node', () => {
    const outputs = (backend: 'functional' | 'gate') => {
      const seen = new Map<string, number[]>();
      runIntegerGraph(prepared.graph, test.images, IMAGES, {
        backend,
        onNode: (node, out) => seen.set(node.id, Array.from(out.data)),
      });
      return seen;
    };
    const f = outputs('functional');
    const g = outputs('gate');
    expect([...g.keys()]).toEqual([...f.keys()]);
    for (const [id, values] of f) expect(g.get(id), id).toEqual(values);
  }, 600_000);

  it('every node counts what `budget --net resnet20` counts (multiply-shift BatchNorm)', () => {
    const budget = budgetArchitecture(loadArchitecture('resnet20'), {
      bits: 8,
      variants: ['addernet'],
    });
    const run = runIntegerGraph(prepared.graph, test.images, IMAGES);
    expect(run.nodes.map((n) => n.id)).toEqual(budget.layers.map((l) => l.id));
    run.nodes.forEach((n, i) => {
      const b = budget.layers[i].addernet;
      expect(perImage(n.ops, IMAGES), n.id).toEqual(b?.ops);
      expect(perImage(n.memory, IMAGES), n.id).toEqual(b?.memory);
    });
  });
});

describe('ResNet-20 CNN and thresholds BatchNorm on the integer engine', () => {
  it('the CNN variant counts what the budget counts, node by node', () => {
    const fx = resnetFixture('cnn', { testImages: 8, seed: 2 });
    const p = prepareNetwork(fx.checkpoint, {
      bits: 8,
      data: `cifar10:${fx.dir}`,
      calibrationImages: 4,
    });
    const budget = budgetArchitecture(loadArchitecture('resnet20'), { bits: 8, variants: ['cnn'] });
    const run = runIntegerGraph(p.graph, p.data.test.images, 1);
    run.nodes.forEach((n, i) => {
      expect(n.ops, n.id).toEqual(budget.layers[i].cnn?.ops);
      expect(n.memory, n.id).toEqual(budget.layers[i].cnn?.memory);
    });
  });

  it('thresholds BatchNorm: functional and gate agree, and the ReLU after a residual add still clamps', () => {
    const fx = resnetFixture('addernet', { testImages: 8, seed: 3 });
    const p = prepareNetwork(fx.checkpoint, {
      bits: 8,
      bn: 'thresholds',
      data: `cifar10:${fx.dir}`,
      calibrationImages: 4,
    });
    const seen = (backend: 'functional' | 'gate') => {
      const m = new Map<string, number[]>();
      runIntegerGraph(p.graph, p.data.test.images, 1, {
        backend,
        onNode: (node, out) => m.set(node.id, Array.from(out.data)),
      });
      return m;
    };
    const f = seen('functional');
    expect(seen('gate')).toEqual(f);
    expect(Math.min(...(f.get('layer1.0.add') as number[]))).toBeLessThan(0);
    expect(Math.min(...(f.get('layer1.0.relu2') as number[]))).toBe(0);
  }, 600_000);
});
