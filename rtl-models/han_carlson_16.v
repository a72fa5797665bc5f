`timescale 1ns / 1ps
// han-carlson-16: structural Verilog-2005 exported by addersim.
// Parameters: arch=han-carlson, width=16.
// Cells: 127 (and 64, or 32, xor 30, fa 1); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module han_carlson_16 (
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
       n106, n107, n108, n109, n110, n111, n112, n113, n114, n115, n116, n117, n118, n119, n120,
       n121, n122, n123, n124, n125, n126, n127, n128, n129, n130, n131, n132, n133, n134, n135,
       n136, n137, n138, n139, n140, n141, n142, n143, n144, n145, n146, n147, n148, n149, n150,
       n151, n152, n153, n154, n155, n156, n157, n158, n159, n160, n161, n162;

  addersim_fa g0 (.a(a[0]), .b(b[0]), .c(cin), .sum(n35), .cout(n36));
  and g1 (n37, a[1], b[1]);
  xor g2 (n38, a[1], b[1]);
  and g3 (n39, a[2], b[2]);
  xor g4 (n40, a[2], b[2]);
  and g5 (n41, a[3], b[3]);
  xor g6 (n42, a[3], b[3]);
  and g7 (n43, a[4], b[4]);
  xor g8 (n44, a[4], b[4]);
  and g9 (n45, a[5], b[5]);
  xor g10 (n46, a[5], b[5]);
  and g11 (n47, a[6], b[6]);
  xor g12 (n48, a[6], b[6]);
  and g13 (n49, a[7], b[7]);
  xor g14 (n50, a[7], b[7]);
  and g15 (n51, a[8], b[8]);
  xor g16 (n52, a[8], b[8]);
  and g17 (n53, a[9], b[9]);
  xor g18 (n54, a[9], b[9]);
  and g19 (n55, a[10], b[10]);
  xor g20 (n56, a[10], b[10]);
  and g21 (n57, a[11], b[11]);
  xor g22 (n58, a[11], b[11]);
  and g23 (n59, a[12], b[12]);
  xor g24 (n60, a[12], b[12]);
  and g25 (n61, a[13], b[13]);
  xor g26 (n62, a[13], b[13]);
  and g27 (n63, a[14], b[14]);
  xor g28 (n64, a[14], b[14]);
  and g29 (n65, a[15], b[15]);
  xor g30 (n66, a[15], b[15]);
  and g31 (n67, n38, n36);
  or g32 (n68, n37, n67);
  and g33 (n69, n42, n39);
  or g34 (n70, n41, n69);
  and g35 (n71, n42, n40);
  and g36 (n72, n46, n43);
  or g37 (n73, n45, n72);
  and g38 (n74, n46, n44);
  and g39 (n75, n50, n47);
  or g40 (n76, n49, n75);
  and g41 (n77, n50, n48);
  and g42 (n78, n54, n51);
  or g43 (n79, n53, n78);
  and g44 (n80, n54, n52);
  and g45 (n81, n58, n55);
  or g46 (n82, n57, n81);
  and g47 (n83, n58, n56);
  and g48 (n84, n62, n59);
  or g49 (n85, n61, n84);
  and g50 (n86, n62, n60);
  and g51 (n87, n66, n63);
  or g52 (n88, n65, n87);
  and g53 (n89, n66, n64);
  and g54 (n90, n71, n68);
  or g55 (n91, n70, n90);
  and g56 (n92, n74, n70);
  or g57 (n93, n73, n92);
  and g58 (n94, n74, n71);
  and g59 (n95, n77, n73);
  or g60 (n96, n76, n95);
  and g61 (n97, n77, n74);
  and g62 (n98, n80, n76);
  or g63 (n99, n79, n98);
  and g64 (n100, n80, n77);
  and g65 (n101, n83, n79);
  or g66 (n102, n82, n101);
  and g67 (n103, n83, n80);
  and g68 (n104, n86, n82);
  or g69 (n105, n85, n104);
  and g70 (n106, n86, n83);
  and g71 (n107, n89, n85);
  or g72 (n108, n88, n107);
  and g73 (n109, n89, n86);
  and g74 (n110, n94, n68);
  or g75 (n111, n93, n110);
  and g76 (n112, n97, n91);
  or g77 (n113, n96, n112);
  and g78 (n114, n100, n93);
  or g79 (n115, n99, n114);
  and g80 (n116, n100, n94);
  and g81 (n117, n103, n96);
  or g82 (n118, n102, n117);
  and g83 (n119, n103, n97);
  and g84 (n120, n106, n99);
  or g85 (n121, n105, n120);
  and g86 (n122, n106, n100);
  and g87 (n123, n109, n102);
  or g88 (n124, n108, n123);
  and g89 (n125, n109, n103);
  and g90 (n126, n116, n68);
  or g91 (n127, n115, n126);
  and g92 (n128, n119, n91);
  or g93 (n129, n118, n128);
  and g94 (n130, n122, n111);
  or g95 (n131, n121, n130);
  and g96 (n132, n125, n113);
  or g97 (n133, n124, n132);
  and g98 (n134, n40, n68);
  or g99 (n135, n39, n134);
  and g100 (n136, n44, n91);
  or g101 (n137, n43, n136);
  and g102 (n138, n48, n111);
  or g103 (n139, n47, n138);
  and g104 (n140, n52, n113);
  or g105 (n141, n51, n140);
  and g106 (n142, n56, n127);
  or g107 (n143, n55, n142);
  and g108 (n144, n60, n129);
  or g109 (n145, n59, n144);
  and g110 (n146, n64, n131);
  or g111 (n147, n63, n146);
  xor g112 (n148, n38, n36);
  xor g113 (n149, n40, n68);
  xor g114 (n150, n42, n135);
  xor g115 (n151, n44, n91);
  xor g116 (n152, n46, n137);
  xor g117 (n153, n48, n111);
  xor g118 (n154, n50, n139);
  xor g119 (n155, n52, n113);
  xor g120 (n156, n54, n141);
  xor g121 (n157, n56, n127);
  xor g122 (n158, n58, n143);
  xor g123 (n159, n60, n129);
  xor g124 (n160, n62, n145);
  xor g125 (n161, n64, n131);
  xor g126 (n162, n66, n147);

  assign sum[0] = n35;
  assign sum[1] = n148;
  assign sum[2] = n149;
  assign sum[3] = n150;
  assign sum[4] = n151;
  assign sum[5] = n152;
  assign sum[6] = n153;
  assign sum[7] = n154;
  assign sum[8] = n155;
  assign sum[9] = n156;
  assign sum[10] = n157;
  assign sum[11] = n158;
  assign sum[12] = n159;
  assign sum[13] = n160;
  assign sum[14] = n161;
  assign sum[15] = n162;
  assign cout = n133;
endmodule

`ifndef ADDERSIM_FA
`define ADDERSIM_FA
// Full adder: sum = a ^ b ^ c, cout = majority(a, b, c).
module addersim_fa (input wire a, input wire b, input wire c, output wire sum, output wire cout);
  assign sum = a ^ b ^ c;
  assign cout = (a & b) | (a & c) | (b & c);
endmodule
`endif
