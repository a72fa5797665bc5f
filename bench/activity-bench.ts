import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AsicCellTable } from '../src/cost/table-types.js';
import { loadTable } from '../src/cost/tables.js';
import { cellDelaysPs } from '../src/cost/timing.js';
import { buildMultiplier } from '../src/gen/multipliers/index.js';
import type { Netlist } from '../src/ir/netlist.js';
import { simulateActivity } from '../src/sim/activity.js';
import { type CellDelays, UNIT_DELAYS } from '../src/sim/delays.js';
import { restrictActivity, simulateTimingActivity } from '../src/sim/timing-activity.js';
import { runIcarusTiming } from '../test/eda/timed-icarus.js';
import { hasTool, mulberry32 } from './sim-harness.js';

/**
 * Timing-aware switching activity against Icarus Verilog on the same netlist and vectors:
 * an 8x8 multiplier (array and Dadda) under unit delays and the cells-45nm gate delays (whole
 * ps), transport delay, every glitch counted.
 *
 * Ours: `simulateTimingActivity` end to end from Int32 vectors (packing included; building
 * the plan and program, once per netlist and delay table, excluded: its time and that of the
 * first, cold, run are printed apart). Toggle counts compare the netlist's
 * own nets (macro internals left out) with the zero-delay counts. Icarus: the transport-delay export (rtl/timed-verilog.ts) run by vvp without
 * a waveform dump, one vector per period; its rate comes from two run lengths, so start-up and
 * file reading cancel out. Before timing, a short run with a VCD dump checks that both count
 * the same toggles on every net.
 */
const VECTORS = 100_000;
const ICARUS_VECTORS = [2_000, 10_000];
const CHECK_VECTORS = 300;
const REPEATS = 5;
/** Untimed runs first, so that V8 has optimised the kernel's interpreter loop. */
const WARMUP = 2;

function stream(netlist: Netlist, count: number, seed: number): Record<string, Int32Array> {
  const rand = mulberry32(seed);
  return Object.fromEntries(
    netlist.inputs.map((p) => [
      p.name,
      Int32Array.from({ length: count }, () => rand() % 2 ** p.bits.length),
    ]),
  );
}

function big(s: Record<string, Int32Array>): Record<string, bigint[]> {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Array.from(v, BigInt)]));
}

function best(fn: () => void): number {
  let seconds = Infinity;
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    fn();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  return seconds;
}

function sum(a: Float64Array): number {
  return a.reduce((s, x) => s + x, 0);
}

/** Icarus vectors/s from two run lengths, or why it was not measured. */
function icarusRate(netlist: Netlist, delays: CellDelays, period: number): number | string {
  if (!hasTool('iverilog') || !hasTool('vvp')) return 'not measured (iverilog/vvp not on PATH)';
  const dir = mkdtempSync(join(tmpdir(), 'addersim-activity-bench-'));
  try {
    const check = stream(netlist, CHECK_VECTORS, 3);
    const theirs = runIcarusTiming(netlist, big(check), delays, period, dir).netToggles!;
    const ours = simulateTimingActivity(netlist, check, delays).netToggles;
    if (theirs.some((t, n) => t !== ours[n])) return 'TOGGLE COUNTS DIFFER from Icarus';
    const [small, large] = ICARUS_VECTORS.map(
      (n) =>
        runIcarusTiming(netlist, big(stream(netlist, n, 2)), delays, period, dir, false).seconds,
    );
    return (ICARUS_VECTORS[1] - ICARUS_VECTORS[0]) / Math.max(1e-9, large - small);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log(
    `single-threaded, best of ${REPEATS}; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const table = cellDelaysPs(loadTable('cells-45nm') as AsicCellTable);
  const models: [string, CellDelays][] = [
    ['unit delay', UNIT_DELAYS],
    ['cells-45nm delays (ps)', table],
  ];
  for (const arch of ['array', 'dadda'] as const) {
    const netlist = buildMultiplier({ width: 8, arch });
    const vectors = stream(netlist, VECTORS, 1);
    const zeroSeconds = best(() => simulateActivity(netlist, vectors));
    const zero = sum(simulateActivity(netlist, vectors).netToggles);
    console.log(
      `\n${netlist.name}: ${netlist.cells.length} cells, ${VECTORS} random vectors; zero-delay activity ${(VECTORS / zeroSeconds).toExponential(2)} vectors/s, ${(zero / (VECTORS - 1)).toFixed(1)} toggles per vector`,
    );
    for (const [name, delays] of models) {
      let t0 = performance.now();
      const first = simulateTimingActivity(netlist, stream(netlist, 2, 9), delays);
      const compile = (performance.now() - t0) / 1000;
      t0 = performance.now();
      simulateTimingActivity(netlist, vectors, delays);
      const cold = (performance.now() - t0) / 1000;
      for (let i = 1; i < WARMUP; i++) simulateTimingActivity(netlist, vectors, delays);
      let toggles = 0;
      const seconds = best(() => {
        const timed = simulateTimingActivity(netlist, vectors, delays);
        toggles = sum(restrictActivity(timed, netlist).netToggles);
      });
      const rate = VECTORS / seconds;
      const ic = icarusRate(netlist, delays, first.settleTime + 10);
      const versus =
        typeof ic === 'string'
          ? `Icarus ${ic}`
          : `Icarus ${ic.toExponential(2)} vectors/s (same counts on ${CHECK_VECTORS} vectors): ${(rate / ic).toFixed(0)}x Icarus`;
      console.log(
        `  ${name.padEnd(24)} ${first.events} events/vector, settles at ${first.settleTime}; ${(toggles / (VECTORS - 1)).toFixed(1)} toggles per vector (${(toggles / zero).toFixed(2)}x zero-delay, same nets); ours ${rate.toExponential(2)} vectors/s (plan ${(compile * 1000).toFixed(0)} ms once; first run ${(VECTORS / cold).toExponential(2)} vectors/s); ${versus}`,
      );
    }
  }
  console.log('\nTarget: >= 100x Icarus. The machine may be shared: compare ratios, not rates.');
}
