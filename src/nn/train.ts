import { type Dataset, makeBatch, normalisationTable } from './data/dataset.js';
import { softmaxCrossEntropy } from './loss.js';
import type { Model } from './model.js';
import { cosineLr, type Sgd } from './optim.js';
import { Rng } from './rng.js';

/**
 * One epoch of minibatch SGD. The epoch's order (and the random shifts, if any) come from the
 * PRNG stream 1000 + epoch of the run's seed, so epoch e is the same whether the run was
 * resumed or not. The last partial batch is dropped (PyTorch drop_last) so every step sees a
 * full batch for BatchNorm. The learning rate follows the cosine over all steps of the run.
 */
export interface EpochSettings {
  readonly seed: number;
  readonly batch: number;
  readonly lr: number;
  readonly epochs: number;
  /** Random shift augmentation: each image moves by up to ±shift pixels in y and x (0 = off). */
  readonly shift: number;
  /** Train on the first `limit` images only (tests, quick runs). */
  readonly limit?: number;
}

export interface BatchProgress {
  readonly epoch: number;
  readonly batch: number;
  readonly batches: number;
  /** Mean loss and accuracy over the epoch so far. */
  readonly loss: number;
  readonly accuracy: number;
  readonly imagesPerSecond: number;
}

export interface EpochResult {
  readonly loss: number;
  readonly accuracy: number;
  readonly images: number;
  readonly seconds: number;
}

export const SHUFFLE_STREAM = 1000;

export function batchesPerEpoch(count: number, batch: number): number {
  return Math.floor(count / batch);
}

export function trainEpoch(
  model: Model,
  optimizer: Sgd,
  data: Dataset,
  settings: EpochSettings,
  epoch: number,
  onBatch?: (p: BatchProgress) => void,
): EpochResult {
  const count = Math.min(settings.limit ?? data.count, data.count);
  const batches = batchesPerEpoch(count, settings.batch);
  const rng = new Rng(settings.seed, SHUFFLE_STREAM + epoch);
  const order = rng.permutation(count);
  const table = normalisationTable(data);
  const totalSteps = batches * settings.epochs;
  const shift = settings.shift > 0 ? new Int8Array(2 * settings.batch) : undefined;
  const start = performance.now();
  let lossSum = 0;
  let correct = 0;
  for (let b = 0; b < batches; b++) {
    if (shift) {
      const span = 2 * settings.shift + 1;
      for (let i = 0; i < shift.length; i++) shift[i] = rng.below(span) - settings.shift;
    }
    const from = b * settings.batch;
    const { x, labels } = makeBatch(data, order, from, from + settings.batch, table, shift);
    const logits = model.forward(x, { training: true });
    const result = softmaxCrossEntropy(logits, labels);
    model.backward(result.grad);
    optimizer.step(cosineLr(settings.lr, epoch * batches + b, totalSteps));
    lossSum += result.loss;
    correct += result.correct;
    if (onBatch) {
      const seconds = (performance.now() - start) / 1000;
      onBatch({
        epoch,
        batch: b + 1,
        batches,
        loss: lossSum / (b + 1),
        accuracy: correct / ((b + 1) * settings.batch),
        imagesPerSecond: ((b + 1) * settings.batch) / Math.max(seconds, 1e-9),
      });
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    loss: lossSum / Math.max(batches, 1),
    accuracy: correct / Math.max(batches * settings.batch, 1),
    images: batches * settings.batch,
    seconds,
  };
}
