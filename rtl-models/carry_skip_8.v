`timescale 1ns / 1ps
// carry-skip-8: structural Verilog-2005 exported by addersim.
// Parameters: arch=carry-skip, width=8.
// Cells: 24 (and 4, xor 8, mux2 4, fa 8); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module carry_skip_8 (
  input  wire [7:0] a,   // first addend
  input  wire [7:0] b,   // second addend
  input  wire cin,       // carry-in
  output wire [7:0] sum, // a + b + cin, low width bits
  output wire cout       // carry-out: bit width of a + b + cin read unsigned
);

  // Cell outputs, named n<net id> as in the netlist IR.
  wire n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30, n31, n32, n33, n34, n35, n36,
       n37, n38, n39, n40, n41, n42, n43, n44, n45, n46, n47, n48, n49, n50;

  addersim_fa g0 (.a(a[0]), .b(b[0]), .c(cin), .sum(n19), .cout(n20));
  addersim_fa g1 (.a(a[1]), .b(b[1]), .c(n20), .sum(n21), .cout(n22));
  xor g2 (n23, a[0], b[0]);
  xor g3 (n24, a[1], b[1]);
  and g4 (n25, n23, n24);
  addersim_mux2 g5 (.s(n25), .d0(n22), .d1(cin), .y(n26));
  addersim_fa g6 (.a(a[2]), .b(b[2]), .c(n26), .sum(n27), .cout(n28));
  addersim_fa g7 (.a(a[3]), .b(b[3]), .c(n28), .sum(n29), .cout(n30));
  xor g8 (n31, a[2], b[2]);
  xor g9 (n32, a[3], b[3]);
  and g10 (n33, n31, n32);
  addersim_mux2 g11 (.s(n33), .d0(n30), .d1(n26), .y(n34));
  addersim_fa g12 (.a(a[4]), .b(b[4]), .c(n34), .sum(n35), .cout(n36));
  addersim_fa g13 (.a(a[5]), .b(b[5]), .c(n36), .sum(n37), .cout(n38));
  xor g14 (n39, a[4], b[4]);
  xor g15 (n40, a[5], b[5]);
  and g16 (n41, n39, n40);
  addersim_mux2 g17 (.s(n41), .d0(n38), .d1(n34), .y(n42));
  addersim_fa g18 (.a(a[6]), .b(b[6]), .c(n42), .sum(n43), .cout(n44));
  addersim_fa g19 (.a(a[7]), .b(b[7]), .c(n44), .sum(n45), .cout(n46));
  xor g20 (n47, a[6], b[6]);
  xor g21 (n48, a[7], b[7]);
  and g22 (n49, n47, n48);
  addersim_mux2 g23 (.s(n49), .d0(n46), .d1(n42), .y(n50));

  assign sum[0] = n19;
  assign sum[1] = n21;
  assign sum[2] = n27;
  assign sum[3] = n29;
  assign sum[4] = n35;
  assign sum[5] = n37;
  assign sum[6] = n43;
  assign sum[7] = n45;
  assign cout = n50;
endmodule

`ifndef ADDERSIM_MUX2
`define ADDERSIM_MUX2
// 2:1 multiplexer: y = s ? d1 : d0.
module addersim_mux2 (input wire s, input wire d0, input wire d1, output wire y);
  assign y = s ? d1 : d0;
endmodule
`endif

`ifndef ADDERSIM_FA
`define ADDERSIM_FA
// Full adder: sum = a ^ b ^ c, cout = majority(a, b, c).
module addersim_fa (input wire a, input wire b, input wire c, output wire sum, output wire cout);
  assign sum = a ^ b ^ c;
  assign cout = (a & b) | (a & c) | (b & c);
endmodule
`endif
