import { describe, expect, it } from 'vitest';
import { NetlistBuilder } from '../../src/ir/builder.js';
import { moduleName } from '../../src/rtl/names.js';
import { toVerilog } from '../../src/rtl/verilog.js';

function tinySequential() {
  const b = new NetlistBuilder('tiny-seq', { width: 2 });
  const a = b.input('a', 2, { doc: 'operand' });
  const s = b.input('s', 1);
  const q = b.registerLater(1);
  const [sum, cout] = b.fa(a[0], a[1], q.q);
  q.drive(b.xor(sum, s[0]));
  b.output('y', [b.mux(s[0], sum, b.not(cout)), b.one], { doc: 'result', signed: true });
  return b.build();
}

describe('Verilog export', () => {
  it('writes one primitive or submodule instance per cell, registers with a synchronous reset', () => {
    expect(toVerilog(tinySequential())).toBe(`\`timescale 1ns / 1ps
// tiny-seq: structural Verilog-2005 exported by addersim.
// Parameters: width=2.
// Cells: 4 (xor 1, not 1, mux2 1, fa 1); registers: 1.
// Buses are [width-1:0] with bit 0 the least significant bit.
module tiny_seq (
  input  wire clk,     // clock: registers update on its rising edge
  input  wire rst,     // synchronous reset, active high: loads every register with its init value
  input  wire [1:0] a, // operand
  input  wire s,
  output wire [1:0] y  // result; two's complement
);

  // Cell outputs, named n<net id> as in the netlist IR.
  wire n6, n7, n8, n9, n10;

  // Register outputs (D flip-flops).
  reg n5;

  addersim_fa g0 (.a(a[0]), .b(a[1]), .c(n5), .sum(n6), .cout(n7));
  xor g1 (n8, n6, s);
  not g2 (n9, n7);
  addersim_mux2 g3 (.s(s), .d0(n6), .d1(n9), .y(n10));

  always @(posedge clk) begin
    if (rst) begin
      n5 <= 1'b1;
    end else begin
      n5 <= n8;
    end
  end

  assign y[0] = n10;
  assign y[1] = 1'b1;
endmodule

\`ifndef ADDERSIM_MUX2
\`define ADDERSIM_MUX2
// 2:1 multiplexer: y = s ? d1 : d0.
module addersim_mux2 (input wire s, input wire d0, input wire d1, output wire y);
  assign y = s ? d1 : d0;
endmodule
\`endif

\`ifndef ADDERSIM_FA
\`define ADDERSIM_FA
// Full adder: sum = a ^ b ^ c, cout = majority(a, b, c).
module addersim_fa (input wire a, input wire b, input wire c, output wire sum, output wire cout);
  assign sum = a ^ b ^ c;
  assign cout = (a & b) | (a & c) | (b & c);
endmodule
\`endif
`);
  });

  it('gives combinational modules no clock and gates with constant inputs literal constants', () => {
    const b = new NetlistBuilder('7seg');
    const x = b.input('x', 1);
    b.output('y', [b.nand(x[0], b.one), b.zero, x[0]]);
    const text = toVerilog(b.build());
    expect(text).toContain('module m_7seg (\n  input  wire x,\n  output wire [2:0] y\n);');
    expect(text).toContain("  nand g0 (n3, x, 1'b1);");
    expect(text).toContain("  assign y[1] = 1'b0;\n  assign y[2] = x;\nendmodule\n");
    expect(text).not.toContain('clk');
    expect(text).not.toContain('ifndef');
  });

  it('names modules after the netlist with non-identifier characters replaced', () => {
    expect(moduleName(new NetlistBuilder('kogge-stone-8').build())).toBe('kogge_stone_8');
  });

  it('refuses port names that are not usable Verilog identifiers', () => {
    const bad = (name: string, sequential = false) => {
      const b = new NetlistBuilder('bad');
      const x = b.input(name, 1);
      b.output('y', sequential ? [b.register(x[0])] : x);
      return () => toVerilog(b.build());
    };
    expect(bad('a-b')).toThrow('netlist bad: port name a-b is not a Verilog identifier');
    expect(bad('wire')).toThrow('netlist bad: port name wire is a Verilog keyword');
    expect(bad('n12')).toThrow('netlist bad: port name n12 clashes with generated names');
    expect(bad('clk', true)).toThrow(
      'netlist bad: port name clk clashes with the clock/reset port',
    );
    expect(bad('clk')).not.toThrow();
  });

  it('is deterministic', () => {
    expect(toVerilog(tinySequential())).toBe(toVerilog(tinySequential()));
  });
});
