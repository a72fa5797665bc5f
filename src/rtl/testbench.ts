import type { Netlist, Port } from '../ir/netlist.js';
import { assertValidNetlist } from '../ir/validate.js';
import { CLOCK, checkPortNames, declaration, literal, moduleName, RESET } from './names.js';

/**
 * One test vector: input port values and the output values our simulator computed for them
 * (unsigned bit patterns of each port's width). For a sequential netlist, vectors are
 * consecutive clock cycles from reset: apply inputs, settle, compare outputs, then clock.
 */
export interface TestVector {
  readonly inputs: Readonly<Record<string, bigint>>;
  readonly outputs: Readonly<Record<string, bigint>>;
}

/**
 * A self-checking Verilog-2005 testbench for the module `toVerilog(netlist)` writes. Each
 * vector drives the inputs, waits 1 ns, and compares every output with `===` (so x or z count
 * as failures); mismatches are printed with the vector index. A sequential module is first
 * reset (rst high for one rising edge), then each vector is one cycle: inputs at the start,
 * check, then a rising edge of clk. The last line printed is `PASS <n> FAIL <m>`, then `$finish`.
 * The expected values come from the caller (our simulator): the testbench only replays them.
 */
export function toTestbench(netlist: Netlist, vectors: readonly TestVector[]): string {
  assertValidNetlist(netlist);
  checkPortNames(netlist);
  const name = moduleName(netlist);
  const sequential = netlist.registers.length > 0;
  const ins = netlist.inputs;
  const outs = netlist.outputs;
  const lines: string[] = [
    '`timescale 1ns / 1ps',
    `// Self-checking testbench for ${name} (${netlist.name}): ${vectors.length} ${sequential ? 'clock cycles from reset' : 'vectors'}.`,
    "// Expected outputs were computed by addersim's simulator; prints PASS/FAIL counts.",
    `module ${name}_tb;`,
  ];
  if (sequential) lines.push(`  reg ${CLOCK} = 1'b0;`, `  reg ${RESET} = 1'b1;`);
  for (const p of ins) lines.push(`  reg ${declaration(p)};`);
  for (const p of outs) lines.push(`  wire ${declaration(p)};`);
  lines.push('  integer tb_pass = 0;', '  integer tb_fail = 0;', '');

  const conns = [
    ...(sequential ? [CLOCK, RESET] : []),
    ...ins.map((p) => p.name),
    ...outs.map((p) => p.name),
  ].map((n) => `.${n}(${n})`);
  lines.push(`  ${name} dut (${conns.join(', ')});`, '');

  // The checking task: expected outputs plus the vector index for the failure message.
  lines.push('  task tb_check;');
  for (const p of outs) lines.push(`    input ${declaration({ ...p, name: `tb_exp_${p.name}` })};`);
  lines.push('    input integer tb_index;', '    begin', '      #1;');
  const equal = outs.map((p) => `${p.name} === tb_exp_${p.name}`).join(' && ') || '1';
  lines.push(`      if (${equal}) tb_pass = tb_pass + 1;`, '      else begin');
  lines.push('        tb_fail = tb_fail + 1;');
  const shown = [
    ...ins.map((p) => ({ text: `${p.name}=%h`, arg: p.name })),
    ...outs.map((p) => ({
      text: `${p.name}=%h (expected %h)`,
      arg: `${p.name}, tb_exp_${p.name}`,
    })),
  ];
  const args = ['tb_index', ...shown.map((s) => s.arg)].join(', ');
  lines.push(
    `        $display("FAIL vector %0d: ${shown.map((s) => s.text).join(' ')}", ${args});`,
  );
  lines.push('      end', '    end', '  endtask', '');

  lines.push('  initial begin');
  if (sequential) {
    lines.push(
      `    // Reset: one rising edge with ${RESET} high loads every register's init value.`,
    );
    for (const p of ins) lines.push(`    ${p.name} = ${literal(p.bits.length, 0n)};`);
    lines.push(`    #1 ${CLOCK} = 1'b1;`, `    #1 ${CLOCK} = 1'b0;`, `    ${RESET} = 1'b0;`);
  }
  vectors.forEach((v, i) => {
    lines.push(`    ${assignments(ins, v.inputs)} tb_check(${expected(outs, v.outputs)}, ${i});`);
    if (sequential) lines.push(`    ${CLOCK} = 1'b1; #1 ${CLOCK} = 1'b0;`);
  });
  lines.push('    $display("PASS %0d FAIL %0d", tb_pass, tb_fail);', '    $finish;', '  end');
  lines.push('endmodule');
  return `${lines.join('\n')}\n`;
}

function assignments(ports: readonly Port[], values: Readonly<Record<string, bigint>>): string {
  return ports.map((p) => `${p.name} = ${literal(p.bits.length, value(values, p))};`).join(' ');
}

function expected(ports: readonly Port[], values: Readonly<Record<string, bigint>>): string {
  return ports.map((p) => literal(p.bits.length, value(values, p))).join(', ');
}

function value(values: Readonly<Record<string, bigint>>, p: Port): bigint {
  const v = values[p.name];
  if (v === undefined) throw new Error(`test vector has no value for port ${p.name}`);
  return v;
}
