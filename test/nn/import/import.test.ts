import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/nn/checkpoint.js';
import { importCheckpoint } from '../../../src/nn/import/import-checkpoint.js';
import { tensor } from '../../../src/nn/tensor.js';
import { closeness } from '../helpers.js';
import { expected, fixedInput, fixtureBytes, fixturePath } from './fixtures.js';

/**
 * Whole imports against PyTorch: the converted checkpoint, run by addersim's float engine on
 * the script's fixed input, gives the logits the script computed with torch ops in float64
 * (its own adder layer: -Σ|x − w| over unfold columns, zero padding included).
 */
const dir = mkdtempSync(join(tmpdir(), 'addersim-import-'));
const RESNET = fixturePath('resnet-tiny.json');

function logitsOf(out: string, shape: number[]): Float32Array {
  const { model } = loadModel(out);
  const n = 2;
  const count = n * shape.reduce((a, b) => a * b, 1);
  return model.forward(tensor([n, ...shape], fixedInput(count))).data;
}

describe('importCheckpoint', () => {
  it.each(['resnet-tiny.zip.pth', 'resnet-tiny.legacy.pth', 'resnet-tiny.safetensors'])(
    '%s: the official layout runs to PyTorch logits',
    (file) => {
      const out = join(dir, `${file}.safetensors`);
      const r = importCheckpoint({
        file: fixturePath(file),
        net: RESNET,
        variant: 'addernet',
        out,
      });
      expect(r.tensors).toBe(25);
      expect(r.ignored).toBe(5);
      const want = expected('resnet-tiny').logits.flat();
      expect(closeness(logitsOf(out, [3, 8, 8]), want, 1e-4, 1e-4)).toBeLessThanOrEqual(1);
    },
  );

  it.each(['lenet5-bn.zip.pth.gz', 'lenet5-bn.legacy.pth.gz'])(
    '%s: LeNet-5-BN (strided and shared storages) runs to PyTorch logits',
    (file) => {
      const pth = join(dir, file.replace('.gz', ''));
      writeFileSync(pth, fixtureBytes(file));
      const out = join(dir, `${file}.safetensors`);
      const r = importCheckpoint({ file: pth, net: 'lenet5', variant: 'addernet', out });
      expect(r.dataset).toBe('mnist');
      expect(r.mean).toEqual([0.1307]);
      expect(r.std).toEqual([0.3081]);
      const want = expected('lenet5-bn').logits.flat();
      expect(closeness(logitsOf(out, [1, 28, 28]), want, 1e-4, 1e-4)).toBeLessThanOrEqual(1);
    },
  );

  it('maps the official names (module. prefix, .adder) onto the net, as the script lists them', () => {
    const out = join(dir, 'names.safetensors');
    importCheckpoint({
      file: fixturePath('resnet-tiny.zip.pth'),
      net: RESNET,
      variant: 'addernet',
      out,
    });
    const { checkpoint } = loadModel(out);
    const want = Object.entries(expected('resnet-tiny').tensors)
      .filter(([, t]) => t.dtype === 'float32')
      .map(([, t]) => t.addersim!);
    expect([...checkpoint.tensors.keys()].sort()).toEqual(want.sort());
  });

  it('records dataset, normalisation and the source in the metadata', () => {
    const file = fixturePath('resnet-tiny.legacy.pth');
    const out = join(dir, 'meta.safetensors');
    const mean = [0.4914, 0.4822, 0.4465];
    const std = [0.2023, 0.1994, 0.201];
    const r = importCheckpoint({ file, net: RESNET, variant: 'addernet', out, mean, std });
    const { metadata } = loadModel(out).checkpoint;
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(metadata).toMatchObject({
      format: 'addersim-checkpoint/1',
      architecture: 'resnet-tiny',
      variant: 'addernet',
      dataset: 'cifar10',
      normalisation: '(byte/255 - 0.4914/0.4822/0.4465) / 0.2023/0.1994/0.201',
      accuracy: '',
      source: 'resnet-tiny.legacy.pth',
      source_format: 'pytorch-legacy',
      source_sha256: sha,
    });
    expect(r.sha256).toBe(sha);
    expect(r.outSha256).toBe(createHash('sha256').update(readFileSync(out)).digest('hex'));
    expect(r.normalisationDefault).toBe(false);
  });

  it('writes the same bytes every time', () => {
    const a = join(dir, 'a', 'same.safetensors');
    const b = join(dir, 'b', 'same.safetensors');
    const options = {
      file: fixturePath('resnet-tiny.zip.pth'),
      net: RESNET,
      variant: 'addernet',
    } as const;
    importCheckpoint({ ...options, out: a });
    importCheckpoint({ ...options, out: b });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('imports the same network as a CNN or a BNN when the weights are named .weight', () => {
    // The cnn variant refuses .adder weights (see key-map.test.ts); renaming them makes them
    // multiply weights, which is what --map is for.
    const out = join(dir, 'cnn.safetensors');
    const rules = ['layer1.0.conv1', 'layer1.0.conv2', 'layer1.0.downsample.0'].map((l) => ({
      from: `${l}.adder`,
      to: `${l}.weight`,
    }));
    const r = importCheckpoint({
      file: fixturePath('resnet-tiny.zip.pth'),
      net: RESNET,
      variant: 'cnn',
      out,
      rules,
    });
    expect(r.adderWeights).toBeNull();
    expect(loadModel(out).checkpoint.metadata.variant).toBe('cnn');
  });
});
