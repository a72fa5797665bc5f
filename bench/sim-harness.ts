import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Netlist } from '../src/ir/netlist.js';
import { moduleName } from '../src/rtl/names.js';
import { toVerilog } from '../src/rtl/verilog.js';

/**
 * Drivers that run the same exported netlist on the same vectors in Verilator and Icarus
 * Verilog, for the simulator benchmark. Every driver folds the outputs into the same checksum
 * (h = h·31 + value, mod 2^32, output ports in order; instance by instance, cycle by cycle for
 * sequential netlists), so the benchmark can check that all simulators computed the same thing.
 *
 * Vector layout (as `CompiledSimulator.runInt32` takes it): one Int32Array per input port,
 * `values[t·instances + i]`; a combinational netlist is one cycle of `count` instances.
 */
export interface Workload {
  readonly netlist: Netlist;
  readonly instances: number;
  readonly cycles: number;
  /** Input values per port, in netlist input order. */
  readonly inputs: readonly Int32Array[];
}

export interface ExternalResult {
  readonly seconds: number;
  readonly checksum: number;
}

export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

function exec(command: string, args: string[], cwd: string): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    throw new Error(`${command} failed (${r.status}):\n${(r.stderr || r.stdout).slice(-3000)}`);
  }
  return r.stdout;
}

/** The checksum of outputs in the drivers' order, computed from our simulator's results. */
export function checksum(w: Workload, outputs: readonly Int32Array[]): number {
  let h = 0;
  for (let i = 0; i < w.instances; i++) {
    for (let t = 0; t < w.cycles; t++) {
      const k = t * w.instances + i;
      for (let q = 0; q < outputs.length; q++) {
        const width = w.netlist.outputs[q].bits.length;
        const v = width >= 32 ? outputs[q][k] : outputs[q][k] & ((1 << width) - 1);
        h = (Math.imul(h, 31) + v) | 0;
      }
    }
  }
  return h >>> 0;
}

function mask(width: number): string {
  return width >= 32 ? '0xffffffffu' : `0x${((2 ** width - 1) >>> 0).toString(16)}u`;
}

/**
 * Builds the netlist with `verilator --cc --exe --build -O3` and a generated C++ harness that
 * reads the vectors from a binary file and times only its simulation loop.
 */
export function runVerilator(w: Workload, dir: string): ExternalResult {
  const n = w.netlist;
  const top = moduleName(n);
  const sequential = n.registers.length > 0;
  writeFileSync(join(dir, `${top}.v`), toVerilog(n));
  const data = Buffer.concat(
    w.inputs.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
  );
  writeFileSync(join(dir, 'vectors.bin'), data);
  const total = w.instances * w.cycles;
  const set = n.inputs
    .map((p, k) => `top->${p.name} = in[${k}][k] & ${mask(p.bits.length)};`)
    .join(' ');
  const fold = n.outputs.map((p) => `h = h * 31u + (uint32_t)top->${p.name};`).join(' ');
  const reset = sequential
    ? 'top->rst = 1; top->clk = 0; top->eval(); top->clk = 1; top->eval(); top->clk = 0; top->rst = 0;'
    : '';
  const clock = sequential ? 'top->clk = 1; top->eval(); top->clk = 0;' : '';
  const cpp = `#include "V${top}.h"
#include "verilated.h"
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <vector>
int main(int argc, char** argv) {
  const size_t instances = ${w.instances}, cycles = ${w.cycles}, total = ${total};
  std::vector<std::vector<int32_t>> in(${n.inputs.length}, std::vector<int32_t>(total));
  FILE* f = std::fopen(argv[1], "rb");
  for (auto& v : in) if (std::fread(v.data(), 4, total, f) != total) return 2;
  std::fclose(f);
  VerilatedContext ctx;
  V${top}* top = new V${top}{&ctx};
  uint32_t h = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (size_t i = 0; i < instances; i++) {
    ${reset}
    for (size_t t = 0; t < cycles; t++) {
      const size_t k = t * instances + i;
      ${set}
      top->eval();
      ${fold}
      ${clock}
    }
  }
  auto t1 = std::chrono::steady_clock::now();
  std::printf("%.9f %u\\n", std::chrono::duration<double>(t1 - t0).count(), h);
  delete top;
  return 0;
}
`;
  writeFileSync(join(dir, 'harness.cpp'), cpp);
  exec(
    'verilator',
    [
      '--cc',
      '--exe',
      '--build',
      '-O3',
      '-Wno-fatal',
      '-Wno-lint',
      '-Wno-style',
      '--top-module',
      top,
      '-CFLAGS',
      '-O3',
      '-MAKEFLAGS',
      'OPT_FAST=-O3',
      '-Mdir',
      'obj',
      '-o',
      'vsim',
      `${top}.v`,
      'harness.cpp',
    ],
    dir,
  );
  const [seconds, h] = exec(join(dir, 'obj', 'vsim'), [join(dir, 'vectors.bin')], dir)
    .trim()
    .split(' ');
  return { seconds: Number(seconds), checksum: Number(h) };
}

/**
 * Runs the netlist in Icarus Verilog (iverilog + vvp) with a testbench that reads the vectors
 * with $readmemh. Wall time of vvp includes its start-up and file reading, so the benchmark
 * runs two sizes and takes the rate from the difference.
 */
export function runIcarus(w: Workload, dir: string): ExternalResult {
  const n = w.netlist;
  const top = moduleName(n);
  const sequential = n.registers.length > 0;
  const total = w.instances * w.cycles;
  writeFileSync(join(dir, `${top}.v`), toVerilog(n));
  n.inputs.forEach((_, k) => {
    const lines = Array.from(w.inputs[k].subarray(0, total), (v) => (v >>> 0).toString(16));
    writeFileSync(join(dir, `in${k}.hex`), `${lines.join('\n')}\n`);
  });
  const decl = (width: number) => (width === 1 ? '' : `[${width - 1}:0] `);
  const tb = [
    '`timescale 1ns / 1ps',
    'module bench;',
    ...(sequential ? ['  reg clk = 0;', '  reg rst = 0;'] : []),
    ...n.inputs.map((p) => `  reg ${decl(p.bits.length)}${p.name};`),
    ...n.outputs.map((p) => `  wire ${decl(p.bits.length)}${p.name};`),
    ...n.inputs.map((_, k) => `  reg [31:0] mem${k} [0:${total - 1}];`),
    '  reg [31:0] h;',
    '  integer i, t, k;',
    `  ${top} dut (${[...(sequential ? ['clk', 'rst'] : []), ...n.inputs.map((p) => p.name), ...n.outputs.map((p) => p.name)].map((x) => `.${x}(${x})`).join(', ')});`,
    '  initial begin',
    ...n.inputs.map((_, k) => `    $readmemh("in${k}.hex", mem${k});`),
    '    h = 0;',
    `    for (i = 0; i < ${w.instances}; i = i + 1) begin`,
    ...(sequential ? ['      rst = 1; #1 clk = 1; #1 clk = 0; rst = 0;'] : []),
    `      for (t = 0; t < ${w.cycles}; t = t + 1) begin`,
    `        k = t * ${w.instances} + i;`,
    ...n.inputs.map((p, k) => `        ${p.name} = mem${k}[k];`),
    '        #1;',
    ...n.outputs.map((p) => `        h = h * 31 + ${p.name};`),
    ...(sequential ? ['        clk = 1; #1 clk = 0;'] : []),
    '      end',
    '    end',
    '    $display("%0d", h);',
    '    $finish;',
    '  end',
    'endmodule',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'bench.v'), tb);
  exec('iverilog', ['-g2005', '-o', 'bench.vvp', `${top}.v`, 'bench.v'], dir);
  const t0 = performance.now();
  const out = exec('vvp', ['-n', 'bench.vvp'], dir);
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, checksum: Number(out.trim().split('\n').at(-1)) };
}

/** The benchmarks' seeded 32-bit generator (mulberry32): the same vectors on every machine. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
