import { type Checkpoint, loadCheckpoint, modelFromCheckpoint } from '../nn/checkpoint.js';
import { evaluateAccuracy } from '../nn/evaluate.js';
import type { IntegerGraph } from '../quant/graph.js';
import { type QuantOptions, resolveQuantOptions } from '../quant/options.js';
import {
  buildFromCalibration,
  type Calibration,
  calibrateCheckpoint,
} from '../quant/quantize-checkpoint.js';
import { type DataOptions, dataFor, type NetworkData } from './datasets.js';

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
  /** The images it is calibrated and evaluated on (datasets.ts). */
  readonly data: NetworkData;
  readonly dataOptions: DataOptions;
}

export type PrepareOptions = QuantOptions & DataOptions;

/** Loads, calibrates and quantizes a checkpoint file. */
export function prepareNetwork(path: string, options: PrepareOptions = {}): PreparedNetwork {
  return prepareCheckpoint(loadCheckpoint(path), path, options);
}

/** Calibrates and quantizes a loaded checkpoint; `path` names it in messages. */
export function prepareCheckpoint(
  checkpoint: Checkpoint,
  path: string,
  options: PrepareOptions = {},
): PreparedNetwork {
  const dataOptions: DataOptions = { data: options.data, calibration: options.calibration };
  const calibrationImages = resolveQuantOptions(options).calibrationImages;
  const data = dataFor(checkpoint, path, { ...dataOptions, calibrationImages });
  const calibration = calibrateCheckpoint(checkpoint, data.calibrationSet, options, path);
  return {
    path,
    checkpoint,
    calibration,
    graph: buildFromCalibration(calibration, options),
    data,
    dataOptions,
  };
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
  if (!same) {
    return prepareCheckpoint(prepared.checkpoint, prepared.path, {
      ...prepared.dataOptions,
      ...options,
    });
  }
  return { ...prepared, graph: buildFromCalibration(cal, options) };
}

/** Correct top-1 predictions of the float model on the first `limit` test images. */
export function floatAccuracy(
  prepared: PreparedNetwork,
  limit?: number,
): { correct: number; total: number } {
  const r = evaluateAccuracy(
    modelFromCheckpoint(prepared.checkpoint, prepared.path),
    prepared.data.test,
    {
      limit,
    },
  );
  return { correct: r.correct, total: r.total };
}
