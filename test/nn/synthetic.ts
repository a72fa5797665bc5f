import type { Dataset } from '../../src/nn/data/dataset.js';
import type { Architecture } from '../../src/nn/graph.js';
import { Rng } from '../../src/nn/rng.js';

/**
 * A small learnable set: 1×8×8 images, class k (0..3) is a bright bar in row band k plus
 * noise. Separable, so a few epochs of training must lower the loss.
 */
export function syntheticDataset(count: number, seed: number): Dataset {
  const rng = new Rng(seed, 5);
  const images = new Uint8Array(count * 64);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const k = rng.below(4);
    labels[i] = k;
    for (let p = 0; p < 64; p++) {
      const row = p >> 3;
      const bar = row >> 1 === k ? 160 : 0;
      images[i * 64 + p] = Math.min(255, bar + rng.below(96));
    }
  }
  return {
    name: 'mnist',
    split: 'train',
    images,
    labels,
    count,
    shape: [1, 8, 8],
    mean: [0.3],
    std: [0.3],
  };
}

/** A tiny LeNet-like graph with a residual connection, for every variant. */
export const TINY: Architecture = {
  name: 'tiny',
  dataset: 'mnist',
  source: 'test fixture',
  nodes: [
    { id: 'input', op: 'input', shape: [1, 8, 8] },
    { id: 'conv1', op: 'conv', role: 'stem', outChannels: 4, kernel: 3, padding: 1 },
    { id: 'bn1', op: 'bn' },
    { id: 'relu1', op: 'relu' },
    { id: 'conv2', op: 'conv', role: 'body', outChannels: 4, kernel: 3, padding: 1 },
    { id: 'bn2', op: 'bn' },
    { id: 'res', op: 'add', inputs: ['bn2', 'relu1'] },
    { id: 'relu2', op: 'relu' },
    { id: 'pool', op: 'maxpool', kernel: 2 },
    { id: 'flatten', op: 'flatten' },
    { id: 'fc1', op: 'linear', role: 'body', outFeatures: 8 },
    { id: 'bn3', op: 'bn' },
    { id: 'relu3', op: 'relu' },
    { id: 'fc2', op: 'linear', role: 'classifier', outFeatures: 4, bias: true },
    { id: 'bn4', op: 'bn' },
  ],
};
