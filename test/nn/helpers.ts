import type { Layer } from '../../src/nn/layers/types.js';
import { Rng } from '../../src/nn/rng.js';
import { type Tensor, tensor } from '../../src/nn/tensor.js';

/** A tensor of the given shape filled from a seeded uniform in [lo, hi). */
export function randomTensor(shape: number[], seed: number, lo = -1, hi = 1): Tensor {
  const rng = new Rng(seed, 77);
  const t = tensor(shape);
  for (let i = 0; i < t.data.length; i++) t.data[i] = lo + (hi - lo) * rng.uniform();
  return t;
}

/** L = Σ y·c in float64 for fixed random c: dL/dy = c, so backward(c) must give dL/dx. */
export function weightedSum(y: Tensor, c: Tensor): number {
  let s = 0;
  for (let i = 0; i < y.data.length; i++) s += y.data[i] * c.data[i];
  return s;
}

/**
 * Central finite differences of L = Σ forward(inputs)·c with respect to every element of
 * `target` (an input or a parameter array), perturbing it by ±eps in place.
 */
export function numericGradient(
  layer: Layer,
  inputs: Tensor[],
  c: Tensor,
  target: Float32Array,
  eps = 1e-2,
): Float64Array {
  const out = new Float64Array(target.length);
  for (let i = 0; i < target.length; i++) {
    const keep = target[i];
    target[i] = keep + eps;
    const up = weightedSum(layer.forward(inputs, true), c);
    target[i] = keep - eps;
    const down = weightedSum(layer.forward(inputs, true), c);
    target[i] = keep;
    out[i] = (up - down) / (2 * eps);
  }
  return out;
}

/** Largest |a − b| / (atol + rtol·|b|); ≤ 1 means close. */
export function closeness(a: ArrayLike<number>, b: ArrayLike<number>, atol = 2e-3, rtol = 1e-2) {
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / (atol + rtol * Math.abs(b[i])));
  }
  return worst;
}
