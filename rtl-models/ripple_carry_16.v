`timescale 1ns / 1ps
// ripple-carry-16: structural Verilog-2005 exported by addersim.
// Parameters: arch=ripple-carry, width=16.
// Cells: 16 (fa 16); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module ripple_carry_16 (
  input  wire [15:0] a,   // first addend
  input  wire [15:0] b,   // second addend
  input  wire cin,        // carry-in
  output wire [15:0] sum, // a + b + cin, low width bits
  output wire cout        // carry-out: bit width of a + b + cin read unsigned
);

  // Cell outputs, named n<net id> as in the netlist IR.
  wire n35, n36, n37, n38, n39, n40, n41, n42, n43, n44, n45, n46, n47, n48, n49, n50, n51, n52,
       n53, n54, n55, n56, n57, n58, n59, n60, n61, n62, n63, n64, n65, n66;

  addersim_fa g0 (.a(a[0]), .b(b[0]), .c(cin), .sum(n35), .cout(n36));
  addersim_fa g1 (.a(a[1]), .b(b[1]), .c(n36), .sum(n37), .cout(n38));
  addersim_fa g2 (.a(a[2]), .b(b[2]), .c(n38), .sum(n39), .cout(n40));
  addersim_fa g3 (.a(a[3]), .b(b[3]), .c(n40), .sum(n41), .cout(n42));
  addersim_fa g4 (.a(a[4]), .b(b[4]), .c(n42), .sum(n43), .cout(n44));
  addersim_fa g5 (.a(a[5]), .b(b[5]), .c(n44), .sum(n45), .cout(n46));
  addersim_fa g6 (.a(a[6]), .b(b[6]), .c(n46), .sum(n47), .cout(n48));
  addersim_fa g7 (.a(a[7]), .b(b[7]), .c(n48), .sum(n49), .cout(n50));
  addersim_fa g8 (.a(a[8]), .b(b[8]), .c(n50), .sum(n51), .cout(n52));
  addersim_fa g9 (.a(a[9]), .b(b[9]), .c(n52), .sum(n53), .cout(n54));
  addersim_fa g10 (.a(a[10]), .b(b[10]), .c(n54), .sum(n55), .cout(n56));
  addersim_fa g11 (.a(a[11]), .b(b[11]), .c(n56), .sum(n57), .cout(n58));
  addersim_fa g12 (.a(a[12]), .b(b[12]), .c(n58), .sum(n59), .cout(n60));
  addersim_fa g13 (.a(a[13]), .b(b[13]), .c(n60), .sum(n61), .cout(n62));
  addersim_fa g14 (.a(a[14]), .b(b[14]), .c(n62), .sum(n63), .cout(n64));
  addersim_fa g15 (.a(a[15]), .b(b[15]), .c(n64), .sum(n65), .cout(n66));

  assign sum[0] = n35;
  assign sum[1] = n37;
  assign sum[2] = n39;
  assign sum[3] = n41;
  assign sum[4] = n43;
  assign sum[5] = n45;
  assign sum[6] = n47;
  assign sum[7] = n49;
  assign sum[8] = n51;
  assign sum[9] = n53;
  assign sum[10] = n55;
  assign sum[11] = n57;
  assign sum[12] = n59;
  assign sum[13] = n61;
  assign sum[14] = n63;
  assign sum[15] = n65;
  assign cout = n66;
endmodule

`ifndef ADDERSIM_FA
`define ADDERSIM_FA
// Full adder: sum = a ^ b ^ c, cout = majority(a, b, c).
module addersim_fa (input wire a, input wire b, input wire c, output wire sum, output wire cout);
  assign sum = a ^ b ^ c;
  assign cout = (a & b) | (a & c) | (b & c);
endmodule
`endif
