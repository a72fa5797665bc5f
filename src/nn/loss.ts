import { type Tensor, tensor } from './tensor.js';

/**
 * Mean softmax cross-entropy over a batch of logits [N, K] and integer labels, with its
 * gradient dL/dlogits = (softmax − onehot)/N. Log-sum-exp is shifted by the row maximum.
 */
export interface LossResult {
  readonly loss: number;
  readonly grad: Tensor;
  /** How many rows have their largest logit at the label (first maximum wins ties). */
  readonly correct: number;
}

export function softmaxCrossEntropy(logits: Tensor, labels: ArrayLike<number>): LossResult {
  const [n, k] = logits.shape;
  const grad = tensor([n, k]);
  let loss = 0;
  let correct = 0;
  for (let b = 0; b < n; b++) {
    const o = b * k;
    let max = Number.NEGATIVE_INFINITY;
    let arg = 0;
    for (let j = 0; j < k; j++) {
      if (logits.data[o + j] > max) {
        max = logits.data[o + j];
        arg = j;
      }
    }
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(logits.data[o + j] - max);
    const label = labels[b];
    loss += Math.log(sum) + max - logits.data[o + label];
    for (let j = 0; j < k; j++) {
      grad.data[o + j] = (Math.exp(logits.data[o + j] - max) / sum - (j === label ? 1 : 0)) / n;
    }
    if (arg === label) correct++;
  }
  return { loss: loss / n, grad, correct };
}

/** Index of the largest logit of each row (first maximum wins ties). */
export function argmaxRows(logits: Tensor): Int32Array {
  const [n, k] = logits.shape;
  const out = new Int32Array(n);
  for (let b = 0; b < n; b++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (logits.data[b * k + j] > logits.data[b * k + best]) best = j;
    out[b] = best;
  }
  return out;
}
