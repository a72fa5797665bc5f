`timescale 1ns / 1ps
// carry-increment-8: structural Verilog-2005 exported by addersim.
// Parameters: arch=carry-increment, width=8.
// Cells: 29 (and 11, or 3, xor 7, fa 5, ha 3); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module carry_increment_8 (
  input  wire [7:0] a,   // first addend
  input  wire [7:0] b,   // second addend
  input  wire cin,       // carry-in
  output wire [7:0] sum, // a + b + cin, low width bits
  output wire cout       // carry-out: bit width of a + b + cin read unsigned
);

  // Cell outputs, named n<net id> as in the netlist IR.
  wire n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30, n31, n32, n33, n34, n35, n36,
       n37, n38, n39, n40, n41, n42, n43, n44, n45, n46, n47, n48, n49, n50, n51, n52, n53, n54,
       n55;

  addersim_fa g0 (.a(a[0]), .b(b[0]), .c(cin), .sum(n19), .cout(n20));
  addersim_ha g1 (.a(a[1]), .b(b[1]), .sum(n21), .cout(n22));
  addersim_fa g2 (.a(a[2]), .b(b[2]), .c(n22), .sum(n23), .cout(n24));
  xor g3 (n25, n21, n20);
  and g4 (n26, n20, n21);
  xor g5 (n27, n23, n26);
  and g6 (n28, n21, n23);
  and g7 (n29, n20, n28);
  or g8 (n30, n24, n29);
  addersim_ha g9 (.a(a[3]), .b(b[3]), .sum(n31), .cout(n32));
  addersim_fa g10 (.a(a[4]), .b(b[4]), .c(n32), .sum(n33), .cout(n34));
  addersim_fa g11 (.a(a[5]), .b(b[5]), .c(n34), .sum(n35), .cout(n36));
  xor g12 (n37, n31, n30);
  and g13 (n38, n30, n31);
  xor g14 (n39, n33, n38);
  and g15 (n40, n31, n33);
  and g16 (n41, n30, n40);
  xor g17 (n42, n35, n41);
  and g18 (n43, n40, n35);
  and g19 (n44, n30, n43);
  or g20 (n45, n36, n44);
  addersim_ha g21 (.a(a[6]), .b(b[6]), .sum(n46), .cout(n47));
  addersim_fa g22 (.a(a[7]), .b(b[7]), .c(n47), .sum(n48), .cout(n49));
  xor g23 (n50, n46, n45);
  and g24 (n51, n45, n46);
  xor g25 (n52, n48, n51);
  and g26 (n53, n46, n48);
  and g27 (n54, n45, n53);
  or g28 (n55, n49, n54);

  assign sum[0] = n19;
  assign sum[1] = n25;
  assign sum[2] = n27;
  assign sum[3] = n37;
  assign sum[4] = n39;
  assign sum[5] = n42;
  assign sum[6] = n50;
  assign sum[7] = n52;
  assign cout = n55;
endmodule

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
