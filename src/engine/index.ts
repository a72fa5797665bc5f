/**
 * Integer inference of a quantized graph through a datapath backend, with exact counters.
 *
 *   runIntegerGraph(graph, images, count, options) -> { predictions, nodes: NodeCounts[] }
 *   runParallel(graph, images, count, { threads, ... })   worker threads, the same result
 *   getKernel(backend, node)                               the kernel registry
 * Backends: 'functional' (typed-array and WebAssembly SIMD kernels) and 'gate' (every add,
 * subtract, |a − b|, multiply and popcount through generated netlists in the bit-parallel
 * simulator); both give bit-identical outputs and the same counts.
 */
export * from './counters.js';
export * from './kernels/registry.js';
export * from './parallel.js';
export * from './run.js';
