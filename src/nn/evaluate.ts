import { type Dataset, makeBatch, normalisationTable } from './data/dataset.js';
import { argmaxRows } from './loss.js';
import type { Model } from './model.js';

/** Top-1 accuracy of a model (eval mode) on the first `limit` images of a dataset. */
export interface Accuracy {
  readonly correct: number;
  readonly total: number;
  /** correct / total, a fraction. */
  readonly accuracy: number;
}

export function evaluateAccuracy(
  model: Model,
  dataset: Dataset,
  options: {
    limit?: number;
    batch?: number;
    /** Called after every batch with (images done, images in all): for a progress bar. */
    onProgress?: (done: number, total: number) => void;
  } = {},
): Accuracy {
  const total = Math.min(options.limit ?? dataset.count, dataset.count);
  const batch = options.batch ?? 500;
  const table = normalisationTable(dataset);
  const identity = new Uint32Array(total);
  for (let i = 0; i < total; i++) identity[i] = i;
  let correct = 0;
  for (let start = 0; start < total; start += batch) {
    const end = Math.min(start + batch, total);
    const { x, labels } = makeBatch(dataset, identity, start, end, table);
    const predicted = argmaxRows(model.forward(x, { training: false }));
    for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
    options.onProgress?.(end, total);
  }
  return { correct, total, accuracy: total === 0 ? 0 : correct / total };
}
