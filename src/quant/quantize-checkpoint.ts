import type { Checkpoint } from '../nn/checkpoint.js';
import { modelFromCheckpoint } from '../nn/checkpoint.js';
import type { Dataset } from '../nn/data/dataset.js';
import { type ActivationRange, calibrateRanges } from './calibrate.js';
import { calibrationNodes, checkSupported } from './formats.js';
import type { IntegerGraph } from './graph.js';
import { type QuantOptions, resolveQuantOptions } from './options.js';
import { buildIntegerGraph } from './quantize.js';

/**
 * Post-training quantization of a checkpoint: resolve the options, calibrate the activation
 * ranges on the last `calibrationImages` images of `trainSet` (the float model in eval mode),
 * build the integer graph. Deterministic: the same checkpoint, data and options give the same
 * graph. Cost: one float forward pass over the calibration slice. A calibration can be reused
 * for other bit widths, accumulator widths and BatchNorm modes (`buildFromCalibration`): the
 * ranges depend only on the quantile and the slice.
 */
export interface Calibration {
  readonly checkpoint: Checkpoint;
  readonly dataset: {
    readonly name: string;
    readonly mean: readonly number[];
    readonly std: readonly number[];
  };
  readonly quantile: number;
  readonly calibrationImages: number;
  readonly ranges: ReadonlyMap<string, ActivationRange>;
}

export function calibrateCheckpoint(
  checkpoint: Checkpoint,
  trainSet: Dataset,
  options: QuantOptions = {},
  source = 'checkpoint',
): Calibration {
  const resolved = resolveQuantOptions(options);
  const graph = checkpoint.graph;
  checkSupported(graph);
  const model = modelFromCheckpoint(checkpoint, source);
  const ranges = calibrateRanges(model, trainSet, calibrationNodes(graph), {
    count: resolved.calibrationImages,
    quantile: resolved.quantile,
  });
  return {
    checkpoint,
    dataset: { name: trainSet.name, mean: trainSet.mean, std: trainSet.std },
    quantile: resolved.quantile,
    calibrationImages: resolved.calibrationImages,
    ranges,
  };
}

/** The integer graph for `options` from an existing calibration (its quantile and slice). */
export function buildFromCalibration(cal: Calibration, options: QuantOptions = {}): IntegerGraph {
  const resolved = resolveQuantOptions({
    ...options,
    quantile: cal.quantile,
    calibrationImages: cal.calibrationImages,
  });
  return buildIntegerGraph({
    graph: cal.checkpoint.graph,
    tensors: cal.checkpoint.tensors,
    ranges: cal.ranges,
    options: resolved,
    dataset: cal.dataset,
  });
}
