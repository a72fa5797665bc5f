import type { Param } from './layers/types.js';

/**
 * SGD as PyTorch's torch.optim.SGD (dampening 0, no Nesterov) after AdderNet's adaptive
 * scaling, with cosine learning-rate decay:
 *   adder weights only: g ← g·η·√k / max(‖g‖₂, 1e-12)   (k = weights in the layer, η = 0.2)
 *   g ← g + weightDecay·w;  v ← momentum·v + g;  w ← w − lr·v
 * Weight decay applies to every parameter (BatchNorm and biases too), as the official
 * training script passes model.parameters() to SGD.
 */
export interface SgdSettings {
  readonly lr: number;
  readonly momentum: number;
  readonly weightDecay: number;
  /** η of the adaptive learning rate of adder layers. */
  readonly eta: number;
}

export const DEFAULT_SGD: Omit<SgdSettings, 'lr'> = { momentum: 0.9, weightDecay: 5e-4, eta: 0.2 };
export const NORM_CLAMP = 1e-12;

export class Sgd {
  /** Momentum buffers by parameter name (saved for --resume). */
  readonly velocity = new Map<string, Float32Array>();

  constructor(
    readonly params: readonly Param[],
    readonly settings: SgdSettings,
  ) {
    for (const p of params) this.velocity.set(p.name, new Float32Array(p.data.length));
  }

  /** One update at learning rate `lr` from the gradients in Param.grad. */
  step(lr: number): void {
    const { momentum, weightDecay, eta } = this.settings;
    for (const p of this.params) {
      const g = p.grad;
      const w = p.data;
      const v = this.velocity.get(p.name)!;
      const scale = p.adaptive ? adaptiveScale(g, eta) : 1;
      for (let i = 0; i < w.length; i++) {
        const d = g[i] * scale + weightDecay * w[i];
        v[i] = momentum * v[i] + d;
        w[i] -= lr * v[i];
      }
    }
  }
}

/** η·√k / max(‖g‖₂, 1e-12): AdderNet's per-layer adaptive learning rate α_l. */
export function adaptiveScale(g: Float32Array, eta: number): number {
  let sq = 0;
  for (let i = 0; i < g.length; i++) sq += g[i] * g[i];
  return (eta * Math.sqrt(g.length)) / Math.max(Math.sqrt(sq), NORM_CLAMP);
}

/** Cosine decay per step: lr(t) = lr0·(1 + cos(π·t/T))/2, t = 0..T−1 steps of the whole run. */
export function cosineLr(lr0: number, step: number, totalSteps: number): number {
  return 0.5 * lr0 * (1 + Math.cos((Math.PI * step) / totalSteps));
}
