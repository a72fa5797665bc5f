import { modelFromCheckpoint } from '../nn/checkpoint.js';
import type { Dataset } from '../nn/data/dataset.js';
import { evaluateAccuracy } from '../nn/evaluate.js';
import type { QuantizedNetwork } from './inference.js';
import type { StudyNetwork } from './networks.js';
import type { AccuracySection, NetworkAccuracy } from './results.js';

/**
 * Accuracy vs bit width: for each network, correct predictions of the float model and of the
 * quantized, bit-accurate model at every width of the sweep, all counted over the same first
 * `images` test images.
 */
export function floatCorrect(net: StudyNetwork, test: Dataset, images: number): number {
  const model = modelFromCheckpoint(net.checkpoint, net.ref.label);
  return evaluateAccuracy(model, test, { limit: images }).correct;
}

export interface AccuracyInputs {
  readonly dataset: string;
  readonly images: number;
  readonly backend: AccuracySection['backend'];
  /** Per network: float correct count and the quantized networks of the sweep. */
  readonly runs: readonly {
    readonly net: StudyNetwork;
    readonly floatCorrect: number;
    readonly quantized: readonly QuantizedNetwork[];
  }[];
  readonly tick: () => void;
}

export async function accuracySection(inputs: AccuracyInputs): Promise<AccuracySection> {
  const networks: NetworkAccuracy[] = [];
  for (const run of inputs.runs) {
    const points: { bits: number; correct: number }[] = [];
    for (const q of run.quantized) {
      points.push({ bits: q.bits, correct: await q.correct(inputs.images) });
      inputs.tick();
    }
    networks.push({
      network: run.net.network,
      checkpoint: run.net.ref.label,
      floatCorrect: run.floatCorrect,
      points,
    });
  }
  return {
    dataset: inputs.dataset,
    testImages: inputs.images,
    backend: inputs.backend,
    networks,
  };
}
