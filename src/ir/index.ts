export * from './builder.js';
export * from './canonical.js';
export * from './expand.js';
export * from './gates.js';
export * from './metrics.js';
export * from './netlist.js';
export * from './validate.js';
