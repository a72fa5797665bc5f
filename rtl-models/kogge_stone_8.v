`timescale 1ns / 1ps
// kogge-stone-8: structural Verilog-2005 exported by addersim.
// Parameters: arch=kogge-stone, width=8.
// Cells: 66 (and 34, or 17, xor 14, fa 1); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module kogge_stone_8 (
  input  wire [7:0] a,   // first addend
  input  wire [7:0] b,   // second addend
  input  wire cin,       // carry-in
  output wire [7:0] sum, // a + b + cin, low width bits
  output wire cout       // carry-out: bit width of a + b + cin read unsigned
);

  // Cell outputs, named n<net id> as in the netlist IR.
  wire n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30, n31, n32, n33, n34, n35, n36,
       n37, n38, n39, n40, n41, n42, n43, n44, n45, n46, n47, n48, n49, n50, n51, n52, n53, n54,
       n55, n56, n57, n58, n59, n60, n61, n62, n63, n64, n65, n66, n67, n68, n69, n70, n71, n72,
       n73, n74, n75, n76, n77, n78, n79, n80, n81, n82, n83, n84, n85;

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
  and g17 (n37, n24, n21);
  or g18 (n38, n23, n37);
  and g19 (n39, n24, n22);
  and g20 (n40, n26, n23);
  or g21 (n41, n25, n40);
  and g22 (n42, n26, n24);
  and g23 (n43, n28, n25);
  or g24 (n44, n27, n43);
  and g25 (n45, n28, n26);
  and g26 (n46, n30, n27);
  or g27 (n47, n29, n46);
  and g28 (n48, n30, n28);
  and g29 (n49, n32, n29);
  or g30 (n50, n31, n49);
  and g31 (n51, n32, n30);
  and g32 (n52, n34, n31);
  or g33 (n53, n33, n52);
  and g34 (n54, n34, n32);
  and g35 (n55, n39, n20);
  or g36 (n56, n38, n55);
  and g37 (n57, n42, n36);
  or g38 (n58, n41, n57);
  and g39 (n59, n45, n38);
  or g40 (n60, n44, n59);
  and g41 (n61, n45, n39);
  and g42 (n62, n48, n41);
  or g43 (n63, n47, n62);
  and g44 (n64, n48, n42);
  and g45 (n65, n51, n44);
  or g46 (n66, n50, n65);
  and g47 (n67, n51, n45);
  and g48 (n68, n54, n47);
  or g49 (n69, n53, n68);
  and g50 (n70, n54, n48);
  and g51 (n71, n61, n20);
  or g52 (n72, n60, n71);
  and g53 (n73, n64, n36);
  or g54 (n74, n63, n73);
  and g55 (n75, n67, n56);
  or g56 (n76, n66, n75);
  and g57 (n77, n70, n58);
  or g58 (n78, n69, n77);
  xor g59 (n79, n22, n20);
  xor g60 (n80, n24, n36);
  xor g61 (n81, n26, n56);
  xor g62 (n82, n28, n58);
  xor g63 (n83, n30, n72);
  xor g64 (n84, n32, n74);
  xor g65 (n85, n34, n76);

  assign sum[0] = n19;
  assign sum[1] = n79;
  assign sum[2] = n80;
  assign sum[3] = n81;
  assign sum[4] = n82;
  assign sum[5] = n83;
  assign sum[6] = n84;
  assign sum[7] = n85;
  assign cout = n78;
endmodule

`ifndef ADDERSIM_FA
`define ADDERSIM_FA
// Full adder: sum = a ^ b ^ c, cout = majority(a, b, c).
module addersim_fa (input wire a, input wire b, input wire c, output wire sum, output wire cout);
  assign sum = a ^ b ^ c;
  assign cout = (a & b) | (a & c) | (b & c);
endmodule
`endif
