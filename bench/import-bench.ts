import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importNetlist, netlistFromYosysJson } from '../src/gen/import/index.js';
import { yosysToJson } from '../src/gen/import/yosys.js';
import { buildMultiplier } from '../src/gen/multipliers/index.js';
import type { Netlist } from '../src/ir/netlist.js';
import { toVerilog } from '../src/rtl/verilog.js';
import { errorMetrics } from '../src/sim/error-metrics.js';
import { best } from './best.js';

/**
 * Import and exhaustive characterisation of an 8×8 multiplier netlist: by default the Verilog
 * addersim exports for its own unsigned array multiplier (ripple-carry final adder); with
 * ADDERSIM_EVOAPPROX_DIR naming a checkout of ehw-fit/evoapproxlib, that library's mul8u_2AC
 * (246 cells after yosys) instead. Verilog → yosys JSON (a yosys child process), JSON → IR, then
 * all 65,536 operand pairs through the compiled simulator for the error metrics. Target: under
 * 2 s end to end. Each step is the best of REPEATS runs (characterisation compiles the netlist
 * afresh each time: a new import).
 */
const REPEATS = 3;
const EVOAPPROX = process.env.ADDERSIM_EVOAPPROX_DIR;
const EVOAPPROX_FILE = 'multiplers/8x8_unsigned/pareto_pwr_mae/mul8u_2AC.v';

/** The multiplier to import and its ports; `cleanup` removes what was written for it. */
function subject(): {
  name: string;
  file: string;
  ports: { inputs: string[]; outputs: string[]; signed: false };
  cleanup(): void;
} {
  if (EVOAPPROX) {
    return {
      name: 'EvoApproxLib mul8u_2AC',
      file: join(EVOAPPROX, EVOAPPROX_FILE),
      ports: { inputs: ['A', 'B'], outputs: ['O'], signed: false },
      cleanup: () => undefined,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'addersim-import-bench-'));
  const file = join(dir, 'array8.v');
  const netlist = buildMultiplier({
    width: 8,
    arch: 'array',
    signed: false,
    adder: 'ripple-carry',
  });
  writeFileSync(file, toVerilog(netlist));
  return {
    name: `addersim ${netlist.name} (exported Verilog)`,
    file,
    ports: { inputs: ['a', 'b'], outputs: ['product'], signed: false },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const characterise = (netlist: Netlist, ports: { inputs: string[]; outputs: string[] }) =>
  errorMetrics(netlist, {
    operands: [ports.inputs[0], ports.inputs[1]],
    result: ports.outputs,
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
  const { name, file, ports, cleanup } = subject();
  try {
    const yosys = best(REPEATS, () => yosysToJson(file, undefined));
    const parse = best(REPEATS, () => netlistFromYosysJson(yosys.value, file, ports));
    const metrics = best(REPEATS, () =>
      characterise(netlistFromYosysJson(yosys.value, file, ports), ports),
    );
    const total = best(REPEATS, () => characterise(importNetlist(file, ports), ports));
    const e = metrics.value;
    console.log(
      `${name}: ${parse.value.cells.length} cells; mae ${e.mae}, wce ${e.wce}, ep ${e.ep}, mre ${e.mre.toPrecision(6)} over ${e.vectors} vectors`,
    );
    console.log(`yosys (Verilog -> JSON)           ${yosys.seconds.toFixed(3)} s`);
    console.log(`JSON -> IR                        ${parse.seconds.toFixed(3)} s`);
    console.log(`IR + exhaustive error metrics     ${metrics.seconds.toFixed(3)} s`);
    console.log(
      `end to end (importNetlist + metrics) ${total.seconds.toFixed(3)} s (target < 2 s)`,
    );
  } finally {
    cleanup();
  }
}
