import { expandMacros } from '../ir/expand.js';
import type { CellKind } from '../ir/gates.js';
import type { Netlist } from '../ir/netlist.js';
import { assertValidNetlist } from '../ir/validate.js';
import { type CellDelays, delaysFor } from '../sim/delays.js';
import { checkPortNames, declaration, moduleName, portBit } from './names.js';
import { netRefs } from './verilog.js';

/**
 * Verilog-2005 export with a delay on every gate, the model `simulateTimingActivity` counts
 * toggles in, for replaying the same vectors in an event-driven simulator (Icarus Verilog) and
 * looking at the glitches in GTKWave.
 *
 * - fa and ha are expanded into xor/and/or first (ir/expand.ts), so the module's nets are the
 *   expanded netlist's: `n<id>` is net id of `expandMacros(netlist)`, the ids the simulator's
 *   `TimingActivity.netToggles` uses.
 * - Every gate is `always @(inputs) n<y> <= #d expression;`. A nonblocking assignment with an
 *   intra-assignment delay is a transport delay: every evaluation schedules its value d units
 *   later, so every pulse passes, however short. Gate primitives (`and #d`) and `assign #d`
 *   are inertial instead: Icarus swallows a pulse shorter than d, which is not the model.
 *   A gate whose inputs are all constants gets `initial` instead (its sensitivity list would
 *   be empty).
 * - Delays are in `timeUnit` (default 1ps: the CLI's table delays are whole picoseconds).
 * Combinational netlists only; registers are refused. Deterministic output.
 */
export function toTimedVerilog(netlist: Netlist, delays: CellDelays, timeUnit = '1ps'): string {
  assertValidNetlist(netlist);
  checkPortNames(netlist);
  if (netlist.registers.length > 0) {
    throw new Error(
      `netlist ${netlist.name}: the timed Verilog export takes combinational netlists only, not ${netlist.registers.length} registers`,
    );
  }
  const n = expandMacros(netlist);
  const byKind = delaysFor(
    delays,
    n.cells.map((c) => c.kind),
  );
  const ref = netRefs(n);
  const lines = [
    `\`timescale ${timeUnit} / ${timeUnit}`,
    `// ${n.name}: gate-level Verilog with transport delays (one time unit = ${timeUnit}), exported by addersim.`,
    '// fa/ha cells are expanded into xor/and/or; n<id> is the net id of the expanded netlist.',
    `module ${moduleName(n)} (`,
    ...[
      ...n.inputs.map((p) => `input  wire ${declaration(p)}`),
      ...n.outputs.map((p) => `output wire ${declaration(p)}`),
    ].map((d, i, all) => `  ${d}${i < all.length - 1 ? ',' : ''}`),
    ');',
  ];
  const regs = n.cells.flatMap((c) => c.outputs);
  if (regs.length > 0) lines.push(`  reg ${regs.map((o) => `n${o}`).join(', ')};`);
  for (const cell of n.cells) {
    const y = `n${cell.outputs[0]}`;
    const ins = cell.inputs.map(ref);
    const expr = expression(cell.kind, ins);
    const reads = [...new Set(cell.inputs.filter((x) => x >= 2).map(ref))];
    if (reads.length === 0) {
      lines.push(`  initial ${y} = ${expr};`);
      continue;
    }
    const d = byKind.get(cell.kind)!;
    lines.push(`  always @(${reads.join(' or ')}) ${y} <= ${d > 0 ? `#${d} ` : ''}${expr};`);
  }
  for (const p of n.outputs) {
    p.bits.forEach((net, i) => {
      lines.push(`  assign ${portBit(p, i)} = ${ref(net)};`);
    });
  }
  lines.push('endmodule');
  return `${lines.join('\n')}\n`;
}

function expression(kind: CellKind, ins: readonly string[]): string {
  const [a, b, c] = ins;
  switch (kind) {
    case 'and':
      return `${a} & ${b}`;
    case 'or':
      return `${a} | ${b}`;
    case 'xor':
      return `${a} ^ ${b}`;
    case 'nand':
      return `~(${a} & ${b})`;
    case 'nor':
      return `~(${a} | ${b})`;
    case 'xnor':
      return `~(${a} ^ ${b})`;
    case 'not':
      return `~${a}`;
    case 'buf':
      return a;
    case 'mux2':
      return `${a} ? ${c} : ${b}`;
    default:
      throw new Error(`timed Verilog: ${kind} cells must be expanded first`);
  }
}

export interface TimedTestbenchOptions {
  /** Vectors replayed (the lines of each port's hex file). */
  readonly vectors: number;
  /** Time units between vectors; must exceed the circuit's settle time. */
  readonly period: number;
  /** Hex file of each input port, one value per line ($readmemh), by port name. */
  readonly hexFiles: Readonly<Record<string, string>>;
  /** VCD file dumping the module's nets, or undefined for no dump (benchmarks). */
  readonly vcd?: string;
  readonly timeUnit?: string;
}

/**
 * A testbench for `toTimedVerilog`: applies vector i at time i·period (all input bits at once),
 * optionally dumping every net of the module to a VCD, and finishes at vectors·period.
 */
export function toTimedTestbench(netlist: Netlist, options: TimedTestbenchOptions): string {
  const { vectors, period, hexFiles, vcd, timeUnit = '1ps' } = options;
  if (!Number.isInteger(vectors) || vectors < 1 || !Number.isInteger(period) || period < 1) {
    throw new Error(`timed testbench: vectors and period must be positive integers`);
  }
  const name = moduleName(netlist);
  const ports = [...netlist.inputs, ...netlist.outputs];
  const lines = [
    `\`timescale ${timeUnit} / ${timeUnit}`,
    `module ${name}_timed_tb;`,
    ...netlist.inputs.map((p) => `  reg ${declaration(p)};`),
    ...netlist.outputs.map((p) => `  wire ${declaration(p)};`),
    ...netlist.inputs.map(
      (p) => `  reg [${p.bits.length - 1}:0] tb_mem_${p.name} [0:${vectors - 1}];`,
    ),
    '  integer tb_i;',
    `  ${name} dut (${ports.map((p) => `.${p.name}(${p.name})`).join(', ')});`,
    '  initial begin',
    ...netlist.inputs.map((p) => `    $readmemh("${hexFiles[p.name]}", tb_mem_${p.name});`),
  ];
  if (vcd !== undefined) lines.push(`    $dumpfile("${vcd}");`, '    $dumpvars(1, dut);');
  lines.push(
    `    for (tb_i = 0; tb_i < ${vectors}; tb_i = tb_i + 1) begin`,
    ...netlist.inputs.map((p) => `      ${p.name} = tb_mem_${p.name}[tb_i];`),
    `      #${period};`,
    '    end',
    '    $finish;',
    '  end',
    'endmodule',
  );
  return `${lines.join('\n')}\n`;
}
