import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCheckpoint, loadModel, saveCheckpoint } from '../../src/nn/checkpoint.js';
import { makeBatch } from '../../src/nn/data/dataset.js';
import { evaluateAccuracy } from '../../src/nn/evaluate.js';
import { deriveVariant } from '../../src/nn/graph.js';
import { softmaxCrossEntropy } from '../../src/nn/loss.js';
import { Model } from '../../src/nn/model.js';
import { encodeSafetensors } from '../../src/nn/safetensors.js';
import { closeness } from './helpers.js';
import { syntheticDataset, TINY } from './synthetic.js';

describe('Model from a graph', () => {
  it('back-propagates through the whole CNN graph (residual add included) as finite differences say', () => {
    const model = new Model(deriveVariant(TINY, 'cnn'));
    model.initialise(3);
    const data = syntheticDataset(6, 1);
    const { x, labels } = makeBatch(data, [0, 1, 2, 3, 4, 5], 0, 6);
    const loss = () => softmaxCrossEntropy(model.forward(x, { training: true }), labels).loss;
    const r = softmaxCrossEntropy(model.forward(x, { training: true }), labels);
    model.backward(r.grad);
    for (const p of model.params()) {
      const analytic = Float64Array.from(p.grad);
      const numeric = new Float64Array(p.data.length);
      for (let i = 0; i < p.data.length; i++) {
        const keep = p.data[i];
        p.data[i] = keep + 1e-4;
        const up = loss();
        p.data[i] = keep - 1e-4;
        const down = loss();
        p.data[i] = keep;
        numeric[i] = (up - down) / 2e-4;
      }
      // BatchNorm over 6 images is strongly curved: a small step, float32 noise in the bound.
      expect(closeness(analytic, numeric, 2e-3, 2e-2), p.name).toBeLessThanOrEqual(1);
    }
  });

  it('forwardAll returns every node output and agrees with forward', () => {
    const model = new Model(deriveVariant(TINY, 'addernet'));
    model.initialise(4);
    const data = syntheticDataset(3, 2);
    const { x } = makeBatch(data, [0, 1, 2], 0, 3);
    const all = model.forwardAll(x);
    expect([...all.keys()]).toEqual(TINY.nodes.map((n) => n.id));
    expect(all.get('conv2')!.shape).toEqual([3, 4, 8, 8]);
    expect(Math.max(...all.get('conv2')!.data)).toBeLessThanOrEqual(0); // adder outputs ≤ 0
    expect([...model.forward(x).data]).toEqual([...all.get('bn4')!.data]);
  });

  it('replaceStem and replaceClassifier make every weight layer an adder layer that trains', () => {
    const graph = deriveVariant(TINY, 'addernet', { replaceStem: true, replaceClassifier: true });
    const model = new Model(graph);
    model.initialise(6);
    const kinds = graph.nodes.flatMap((n) =>
      n.op === 'conv' || n.op === 'linear' ? [n.kind] : [],
    );
    expect(kinds).toEqual(['adder', 'adder', 'adder', 'adder']);
    expect(
      model
        .params()
        .filter((p) => p.adaptive)
        .map((p) => p.name),
    ).toEqual(['conv1.weight', 'conv2.weight', 'fc1.weight', 'fc2.weight']);
    const data = syntheticDataset(8, 4);
    const { x, labels } = makeBatch(data, [0, 1, 2, 3, 4, 5, 6, 7], 0, 8);
    const r = softmaxCrossEntropy(model.forward(x, { training: true }), labels);
    model.backward(r.grad);
    for (const p of model.params())
      expect(
        p.grad.some((g) => g !== 0),
        p.name,
      ).toBe(true);
  });

  it('rejects an input of the wrong shape', () => {
    const model = new Model(deriveVariant(TINY, 'cnn'));
    expect(() => model.forward({ shape: [1, 1, 7, 8], data: new Float32Array(56) })).toThrow(
      'tiny: input must have shape [N, 1,8,8], not [1,1,7,8]',
    );
  });
});

describe('checkpoints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'addersim-nn-'));

  it('save then load gives the same graph, tensors and predictions', () => {
    const graph = deriveVariant(TINY, 'bnn');
    const model = new Model(graph);
    model.initialise(9);
    const path = join(dir, 'bnn.safetensors');
    saveCheckpoint(path, graph, model.stateTensors(), { dataset: 'mnist', seed: '9' });
    const ck = loadCheckpoint(path);
    expect(ck.graph).toEqual(graph);
    expect(ck.metadata.seed).toBe('9');
    expect(ck.metadata.variant).toBe('bnn');
    const { model: again } = loadModel(path);
    const data = syntheticDataset(20, 3);
    expect(evaluateAccuracy(again, data)).toEqual(evaluateAccuracy(model, data));
    expect([...ck.tensors.keys()]).toContain('bn1.running_var');
    expect(ck.tensors.get('conv2.weight')!.shape).toEqual([4, 4, 3, 3]);
    expect(ck.tensors.get('fc1.weight')!.shape).toEqual([8, 64]);
  });

  it('names the missing tensor, the missing file and a foreign file', () => {
    const graph = deriveVariant(TINY, 'cnn');
    const model = new Model(graph);
    const tensors = model.stateTensors();
    tensors.delete('fc2.bias');
    const path = join(dir, 'missing.safetensors');
    saveCheckpoint(path, graph, tensors);
    expect(() => loadCheckpoint(path)).toThrow(`${path}: missing tensor fc2.bias`);
    expect(() => loadCheckpoint(join(dir, 'nope.safetensors'))).toThrow(
      `checkpoint ${join(dir, 'nope.safetensors')} does not exist`,
    );
    const foreign = join(dir, 'foreign.safetensors');
    writeFileSync(foreign, encodeSafetensors(new Map()));
    expect(() => loadCheckpoint(foreign)).toThrow(
      `${foreign}: __metadata__.format must be "addersim-checkpoint/1", not null`,
    );
    const before = readFileSync(path);
    expect(before.length).toBeGreaterThan(8);
  });
});
