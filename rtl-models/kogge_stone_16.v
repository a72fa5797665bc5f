`timescale 1ns / 1ps
// kogge-stone-16: structural Verilog-2005 exported by addersim.
// Parameters: arch=kogge-stone, width=16.
// Cells: 178 (and 98, or 49, xor 30, fa 1); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module kogge_stone_16 (
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
       n151, n152, n153, n154, n155, n156, n157, n158, n159, n160, n161, n162, n163, n164, n165,
       n166, n167, n168, n169, n170, n171, n172, n173, n174, n175, n176, n177, n178, n179, n180,
       n181, n182, n183, n184, n185, n186, n187, n188, n189, n190, n191, n192, n193, n194, n195,
       n196, n197, n198, n199, n200, n201, n202, n203, n204, n205, n206, n207, n208, n209, n210,
       n211, n212, n213;

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
  and g33 (n69, n40, n37);
  or g34 (n70, n39, n69);
  and g35 (n71, n40, n38);
  and g36 (n72, n42, n39);
  or g37 (n73, n41, n72);
  and g38 (n74, n42, n40);
  and g39 (n75, n44, n41);
  or g40 (n76, n43, n75);
  and g41 (n77, n44, n42);
  and g42 (n78, n46, n43);
  or g43 (n79, n45, n78);
  and g44 (n80, n46, n44);
  and g45 (n81, n48, n45);
  or g46 (n82, n47, n81);
  and g47 (n83, n48, n46);
  and g48 (n84, n50, n47);
  or g49 (n85, n49, n84);
  and g50 (n86, n50, n48);
  and g51 (n87, n52, n49);
  or g52 (n88, n51, n87);
  and g53 (n89, n52, n50);
  and g54 (n90, n54, n51);
  or g55 (n91, n53, n90);
  and g56 (n92, n54, n52);
  and g57 (n93, n56, n53);
  or g58 (n94, n55, n93);
  and g59 (n95, n56, n54);
  and g60 (n96, n58, n55);
  or g61 (n97, n57, n96);
  and g62 (n98, n58, n56);
  and g63 (n99, n60, n57);
  or g64 (n100, n59, n99);
  and g65 (n101, n60, n58);
  and g66 (n102, n62, n59);
  or g67 (n103, n61, n102);
  and g68 (n104, n62, n60);
  and g69 (n105, n64, n61);
  or g70 (n106, n63, n105);
  and g71 (n107, n64, n62);
  and g72 (n108, n66, n63);
  or g73 (n109, n65, n108);
  and g74 (n110, n66, n64);
  and g75 (n111, n71, n36);
  or g76 (n112, n70, n111);
  and g77 (n113, n74, n68);
  or g78 (n114, n73, n113);
  and g79 (n115, n77, n70);
  or g80 (n116, n76, n115);
  and g81 (n117, n77, n71);
  and g82 (n118, n80, n73);
  or g83 (n119, n79, n118);
  and g84 (n120, n80, n74);
  and g85 (n121, n83, n76);
  or g86 (n122, n82, n121);
  and g87 (n123, n83, n77);
  and g88 (n124, n86, n79);
  or g89 (n125, n85, n124);
  and g90 (n126, n86, n80);
  and g91 (n127, n89, n82);
  or g92 (n128, n88, n127);
  and g93 (n129, n89, n83);
  and g94 (n130, n92, n85);
  or g95 (n131, n91, n130);
  and g96 (n132, n92, n86);
  and g97 (n133, n95, n88);
  or g98 (n134, n94, n133);
  and g99 (n135, n95, n89);
  and g100 (n136, n98, n91);
  or g101 (n137, n97, n136);
  and g102 (n138, n98, n92);
  and g103 (n139, n101, n94);
  or g104 (n140, n100, n139);
  and g105 (n141, n101, n95);
  and g106 (n142, n104, n97);
  or g107 (n143, n103, n142);
  and g108 (n144, n104, n98);
  and g109 (n145, n107, n100);
  or g110 (n146, n106, n145);
  and g111 (n147, n107, n101);
  and g112 (n148, n110, n103);
  or g113 (n149, n109, n148);
  and g114 (n150, n110, n104);
  and g115 (n151, n117, n36);
  or g116 (n152, n116, n151);
  and g117 (n153, n120, n68);
  or g118 (n154, n119, n153);
  and g119 (n155, n123, n112);
  or g120 (n156, n122, n155);
  and g121 (n157, n126, n114);
  or g122 (n158, n125, n157);
  and g123 (n159, n129, n116);
  or g124 (n160, n128, n159);
  and g125 (n161, n129, n117);
  and g126 (n162, n132, n119);
  or g127 (n163, n131, n162);
  and g128 (n164, n132, n120);
  and g129 (n165, n135, n122);
  or g130 (n166, n134, n165);
  and g131 (n167, n135, n123);
  and g132 (n168, n138, n125);
  or g133 (n169, n137, n168);
  and g134 (n170, n138, n126);
  and g135 (n171, n141, n128);
  or g136 (n172, n140, n171);
  and g137 (n173, n141, n129);
  and g138 (n174, n144, n131);
  or g139 (n175, n143, n174);
  and g140 (n176, n144, n132);
  and g141 (n177, n147, n134);
  or g142 (n178, n146, n177);
  and g143 (n179, n147, n135);
  and g144 (n180, n150, n137);
  or g145 (n181, n149, n180);
  and g146 (n182, n150, n138);
  and g147 (n183, n161, n36);
  or g148 (n184, n160, n183);
  and g149 (n185, n164, n68);
  or g150 (n186, n163, n185);
  and g151 (n187, n167, n112);
  or g152 (n188, n166, n187);
  and g153 (n189, n170, n114);
  or g154 (n190, n169, n189);
  and g155 (n191, n173, n152);
  or g156 (n192, n172, n191);
  and g157 (n193, n176, n154);
  or g158 (n194, n175, n193);
  and g159 (n195, n179, n156);
  or g160 (n196, n178, n195);
  and g161 (n197, n182, n158);
  or g162 (n198, n181, n197);
  xor g163 (n199, n38, n36);
  xor g164 (n200, n40, n68);
  xor g165 (n201, n42, n112);
  xor g166 (n202, n44, n114);
  xor g167 (n203, n46, n152);
  xor g168 (n204, n48, n154);
  xor g169 (n205, n50, n156);
  xor g170 (n206, n52, n158);
  xor g171 (n207, n54, n184);
  xor g172 (n208, n56, n186);
  xor g173 (n209, n58, n188);
  xor g174 (n210, n60, n190);
  xor g175 (n211, n62, n192);
  xor g176 (n212, n64, n194);
  xor g177 (n213, n66, n196);

  assign sum[0] = n35;
  assign sum[1] = n199;
  assign sum[2] = n200;
  assign sum[3] = n201;
  assign sum[4] = n202;
  assign sum[5] = n203;
  assign sum[6] = n204;
  assign sum[7] = n205;
  assign sum[8] = n206;
  assign sum[9] = n207;
  assign sum[10] = n208;
  assign sum[11] = n209;
  assign sum[12] = n210;
  assign sum[13] = n211;
  assign sum[14] = n212;
  assign sum[15] = n213;
  assign cout = n198;
endmodule

`ifndef ADDERSIM_FA
`define ADDERSIM_FA
// Full adder: sum = a ^ b ^ c, cout = majority(a, b, c).
module addersim_fa (input wire a, input wire b, input wire c, output wire sum, output wire cout);
  assign sum = a ^ b ^ c;
  assign cout = (a & b) | (a & c) | (b & c);
endmodule
`endif
