import { type Checkpoint, loadCheckpoint, modelFromCheckpoint } from '../nn/checkpoint.js';
import { evaluateAccuracy } from '../nn/evaluate.js';
import type { IntegerGraph } from '../quant/graph.js';
import type { QuantOptions } from '../quant/options.js';
import {
  buildFromCalibration,
  type Calibration,
  calibrateCheckpoint,
} from '../quant/quantize-checkpoint.js';
import { datasetFor } from './datasets.js';

/**
 * The first step of the one path from a checkpoint to a priced result: load the checkpoint,
 * calibrate it (the expensive part: one float pass over the last `calibrationImages` training
 * images, the only calibration choice addersim makes) and build the integer graph.
 */
export interface PreparedNetwork {
  /** Where the checkpoint came from (a file path), for messages and results. */
  readonly path: string;
  readonly checkpoint: Checkpoint;
  readonly calibration: Calibration;
  readonly graph: IntegerGraph;
}

/** Loads, calibrates and quantizes a checkpoint file. */
export function prepareNetwork(path: string, options: QuantOptions = {}): PreparedNetwork {
  return prepareCheckpoint(loadCheckpoint(path), path, options);
}

/** Calibrates and quantizes a loaded checkpoint; `path` names it in messages. */
export function prepareCheckpoint(
  checkpoint: Checkpoint,
  path: string,
  options: QuantOptions = {},
): PreparedNetwork {
  const train = datasetFor(checkpoint, 'train', path);
  const calibration = calibrateCheckpoint(checkpoint, train, options, path);
  return { path, checkpoint, calibration, graph: buildFromCalibration(calibration, options) };
}

/**
 * The same network quantized with other options, reusing the calibration when its quantile and
 * slice are unchanged (bits, BatchNorm mode, accumulator width and overflow only rebuild).
 */
export function requantize(prepared: PreparedNetwork, options: QuantOptions): PreparedNetwork {
  const cal = prepared.calibration;
  const same =
    (options.quantile ?? cal.quantile) === cal.quantile &&
    (options.calibrationImages ?? cal.calibrationImages) === cal.calibrationImages;
  if (!same) return prepareCheckpoint(prepared.checkpoint, prepared.path, options);
  return { ...prepared, graph: buildFromCalibration(cal, options) };
}

/** Correct top-1 predictions of the float model on the first `limit` test images. */
export function floatAccuracy(
  prepared: PreparedNetwork,
  limit?: number,
): { correct: number; total: number } {
  const test = datasetFor(prepared.checkpoint, 'test', prepared.path);
  const r = evaluateAccuracy(modelFromCheckpoint(prepared.checkpoint, prepared.path), test, {
    limit,
  });
  return { correct: r.correct, total: r.total };
}
