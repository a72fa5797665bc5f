/**
 * Post-training quantization: calibration, shared-scale quantization and the integer graph the
 * engine runs.
 *
 *   quantizeCheckpoint(checkpoint, trainSet, options) -> IntegerGraph   (calibrate + build)
 *   buildIntegerGraph({ graph, tensors, ranges, options, dataset })   (from given ranges)
 *   calibrateRanges(model, dataset, nodeIds, { count, quantile })
 *   resolveQuantOptions(options): bits 2..16 (8), bn 'thresholds' | 'multiply-shift',
 *     accBits (body layers, default overflow-free), overflow 'wrap' | 'sat', groups (1),
 *     quantile (0.9999), calibrationImages (1000)
 * Building blocks: quantizeAdderWeights (the lossless clamp), quantizeMultiplyWeights,
 * binarizeWeights, adderGroups (k-means), multiplyShiftFor / thresholdsFor (requantization),
 * the accumulator widths.
 */
export * from './calibrate.js';
export * from './formats.js';
export * from './graph.js';
export * from './kmeans.js';
export * from './options.js';
export * from './quantize.js';
export * from './quantize-checkpoint.js';
export * from './requant.js';
export * from './requant-node.js';
export * from './weight-node.js';
export * from './weights.js';
export * from './widths.js';
