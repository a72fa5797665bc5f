/** Cost tables and cost models: op-level, gate-level and cycle models (see each file). */
export * from './cpu.js';
export * from './estimate.js';
export * from './estimator.js';
export * from './fpga.js';
export * from './gate-estimator.js';
export * from './inference.js';
export * from './json-schema.js';
export * from './layer-work.js';
export * from './op-pricing.js';
export * from './ops.js';
export * from './pe-array.js';
export * from './table-types.js';
export * from './tables.js';
export * from './timing.js';
