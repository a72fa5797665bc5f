`timescale 1ns / 1ps
// carry-select-8: structural Verilog-2005 exported by addersim.
// Parameters: arch=carry-select, width=8.
// Cells: 22 (or 2, xnor 2, mux2 7, fa 9, ha 2); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module carry_select_8 (
  input  wire [7:0] a,   // first addend
  input  wire [7:0] b,   // second addend
  input  wire cin,       // carry-in
  output wire [7:0] sum, // a + b + cin, low width bits
  output wire cout       // carry-out: bit width of a + b + cin read unsigned
);

  // Cell outputs, named n<net id> as in the netlist IR.
  wire n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30, n31, n32, n33, n34, n35, n36,
       n37, n38, n39, n40, n41, n42, n43, n44, n45, n46, n47, n48, n49, n50, n51;

  addersim_fa g0 (.a(a[0]), .b(b[0]), .c(cin), .sum(n19), .cout(n20));
  addersim_fa g1 (.a(a[1]), .b(b[1]), .c(n20), .sum(n21), .cout(n22));
  addersim_fa g2 (.a(a[2]), .b(b[2]), .c(n22), .sum(n23), .cout(n24));
  addersim_ha g3 (.a(a[3]), .b(b[3]), .sum(n25), .cout(n26));
  addersim_fa g4 (.a(a[4]), .b(b[4]), .c(n26), .sum(n27), .cout(n28));
  addersim_fa g5 (.a(a[5]), .b(b[5]), .c(n28), .sum(n29), .cout(n30));
  xnor g6 (n31, a[3], b[3]);
  or g7 (n32, a[3], b[3]);
  addersim_fa g8 (.a(a[4]), .b(b[4]), .c(n32), .sum(n33), .cout(n34));
  addersim_fa g9 (.a(a[5]), .b(b[5]), .c(n34), .sum(n35), .cout(n36));
  addersim_mux2 g10 (.s(n24), .d0(n25), .d1(n31), .y(n37));
  addersim_mux2 g11 (.s(n24), .d0(n27), .d1(n33), .y(n38));
  addersim_mux2 g12 (.s(n24), .d0(n29), .d1(n35), .y(n39));
  addersim_mux2 g13 (.s(n24), .d0(n30), .d1(n36), .y(n40));
  addersim_ha g14 (.a(a[6]), .b(b[6]), .sum(n41), .cout(n42));
  addersim_fa g15 (.a(a[7]), .b(b[7]), .c(n42), .sum(n43), .cout(n44));
  xnor g16 (n45, a[6], b[6]);
  or g17 (n46, a[6], b[6]);
  addersim_fa g18 (.a(a[7]), .b(b[7]), .c(n46), .sum(n47), .cout(n48));
  addersim_mux2 g19 (.s(n40), .d0(n41), .d1(n45), .y(n49));
  addersim_mux2 g20 (.s(n40), .d0(n43), .d1(n47), .y(n50));
  addersim_mux2 g21 (.s(n40), .d0(n44), .d1(n48), .y(n51));

  assign sum[0] = n19;
  assign sum[1] = n21;
  assign sum[2] = n23;
  assign sum[3] = n37;
  assign sum[4] = n38;
  assign sum[5] = n39;
  assign sum[6] = n49;
  assign sum[7] = n50;
  assign cout = n51;
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

`ifndef ADDERSIM_HA
`define ADDERSIM_HA
// Half adder: sum = a ^ b, cout = a & b.
module addersim_ha (input wire a, input wire b, output wire sum, output wire cout);
  assign sum = a ^ b;
  assign cout = a & b;
endmodule
`endif
