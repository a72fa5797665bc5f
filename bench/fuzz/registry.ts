import type { FuzzPath } from './harness.js';

/**
 * Every input path the fuzzer feeds, one line per file of paths (each exports `paths`). A new
 * input path (an importer, a job queue) is a file in paths/ exporting its FuzzPath values and
 * one line here; the test suite and bench/fuzz.ts then both run it.
 */
export const FUZZ_PATHS: readonly FuzzPath[] = [
  ...(await import('./paths/checkpoint.js')).paths,
  ...(await import('./paths/architecture.js')).paths,
  ...(await import('./paths/cost-table.js')).paths,
  ...(await import('./paths/csv-vectors.js')).paths,
  ...(await import('./paths/sweep-file.js')).paths,
  ...(await import('./paths/flags.js')).paths,
  ...(await import('./paths/pytorch.js')).paths,
  ...(await import('./paths/netlist.js')).paths,
  ...(await import('./paths/onnx.js')).paths,
];
