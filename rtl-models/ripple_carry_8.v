`timescale 1ns / 1ps
// ripple-carry-8: structural Verilog-2005 exported by addersim.
// Parameters: arch=ripple-carry, width=8.
// Cells: 8 (fa 8); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module ripple_carry_8 (
  input  wire [7:0] a,   // first addend
  input  wire [7:0] b,   // second addend
  input  wire cin,       // carry-in
  output wire [7:0] sum, // a + b + cin, low width bits
  output wire cout       // carry-out: bit width of a + b + cin read unsigned
);

  // Cell outputs, named n<net id> as in the netlist IR.
  wire n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30, n31, n32, n33, n34;

  addersim_fa g0 (.a(a[0]), .b(b[0]), .c(cin), .sum(n19), .cout(n20));
  addersim_fa g1 (.a(a[1]), .b(b[1]), .c(n20), .sum(n21), .cout(n22));
  addersim_fa g2 (.a(a[2]), .b(b[2]), .c(n22), .sum(n23), .cout(n24));
  addersim_fa g3 (.a(a[3]), .b(b[3]), .c(n24), .sum(n25), .cout(n26));
  addersim_fa g4 (.a(a[4]), .b(b[4]), .c(n26), .sum(n27), .cout(n28));
  addersim_fa g5 (.a(a[5]), .b(b[5]), .c(n28), .sum(n29), .cout(n30));
  addersim_fa g6 (.a(a[6]), .b(b[6]), .c(n30), .sum(n31), .cout(n32));
  addersim_fa g7 (.a(a[7]), .b(b[7]), .c(n32), .sum(n33), .cout(n34));

  assign sum[0] = n19;
  assign sum[1] = n21;
  assign sum[2] = n23;
  assign sum[3] = n25;
  assign sum[4] = n27;
  assign sum[5] = n29;
  assign sum[6] = n31;
  assign sum[7] = n33;
  assign cout = n34;
endmodule

`ifndef ADDERSIM_FA
`define ADDERSIM_FA
// Full adder: sum = a ^ b ^ c, cout = majority(a, b, c).
module addersim_fa (input wire a, input wire b, input wire c, output wire sum, output wire cout);
  assign sum = a ^ b ^ c;
  assign cout = (a & b) | (a & c) | (b & c);
endmodule
`endif
