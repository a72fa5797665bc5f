import { spawnSync } from 'node:child_process';
import { importNetlist, netlistFromYosysJson } from '../src/gen/import/index.js';
import { yosysToJson } from '../src/gen/import/yosys.js';
import type { Netlist } from '../src/ir/netlist.js';
import { fromRoot } from '../src/paths.js';
import { errorMetrics } from '../src/sim/error-metrics.js';

/**
 * Import and exhaustive characterisation of an 8×8 approximate multiplier (EvoApproxLib
 * mul8u_2AC, the largest multiplier fixture: 246 cells after yosys): Verilog → yosys JSON (a
 * yosys child process), JSON → IR, then all 65,536 operand pairs through the compiled
 * simulator for the error metrics. Target: under 2 s end to end. Each step is the best of
 * REPEATS runs (characterisation compiles the netlist afresh each time: a new import).
 */
const REPEATS = 3;
const FILE = fromRoot('test', 'gen', 'import', 'fixtures', 'evoapprox', 'mul8u_2AC.v');
const PORTS = { inputs: ['A', 'B'], outputs: ['O'], signed: false } as const;

function best<T>(work: () => T): { seconds: number; value: T } {
  let seconds = Number.POSITIVE_INFINITY;
  let value: T | undefined;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    value = work();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  return { seconds, value: value as T };
}

const characterise = (netlist: Netlist) =>
  errorMetrics(netlist, {
    operands: ['A', 'B'],
    result: ['O'],
    signed: false,
    exact: (a, b) => a * b,
    vectors: 1,
    random: () => 0,
  });

export async function run(): Promise<void> {
  if (spawnSync('sh', ['-c', 'command -v yosys']).status !== 0) {
    console.log('skipped: yosys is not on the PATH');
    return;
  }
  const yosys = best(() => yosysToJson(FILE, undefined));
  const parse = best(() => netlistFromYosysJson(yosys.value, FILE, PORTS));
  const metrics = best(() => characterise(netlistFromYosysJson(yosys.value, FILE, PORTS)));
  const total = best(() => characterise(importNetlist(FILE, PORTS)));
  const e = metrics.value;
  console.log(
    `mul8u_2AC: ${parse.value.cells.length} cells; mae ${e.mae}, wce ${e.wce}, ep ${e.ep}, mre ${e.mre.toPrecision(6)} over ${e.vectors} vectors`,
  );
  console.log(`yosys (Verilog -> JSON)           ${yosys.seconds.toFixed(3)} s`);
  console.log(`JSON -> IR                        ${parse.seconds.toFixed(3)} s`);
  console.log(`IR + exhaustive error metrics     ${metrics.seconds.toFixed(3)} s`);
  console.log(`end to end (importNetlist + metrics) ${total.seconds.toFixed(3)} s (target < 2 s)`);
}
