import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArchitecture } from '../src/nn/architectures.js';
import { saveCheckpoint } from '../src/nn/checkpoint.js';
import { makeBatch } from '../src/nn/data/dataset.js';
import { deriveVariant, type Variant } from '../src/nn/graph.js';
import { Model } from '../src/nn/model.js';
import { Rng } from '../src/nn/rng.js';

/**
 * A random-weight ResNet-20 checkpoint (made by the nn model code, not trained) and a folder of
 * synthetic CIFAR-10 binary batches (random pixels and labels, the real record layout). The
 * BatchNorm running statistics are the statistics of one training-mode pass over `statImages`
 * of the images, so activations stay in a sensible range through all 20 layers.
 */
export const NORM = { mean: [0.4914, 0.4822, 0.4465], std: [0.2023, 0.1994, 0.201] };
const RECORD = 3073;

export function cifarRecords(count: number, seed: number): Uint8Array {
  const rng = new Rng(seed, 7);
  const bytes = new Uint8Array(count * RECORD);
  for (let r = 0; r < count; r++) {
    bytes[r * RECORD] = rng.below(10);
    for (let i = 1; i < RECORD; i++) bytes[r * RECORD + i] = rng.below(256);
  }
  return bytes;
}

export interface ResnetFixture {
  readonly dir: string;
  readonly checkpoint: string;
}

export function resnetFixture(
  variant: Variant,
  options: { testImages: number; trainImages?: number; seed?: number; statImages?: number },
): ResnetFixture {
  const seed = options.seed ?? 1;
  const dir = mkdtempSync(join(tmpdir(), 'addersim-resnet-'));
  const test = cifarRecords(options.testImages, seed);
  writeFileSync(join(dir, 'test_batch.bin'), test);
  if (options.trainImages) {
    writeFileSync(join(dir, 'data_batch_1.bin'), cifarRecords(options.trainImages, seed + 1));
  }
  const graph = deriveVariant(loadArchitecture('resnet20'), variant);
  const model = new Model(graph);
  model.initialise(seed);
  const n = Math.min(options.statImages ?? 8, options.testImages);
  const images = new Uint8Array(n * 3072);
  for (let i = 0; i < n; i++) images.set(test.subarray(i * RECORD + 1, (i + 1) * RECORD), i * 3072);
  const ds = {
    name: 'cifar10' as const,
    split: 'test' as const,
    images,
    labels: new Uint8Array(n),
    count: n,
    shape: [3, 32, 32] as const,
    ...NORM,
  };
  const { x } = makeBatch(
    ds,
    Array.from({ length: n }, (_, i) => i),
    0,
    n,
  );
  model.forward(x, { training: true });
  // One training pass moved each running statistic 0.1 of the way from (0, 1) to the batch's:
  // undo the momentum so the running statistics are the batch's.
  for (const b of model.buffers()) {
    const d = b.data;
    if (b.name.endsWith('.running_mean')) for (let i = 0; i < d.length; i++) d[i] /= 0.1;
    if (b.name.endsWith('.running_var')) {
      for (let i = 0; i < d.length; i++) d[i] = Math.max(1e-3, (d[i] - 0.9) / 0.1);
    }
  }
  const checkpoint = join(dir, `resnet20-${variant}.safetensors`);
  saveCheckpoint(checkpoint, graph, model.stateTensors(), {
    dataset: 'cifar10',
    normalisation: `(byte/255 - ${NORM.mean.join('/')}) / ${NORM.std.join('/')}`,
    accuracy: '',
  });
  return { dir, checkpoint };
}
