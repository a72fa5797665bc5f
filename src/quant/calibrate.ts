import type { Dataset } from '../nn/data/dataset.js';
import { makeBatch, normalisationTable } from '../nn/data/dataset.js';
import type { Model } from '../nn/model.js';

/**
 * Activation ranges for quantization, measured on a held-out calibration slice: the last
 * `count` images of the training set (never the test images the accuracy is counted on). The
 * float model runs in eval mode; for every requested node the range is the `quantile` of |x|
 * over all its values (the outlier clamp: values beyond it saturate), e.g. the 0.9999 quantile
 * of 1.2 million values drops the largest 118. Cost: one float forward pass over the slice,
 * plus a sort of each requested tensor's values.
 */
export interface ActivationRange {
  readonly node: string;
  /** The `quantile` of |x|: the range the format covers. Never 0 (an all-zero tensor gives 1). */
  readonly range: number;
  /** max |x| over the slice, for reference. */
  readonly absMax: number;
  readonly values: number;
}

export interface CalibrationSlice {
  readonly first: number;
  readonly count: number;
}

/** The calibration slice: the last `count` images of `dataset`. */
export function calibrationSlice(dataset: Dataset, count: number): CalibrationSlice {
  const n = Math.min(count, dataset.count);
  return { first: dataset.count - n, count: n };
}

export function calibrateRanges(
  model: Model,
  dataset: Dataset,
  nodes: readonly string[],
  options: { count: number; quantile: number; batch?: number },
): Map<string, ActivationRange> {
  const { first, count } = calibrationSlice(dataset, options.count);
  const batch = options.batch ?? 250;
  const table = normalisationTable(dataset);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = first + i;
  const collected = new Map<string, Float32Array>();
  const filled = new Map<string, number>();
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(start + batch, count);
    const { x } = makeBatch(dataset, order, start, end, table);
    const outputs = model.forwardAll(x);
    for (const id of nodes) {
      const t = outputs.get(id);
      if (!t) throw new Error(`calibration: node ${id} has no output`);
      let store = collected.get(id);
      if (!store) {
        store = new Float32Array((t.data.length / (end - start)) * count);
        collected.set(id, store);
        filled.set(id, 0);
      }
      const at = filled.get(id) as number;
      for (let i = 0; i < t.data.length; i++) store[at + i] = Math.abs(t.data[i]);
      filled.set(id, at + t.data.length);
    }
  }
  const ranges = new Map<string, ActivationRange>();
  for (const [id, values] of collected) {
    values.sort();
    const n = values.length;
    const index = Math.min(n - 1, Math.max(0, Math.ceil(options.quantile * n) - 1));
    const q = values[index];
    const absMax = values[n - 1];
    ranges.set(id, { node: id, range: q > 0 ? q : absMax > 0 ? absMax : 1, absMax, values: n });
  }
  return ranges;
}
