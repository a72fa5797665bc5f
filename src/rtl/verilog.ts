import { CELL_KINDS, type CellKind } from '../ir/gates.js';
import type { Net, Netlist, Port } from '../ir/netlist.js';
import { assertValidNetlist } from '../ir/validate.js';
import { CLOCK, checkPortNames, declaration, moduleName, portBit, RESET } from './names.js';

/**
 * Structural, synthesizable Verilog-2005 export of any netlist.
 *
 * - One module named after the netlist (see names.ts), ANSI ports in netlist order, each with
 *   its `doc` as a comment; buses are `[w-1:0]`, bit 0 least significant (the IR's LSB-first
 *   order).
 * - and/or/xor/nand/nor/xnor/not/buf cells become Verilog gate primitives (`and g3 (y, a, b);`);
 *   mux2, fa and ha become instances of three small submodules defined after the main module
 *   (`addersim_mux2`, `addersim_fa`, `addersim_ha`), each inside an `ifndef` guard so that several
 *   exported files can be compiled together. So one IR cell is one Verilog instance, and the
 *   instance name `g<i>` is the IR cell index.
 * - Registers become `reg n<q>` updated in one `always @(posedge clk)`: with `rst` high (a
 *   synchronous, active-high reset) every register loads its `init` value — the state the
 *   netlist starts from in every simulator — else it takes its `d`. Assert `rst` for one clock
 *   edge before the first cycle. Combinational netlists get neither clk nor rst.
 * Output is deterministic: the same netlist gives byte-identical text.
 */
export function toVerilog(netlist: Netlist): string {
  assertValidNetlist(netlist);
  checkPortNames(netlist);
  const name = moduleName(netlist);
  const sequential = netlist.registers.length > 0;
  const ref = netRefs(netlist);
  const lines: string[] = [];

  lines.push(...header(netlist));
  lines.push(`module ${name} (`);
  const ports: { decl: string; doc: string }[] = [];
  if (sequential) {
    ports.push({ decl: `input  wire ${CLOCK}`, doc: 'clock: registers update on its rising edge' });
    ports.push({
      decl: `input  wire ${RESET}`,
      doc: 'synchronous reset, active high: loads every register with its init value',
    });
  }
  for (const p of netlist.inputs)
    ports.push({ decl: `input  wire ${declaration(p)}`, doc: portDoc(p) });
  for (const p of netlist.outputs)
    ports.push({ decl: `output wire ${declaration(p)}`, doc: portDoc(p) });
  const width = Math.max(...ports.map((p) => p.decl.length)) + 1;
  ports.forEach((p, i) => {
    const decl = `${p.decl}${i < ports.length - 1 ? ',' : ''}`;
    lines.push(`  ${p.doc ? `${decl.padEnd(width)} // ${p.doc}` : decl}`.trimEnd());
  });
  lines.push(');');

  const wires = netlist.cells.flatMap((c) => c.outputs);
  if (wires.length > 0) {
    lines.push('', '  // Cell outputs, named n<net id> as in the netlist IR.');
    lines.push(
      ...wrapList(
        '  wire ',
        wires.map((n) => `n${n}`),
      ),
    );
  }
  if (sequential) {
    lines.push('', '  // Register outputs (D flip-flops).');
    lines.push(
      ...wrapList(
        '  reg ',
        netlist.registers.map((r) => `n${r.q}`),
      ),
    );
  }

  if (netlist.cells.length > 0) lines.push('');
  netlist.cells.forEach((cell, i) => {
    const ins = cell.inputs.map(ref);
    const outs = cell.outputs.map(ref);
    lines.push(`  ${instance(cell.kind, `g${i}`, ins, outs)}`);
  });

  if (sequential) {
    lines.push('', `  always @(posedge ${CLOCK}) begin`, `    if (${RESET}) begin`);
    for (const r of netlist.registers) lines.push(`      n${r.q} <= 1'b${r.init};`);
    lines.push('    end else begin');
    for (const r of netlist.registers) lines.push(`      n${r.q} <= ${ref(r.d)};`);
    lines.push('    end', '  end');
  }

  if (netlist.outputs.length > 0) lines.push('');
  for (const p of netlist.outputs) {
    p.bits.forEach((net, i) => {
      lines.push(`  assign ${portBit(p, i)} = ${ref(net)};`);
    });
  }
  lines.push('endmodule');

  const used = new Set(netlist.cells.map((c) => c.kind));
  for (const kind of ['mux2', 'fa', 'ha'] as const) {
    if (used.has(kind)) lines.push('', ...SUBMODULES[kind]);
  }
  return `${lines.join('\n')}\n`;
}

/** Verilog expression of every net: constants, input port bits, `n<id>` otherwise. */
export function netRefs(netlist: Netlist): (net: Net) => string {
  const names = new Map<Net, string>([
    [0, "1'b0"],
    [1, "1'b1"],
  ]);
  for (const p of netlist.inputs) p.bits.forEach((net, i) => names.set(net, portBit(p, i)));
  return (net) => names.get(net) ?? `n${net}`;
}

function header(netlist: Netlist): string[] {
  const counts = new Map<CellKind, number>();
  for (const c of netlist.cells) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  const cellText = CELL_KINDS.filter((k) => counts.has(k))
    .map((k) => `${k} ${counts.get(k)}`)
    .join(', ');
  const params = Object.entries(netlist.params ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const lines = [
    '`timescale 1ns / 1ps',
    `// ${netlist.name}: structural Verilog-2005 exported by addersim.`,
  ];
  if (params) lines.push(`// Parameters: ${params}.`);
  lines.push(
    `// Cells: ${netlist.cells.length}${cellText ? ` (${cellText})` : ''}; registers: ${netlist.registers.length}.`,
    '// Buses are [width-1:0] with bit 0 the least significant bit.',
  );
  return lines;
}

function portDoc(p: Port): string {
  const parts = [p.doc ?? '', p.signed ? "two's complement" : ''].filter((s) => s !== '');
  return parts.join('; ');
}

function instance(kind: CellKind, name: string, ins: string[], outs: string[]): string {
  switch (kind) {
    case 'mux2':
      return `addersim_mux2 ${name} (.s(${ins[0]}), .d0(${ins[1]}), .d1(${ins[2]}), .y(${outs[0]}));`;
    case 'fa':
      return `addersim_fa ${name} (.a(${ins[0]}), .b(${ins[1]}), .c(${ins[2]}), .sum(${outs[0]}), .cout(${outs[1]}));`;
    case 'ha':
      return `addersim_ha ${name} (.a(${ins[0]}), .b(${ins[1]}), .sum(${outs[0]}), .cout(${outs[1]}));`;
    default:
      return `${kind} ${name} (${[...outs, ...ins].join(', ')});`;
  }
}

/** `wire a, b, c;` lists wrapped at about 100 columns. */
function wrapList(prefix: string, names: string[]): string[] {
  const lines: string[] = [];
  let line = prefix;
  names.forEach((n, i) => {
    const item = `${n}${i < names.length - 1 ? ',' : ';'}`;
    if (line.length + item.length + 1 > 100 && line !== prefix) {
      lines.push(line.trimEnd());
      line = ' '.repeat(prefix.length);
    }
    line += `${item} `;
  });
  lines.push(line.trimEnd());
  return lines;
}

/** The macro cells, as in `CELL_SEMANTICS`. */
const SUBMODULES: Record<'mux2' | 'fa' | 'ha', string[]> = {
  mux2: [
    '`ifndef ADDERSIM_MUX2',
    '`define ADDERSIM_MUX2',
    '// 2:1 multiplexer: y = s ? d1 : d0.',
    'module addersim_mux2 (input wire s, input wire d0, input wire d1, output wire y);',
    '  assign y = s ? d1 : d0;',
    'endmodule',
    '`endif',
  ],
  fa: [
    '`ifndef ADDERSIM_FA',
    '`define ADDERSIM_FA',
    '// Full adder: sum = a ^ b ^ c, cout = majority(a, b, c).',
    'module addersim_fa (input wire a, input wire b, input wire c, output wire sum, output wire cout);',
    '  assign sum = a ^ b ^ c;',
    '  assign cout = (a & b) | (a & c) | (b & c);',
    'endmodule',
    '`endif',
  ],
  ha: [
    '`ifndef ADDERSIM_HA',
    '`define ADDERSIM_HA',
    '// Half adder: sum = a ^ b, cout = a & b.',
    'module addersim_ha (input wire a, input wire b, output wire sum, output wire cout);',
    '  assign sum = a ^ b;',
    '  assign cout = a & b;',
    'endmodule',
    '`endif',
  ],
};
