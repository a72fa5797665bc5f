import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAdder } from '../src/gen/adders/index.js';
import { buildAdderPe } from '../src/gen/pe/index.js';
import type { Netlist } from '../src/ir/netlist.js';
import { allocPlanes, packInt32, wordsFor } from '../src/sim/bitplane.js';
import { CompiledSimulator } from '../src/sim/compiled.js';
import {
  checksum,
  type ExternalResult,
  hasTool,
  mulberry32,
  runIcarus,
  runVerilator,
  type Workload,
} from './sim-harness.js';

/**
 * Simulator benchmark: vectors/s and gate evaluations/s (IR cells × vectors; a full adder
 * counts as one cell) of the compiled bit-parallel simulator, single thread, next to Verilator
 * and Icarus Verilog running the same exported netlist on the same vectors, in the same run.
 *
 * Two figures for our simulator: gate evaluation alone on inputs already in bit-plane form,
 * and end to end from Int32 word vectors (packing and unpacking included). Verilator's figure
 * is its C++ loop alone (build time excluded); Icarus runs fewer vectors and its rate is taken
 * from the difference of two run lengths (start-up excluded). Checksums of the outputs must
 * agree, else the benchmark says so.
 *
 * The sequential case (an 8-bit AdderNet PE) runs 1024 independent PE instances side by side
 * in our simulator (one per lane) for ~977 cycles each, 10^6 PE-cycles in all; Verilator and
 * Icarus simulate those instances one after another (same vectors, same total cycles).
 */
const VECTORS = 1_000_000;
const ICARUS_VECTORS = 20_000;
const REPEATS = 5;

/** Random inputs; one-bit ports (carry-in, clear) are 1 with probability 1/2 or 1/16. */
function workload(netlist: Netlist, instances: number, cycles: number, seed: number): Workload {
  const rand = mulberry32(seed);
  const sequential = netlist.registers.length > 0;
  const inputs = netlist.inputs.map((p) =>
    Int32Array.from({ length: instances * cycles }, () => {
      const r = rand();
      if (p.bits.length === 1) return sequential ? Number((r & 15) === 0) : r & 1;
      return p.bits.length >= 32 ? r | 0 : r & ((1 << p.bits.length) - 1);
    }),
  );
  return { netlist, instances, cycles, inputs };
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

interface Row {
  simulator: string;
  vectors: number;
  seconds: number;
  ok: string;
}

interface Ours {
  /** Gate evaluation on inputs already in bit-plane form: JS kernel, and WebAssembly if any. */
  planes: Row[];
  /** End to end from Int32 word vectors: the default path (WebAssembly if any), then JS. */
  words: Row[];
  check: number;
}

function measureOurs(w: Workload): Ours {
  const sim = new CompiledSimulator(w.netlist);
  const jsOnly = new CompiledSimulator(w.netlist, { wasm: false });
  const total = w.instances * w.cycles;
  const sequential = sim.isSequential;
  // Bit-plane form, prepared outside the timed region.
  const words = wordsFor(w.instances);
  const inPlanes = allocPlanes(sim.inputBits, words * w.cycles);
  w.netlist.inputs.forEach((p, k) => {
    const o = sim.inputOffset[p.name];
    const planes = inPlanes.slice(o, o + p.bits.length);
    for (let t = 0; t < w.cycles; t++) {
      const slice = w.inputs[k].subarray(t * w.instances, (t + 1) * w.instances);
      packInt32(slice, p.bits.length, planes, t * words);
    }
  });
  const outPlanes = allocPlanes(sim.outputBits, words * w.cycles);
  const row = (simulator: string, seconds: number): Row => ({
    simulator,
    vectors: total,
    seconds,
    ok: '',
  });
  const planes = [
    row(
      'addersim JS, bit planes',
      best(() => {
        if (sequential) sim.runPlanes(inPlanes, outPlanes, sim.resetState(words), words, w.cycles);
        else sim.evaluatePlanes(inPlanes, outPlanes, words);
      }),
    ),
  ];
  if (sim.wasm) {
    const groups = Math.ceil(total / 128);
    const buffers = sim.wasm.planeBuffers(groups, sim.inputBits, sim.outputBits);
    // Same lanes in the interleaved layout: plane b, 32-lane word 4k + j at (k·bits + b)·4 + j.
    for (let b = 0; b < sim.inputBits; b++) {
      for (let word = 0; word < 4 * groups; word++) {
        buffers.input[((word >> 2) * sim.inputBits + b) * 4 + (word & 3)] = inPlanes[b][word] ?? 0;
      }
    }
    const wasm = sim.wasm;
    planes.push(
      row(
        'addersim WASM SIMD, bit planes',
        best(() => wasm.evaluatePlaneBuffers(groups, sim.inputBits)),
      ),
    );
  }
  const named = Object.fromEntries(w.netlist.inputs.map((p, k) => [p.name, w.inputs[k]]));
  const results: Record<string, Int32Array>[] = [];
  const wordRows: Row[] = [];
  const backends = sim.wasm
    ? ([
        ['WASM SIMD', sim],
        ['JS', jsOnly],
      ] as const)
    : ([['JS', sim]] as const);
  for (const [label, s] of backends) {
    let result: Record<string, Int32Array> = {};
    if (sequential) {
      const seconds = best(() => {
        result = s.runInt32(named, w.instances);
      });
      wordRows.push(row(`addersim ${label}, words`, seconds));
    } else {
      // Results into arrays reused across calls (how a batch loop calls it), then into fresh
      // arrays each call (page faults on first touch included).
      const reused = Object.fromEntries(
        w.netlist.outputs.map((p) => [p.name, new Int32Array(total)]),
      );
      const seconds = best(() => {
        result = s.evaluateInt32(named, reused);
      });
      wordRows.push(row(`addersim ${label}, words`, seconds));
      const fresh = best(() => {
        result = s.evaluateInt32(named);
      });
      wordRows.push(row(`addersim ${label}, words, new arrays`, fresh));
    }
    results.push(result);
  }
  const sums = results.map((r) =>
    checksum(
      w,
      w.netlist.outputs.map((p) => r[p.name]),
    ),
  );
  if (sums.some((c) => c !== sums[0])) throw new Error('our backends disagree');
  return { planes, words: wordRows, check: sums[0] };
}

function external(
  name: string,
  tool: string,
  runner: (w: Workload, dir: string) => ExternalResult,
  w: Workload,
  expected: number,
): Row | string {
  if (!hasTool(tool)) return `${name}: not measured (${tool} not on PATH)`;
  const dir = mkdtempSync(join(tmpdir(), 'addersim-bench-'));
  try {
    const r = runner(w, dir);
    const ok =
      r.checksum === expected ? 'same outputs' : `CHECKSUM DIFFERS (${r.checksum} vs ${expected})`;
    return { simulator: name, vectors: w.instances * w.cycles, seconds: r.seconds, ok };
  } catch (err) {
    return `${name}: failed: ${(err as Error).message.split('\n')[0]}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Icarus rate from two run lengths, so that start-up and file reading cancel out. */
function icarus(netlist: Netlist, sequential: boolean): Row | string {
  const shape = (n: number) => (sequential ? { i: n / 1000, c: 1000 } : { i: n, c: 1 });
  const small = shape(ICARUS_VECTORS / 5);
  const large = shape(ICARUS_VECTORS);
  const ws = workload(netlist, small.i, small.c, 7);
  const wl = workload(netlist, large.i, large.c, 7);
  const ours = (w: Workload) => {
    const sim = new CompiledSimulator(netlist);
    const named = Object.fromEntries(netlist.inputs.map((p, k) => [p.name, w.inputs[k]]));
    const r = sequential ? sim.runInt32(named, w.instances) : sim.evaluateInt32(named);
    return checksum(
      w,
      netlist.outputs.map((p) => r[p.name]),
    );
  };
  const a = external('Icarus Verilog 11 (vvp)', 'vvp', runIcarus, ws, ours(ws));
  const b = external('Icarus Verilog 11 (vvp)', 'vvp', runIcarus, wl, ours(wl));
  if (typeof a === 'string') return a;
  if (typeof b === 'string') return b;
  const seconds = Math.max(1e-9, b.seconds - a.seconds);
  const ok = a.ok === b.ok ? a.ok : `${a.ok}; ${b.ok}`;
  return { simulator: b.simulator, vectors: b.vectors - a.vectors, seconds, ok };
}

function report(title: string, netlist: Netlist, rows: (Row | string)[], ref: Row | string) {
  const cells = netlist.cells.length;
  console.log(`\n${title}: ${netlist.name}, ${cells} cells, ${netlist.registers.length} registers`);
  const refRate = typeof ref === 'string' ? undefined : ref.vectors / ref.seconds;
  for (const r of rows) {
    if (typeof r === 'string') {
      console.log(`  ${r}`);
      continue;
    }
    const rate = r.vectors / r.seconds;
    const ratio = refRate ? `  ${(rate / refRate).toFixed(1)}x Verilator` : '';
    console.log(
      `  ${r.simulator.padEnd(40)} ${rate.toExponential(2)} vectors/s  ${(rate * cells).toExponential(2)} gate evals/s${ratio}${r.ok ? `  (${r.ok})` : ''}`,
    );
  }
}

function ratio(ours: Row, other: Row | string, name: string): string {
  if (typeof other === 'string') return `${name} not measured`;
  return `${(ours.vectors / ours.seconds / (other.vectors / other.seconds)).toFixed(1)}x ${name}`;
}

export async function run(): Promise<void> {
  console.log(
    `os.cpus().length = ${cpus().length}; single-threaded measurements, best of ${REPEATS}`,
  );
  const cases: { title: string; netlist: Netlist; instances: number; cycles: number }[] = [
    {
      title: 'combinational',
      netlist: buildAdder('kogge-stone', 32),
      instances: VECTORS,
      cycles: 1,
    },
    {
      title: 'sequential (1024 PE instances in lanes)',
      netlist: buildAdderPe({ width: 8 }),
      instances: 1024,
      cycles: Math.ceil(VECTORS / 1024),
    },
  ];
  for (const c of cases) {
    const w = workload(c.netlist, c.instances, c.cycles, 1);
    const ours = measureOurs(w);
    const verilator = external(
      'Verilator -O3 (C++ loop)',
      'verilator',
      runVerilator,
      w,
      ours.check,
    );
    const ic = icarus(c.netlist, c.cycles > 1);
    report(c.title, c.netlist, [...ours.planes, ...ours.words, verilator, ic], verilator);
    for (const r of [...ours.planes, ...ours.words]) {
      console.log(
        `  ${r.simulator}: ${ratio(r, verilator, 'Verilator')}, ${ratio(r, ic, 'Icarus')}`,
      );
    }
  }
  console.log(
    '\nTargets (same netlist, one core): bit planes >= 20x Verilator and >= 1000x Icarus; end to end >= 3x Verilator.',
  );
  console.log('The machine may be shared: run a few times and compare ratios, not absolute rates.');
}
