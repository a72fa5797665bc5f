`timescale 1ns / 1ps
// carry-increment-16: structural Verilog-2005 exported by addersim.
// Parameters: arch=carry-increment, width=16.
// Cells: 61 (and 25, or 5, xor 15, fa 11, ha 5); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module carry_increment_16 (
  input  wire [15:0] a,   // first addend
  input  wire [15:0] b,   // second addend
  input  wire cin,        // carry-in
  output wire [15:0] sum, // a + b + cin, low width bits
  output wire cout        // carry-out: bit width of a + b + cin read unsigned
);

  // Cell outputs, named n<net id> as in the netlist IR.
  wire n35, n36, n37, n38, n39, n40, n41, n42, n43, n44, n45, n46, n47, n48, n49, n50, n51, n52,
       n53, n54, n55, n56, n57, n58, n59, n60, n61, n62, n63, n64, n65, n66, n67, n68, n69, n70,
       n71, n72, n73, n74, n75, n76, n77, n78, n79, n80, n81, n82, n83, n84, n85, n86, n87, n88,
       n89, n90, n91, n92, n93, n94, n95, n96, n97, n98, n99, n100, n101, n102, n103, n104, n105,
       n106, n107, n108, n109, n110, n111;

  addersim_fa g0 (.a(a[0]), .b(b[0]), .c(cin), .sum(n35), .cout(n36));
  addersim_ha g1 (.a(a[1]), .b(b[1]), .sum(n37), .cout(n38));
  addersim_fa g2 (.a(a[2]), .b(b[2]), .c(n38), .sum(n39), .cout(n40));
  xor g3 (n41, n37, n36);
  and g4 (n42, n36, n37);
  xor g5 (n43, n39, n42);
  and g6 (n44, n37, n39);
  and g7 (n45, n36, n44);
  or g8 (n46, n40, n45);
  addersim_ha g9 (.a(a[3]), .b(b[3]), .sum(n47), .cout(n48));
  addersim_fa g10 (.a(a[4]), .b(b[4]), .c(n48), .sum(n49), .cout(n50));
  addersim_fa g11 (.a(a[5]), .b(b[5]), .c(n50), .sum(n51), .cout(n52));
  xor g12 (n53, n47, n46);
  and g13 (n54, n46, n47);
  xor g14 (n55, n49, n54);
  and g15 (n56, n47, n49);
  and g16 (n57, n46, n56);
  xor g17 (n58, n51, n57);
  and g18 (n59, n56, n51);
  and g19 (n60, n46, n59);
  or g20 (n61, n52, n60);
  addersim_ha g21 (.a(a[6]), .b(b[6]), .sum(n62), .cout(n63));
  addersim_fa g22 (.a(a[7]), .b(b[7]), .c(n63), .sum(n64), .cout(n65));
  addersim_fa g23 (.a(a[8]), .b(b[8]), .c(n65), .sum(n66), .cout(n67));
  addersim_fa g24 (.a(a[9]), .b(b[9]), .c(n67), .sum(n68), .cout(n69));
  xor g25 (n70, n62, n61);
  and g26 (n71, n61, n62);
  xor g27 (n72, n64, n71);
  and g28 (n73, n62, n64);
  and g29 (n74, n61, n73);
  xor g30 (n75, n66, n74);
  and g31 (n76, n73, n66);
  and g32 (n77, n61, n76);
  xor g33 (n78, n68, n77);
  and g34 (n79, n76, n68);
  and g35 (n80, n61, n79);
  or g36 (n81, n69, n80);
  addersim_ha g37 (.a(a[10]), .b(b[10]), .sum(n82), .cout(n83));
  addersim_fa g38 (.a(a[11]), .b(b[11]), .c(n83), .sum(n84), .cout(n85));
  addersim_fa g39 (.a(a[12]), .b(b[12]), .c(n85), .sum(n86), .cout(n87));
  addersim_fa g40 (.a(a[13]), .b(b[13]), .c(n87), .sum(n88), .cout(n89));
  addersim_fa g41 (.a(a[14]), .b(b[14]), .c(n89), .sum(n90), .cout(n91));
  xor g42 (n92, n82, n81);
  and g43 (n93, n81, n82);
  xor g44 (n94, n84, n93);
  and g45 (n95, n82, n84);
  and g46 (n96, n81, n95);
  xor g47 (n97, n86, n96);
  and g48 (n98, n95, n86);
  and g49 (n99, n81, n98);
  xor g50 (n100, n88, n99);
  and g51 (n101, n98, n88);
  and g52 (n102, n81, n101);
  xor g53 (n103, n90, n102);
  and g54 (n104, n101, n90);
  and g55 (n105, n81, n104);
  or g56 (n106, n91, n105);
  addersim_ha g57 (.a(a[15]), .b(b[15]), .sum(n107), .cout(n108));
  xor g58 (n109, n107, n106);
  and g59 (n110, n106, n107);
  or g60 (n111, n108, n110);

  assign sum[0] = n35;
  assign sum[1] = n41;
  assign sum[2] = n43;
  assign sum[3] = n53;
  assign sum[4] = n55;
  assign sum[5] = n58;
  assign sum[6] = n70;
  assign sum[7] = n72;
  assign sum[8] = n75;
  assign sum[9] = n78;
  assign sum[10] = n92;
  assign sum[11] = n94;
  assign sum[12] = n97;
  assign sum[13] = n100;
  assign sum[14] = n103;
  assign sum[15] = n109;
  assign cout = n111;
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
