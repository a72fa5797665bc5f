import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importNetlist } from '../../../src/gen/import/index.js';
import { fromRoot } from '../../../src/paths.js';
import { errorMetrics } from '../../../src/sim/error-metrics.js';
import { hasTool } from '../../eda/tools.js';

/**
 * EvoApproxLib circuits, read from a checkout of ehw-fit/evoapproxlib at the commit pinned in
 * fixtures/evoapprox/metrics.json (the folder named by ADDERSIM_EVOAPPROX_DIR; nothing of the
 * library is part of this project): addersim's exhaustive error totals of each circuit's
 * Verilog must equal the totals its C model gave (metrics.json, see the README beside it).
 */
const DIR = process.env.ADDERSIM_EVOAPPROX_DIR;
const METRICS: {
  commit: string;
  metrics: {
    path: string;
    op: 'add' | 'mul';
    vectors: number;
    absolute: string;
    signed: string;
    squared: string;
    worst: string;
    errorVectors: number;
    relativeVectors: number;
    mre: number;
  }[];
} = JSON.parse(
  readFileSync(fromRoot('test', 'gen', 'import', 'fixtures', 'evoapprox', 'metrics.json'), 'utf8'),
);
const reason = !DIR
  ? `set ADDERSIM_EVOAPPROX_DIR to a checkout of ehw-fit/evoapproxlib at ${METRICS.commit}`
  : 'yosys is not on the PATH';

describe.skipIf(!DIR || !hasTool('yosys'))(
  `EvoApproxLib circuits against their C models' totals${DIR && hasTool('yosys') ? '' : ` (skipped: ${reason})`}`,
  () => {
    for (const m of METRICS.metrics) {
      it(`${m.path}: error metrics equal its C model's exhaustive totals`, () => {
        const netlist = importNetlist(join(DIR as string, m.path), {
          inputs: ['A', 'B'],
          outputs: ['O'],
          signed: false,
        });
        const e = errorMetrics(netlist, {
          operands: ['A', 'B'],
          result: ['O'],
          signed: false,
          exact: m.op === 'add' ? (a, b) => a + b : (a, b) => a * b,
          vectors: 1,
          random: () => 0,
        });
        expect({ vectors: e.vectors, ...e.sums, mre: e.mre }).toEqual({
          vectors: m.vectors,
          absolute: m.absolute,
          signed: m.signed,
          squared: m.squared,
          worst: m.worst,
          errorVectors: m.errorVectors,
          relativeVectors: m.relativeVectors,
          mre: m.mre,
        });
      });
    }
  },
);
