/**
 * The one path from a checkpoint to a counted, priced result:
 *
 *   prepareNetwork(path, quantOptions) -> PreparedNetwork       load, calibrate, quantize
 *   requantize(prepared, quantOptions)                          other widths, same calibration
 *   measureNetwork(prepared, options) -> NetworkResult          run, count, price
 *   inferCheckpoint(path, options)                              the two together
 *   floatAccuracy(prepared, limit)
 */
export * from './datasets.js';
export * from './layers.js';
export * from './measure.js';
export * from './prepare.js';
