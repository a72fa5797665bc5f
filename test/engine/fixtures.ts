import type { Variant } from '../../src/nn/graph.js';
import { fromRoot } from '../../src/paths.js';
import { type PreparedNetwork, prepareNetwork } from '../../src/pipeline/index.js';
import type { QuantOptions } from '../../src/quant/options.js';

/** The shipped checkpoints, and a quickly calibrated (200 images) quantization of each. */
export const CHECKPOINT: Readonly<Record<Variant, string>> = {
  addernet: fromRoot('models', 'lenet5-bn-adder.safetensors'),
  cnn: fromRoot('models', 'lenet5-bn-cnn.safetensors'),
  bnn: fromRoot('models', 'lenet5-bn-bnn.safetensors'),
};

const cache = new Map<string, PreparedNetwork>();

export function prepared(variant: Variant, options: QuantOptions = {}): PreparedNetwork {
  const key = `${variant}/${JSON.stringify(options)}`;
  let p = cache.get(key);
  if (!p) {
    p = prepareNetwork(CHECKPOINT[variant], { calibrationImages: 200, ...options });
    cache.set(key, p);
  }
  return p;
}
