/**
 * The bit-accurate number core: fixed-point formats modelled on Algorithmic C `ac_fixed`,
 * exact bigint arithmetic, the one lossy `quantize`, checked encoders, and the 32-bit fast
 * path the integer engine runs. Every circuit and backend is tested against these functions.
 */
export * from './arith.js';
export * from './bitstring.js';
export * from './fast.js';
export * from './fast-number.js';
export * from './format.js';
export { describeRawRange, describeStep, describeValueRange, parseFormat } from './format-text.js';
export * from './modes.js';
export * from './number.js';
export { type QuantizeOptions, type QuantizeResult, quantize } from './quantize.js';
export * from './raw.js';
export * from './result-formats.js';
