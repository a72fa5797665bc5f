import type { Variant } from '../nn/graph.js';
import { fromRoot } from '../paths.js';
import { type InferOptions, inferCheckpoint, type NetworkResult } from './network.js';

/**
 * AdderNet, CNN and BNN side by side: the same options (bits, backend, tables, images) on the
 * three checkpoints, run one after another (each run uses every worker thread). Default
 * checkpoints: the shipped models/lenet5-bn-{adder,cnn,bnn}.safetensors.
 */
export const SHIPPED_CHECKPOINTS: Readonly<Record<Variant, string>> = {
  addernet: fromRoot('models', 'lenet5-bn-adder.safetensors'),
  cnn: fromRoot('models', 'lenet5-bn-cnn.safetensors'),
  bnn: fromRoot('models', 'lenet5-bn-bnn.safetensors'),
};

export async function compareNetworks(
  options: InferOptions = {},
  checkpoints: Partial<Record<Variant, string>> = {},
): Promise<Record<Variant, NetworkResult>> {
  const paths = { ...SHIPPED_CHECKPOINTS, ...checkpoints };
  const results: Partial<Record<Variant, NetworkResult>> = {};
  for (const variant of ['addernet', 'cnn', 'bnn'] as const) {
    results[variant] = await inferCheckpoint(paths[variant], options);
  }
  return results as Record<Variant, NetworkResult>;
}
