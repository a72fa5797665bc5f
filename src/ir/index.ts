export * from './builder.js';
export * from './gates.js';
export * from './netlist.js';
export * from './validate.js';
