`timescale 1ns / 1ps
// han-carlson-8: structural Verilog-2005 exported by addersim.
// Parameters: arch=han-carlson, width=8.
// Cells: 51 (and 24, or 12, xor 14, fa 1); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module han_carlson_8 (
  input  wire [7:0] a,   // first addend
  input  wire [7:0] b,   // second addend
  input  wire cin,       // carry-in
  output wire [7:0] sum, // a + b + cin, low width bits
  output wire cout       // carry-out: bit width of a + b + cin read unsigned
);

  // Cell outputs, named n<net id> as in the netlist IR.
  wire n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30, n31, n32, n33, n34, n35, n36,
       n37, n38, n39, n40, n41, n42, n43, n44, n45, n46, n47, n48, n49, n50, n51, n52, n53, n54,
       n55, n56, n57, n58, n59, n60, n61, n62, n63, n64, n65, n66, n67, n68, n69, n70;

  addersim_fa g0 (.a(a[0]), .b(b[0]), .c(cin), .sum(n19), .cout(n20));
  and g1 (n21, a[1], b[1]);
  xor g2 (n22, a[1], b[1]);
  and g3 (n23, a[2], b[2]);
  xor g4 (n24, a[2], b[2]);
  and g5 (n25, a[3], b[3]);
  xor g6 (n26, a[3], b[3]);
  and g7 (n27, a[4], b[4]);
  xor g8 (n28, a[4], b[4]);
  and g9 (n29, a[5], b[5]);
  xor g10 (n30, a[5], b[5]);
  and g11 (n31, a[6], b[6]);
  xor g12 (n32, a[6], b[6]);
  and g13 (n33, a[7], b[7]);
  xor g14 (n34, a[7], b[7]);
  and g15 (n35, n22, n20);
  or g16 (n36, n21, n35);
  and g17 (n37, n26, n23);
  or g18 (n38, n25, n37);
  and g19 (n39, n26, n24);
  and g20 (n40, n30, n27);
  or g21 (n41, n29, n40);
  and g22 (n42, n30, n28);
  and g23 (n43, n34, n31);
  or g24 (n44, n33, n43);
  and g25 (n45, n34, n32);
  and g26 (n46, n39, n36);
  or g27 (n47, n38, n46);
  and g28 (n48, n42, n38);
  or g29 (n49, n41, n48);
  and g30 (n50, n42, n39);
  and g31 (n51, n45, n41);
  or g32 (n52, n44, n51);
  and g33 (n53, n45, n42);
  and g34 (n54, n50, n36);
  or g35 (n55, n49, n54);
  and g36 (n56, n53, n47);
  or g37 (n57, n52, n56);
  and g38 (n58, n24, n36);
  or g39 (n59, n23, n58);
  and g40 (n60, n28, n47);
  or g41 (n61, n27, n60);
  and g42 (n62, n32, n55);
  or g43 (n63, n31, n62);
  xor g44 (n64, n22, n20);
  xor g45 (n65, n24, n36);
  xor g46 (n66, n26, n59);
  xor g47 (n67, n28, n47);
  xor g48 (n68, n30, n61);
  xor g49 (n69, n32, n55);
  xor g50 (n70, n34, n63);

  assign sum[0] = n19;
  assign sum[1] = n64;
  assign sum[2] = n65;
  assign sum[3] = n66;
  assign sum[4] = n67;
  assign sum[5] = n68;
  assign sum[6] = n69;
  assign sum[7] = n70;
  assign cout = n57;
endmodule

`ifndef ADDERSIM_FA
`define ADDERSIM_FA
// Full adder: sum = a ^ b ^ c, cout = majority(a, b, c).
module addersim_fa (input wire a, input wire b, input wire c, output wire sum, output wire cout);
  assign sum = a ^ b ^ c;
  assign cout = (a & b) | (a & c) | (b & c);
endmodule
`endif
