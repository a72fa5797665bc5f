`timescale 1ns / 1ps
// carry-lookahead-16: structural Verilog-2005 exported by addersim.
// Parameters: arch=carry-lookahead, width=16.
// Cells: 190 (and 112, or 46, xor 32); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module carry_lookahead_16 (
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
       n211, n212, n213, n214, n215, n216, n217, n218, n219, n220, n221, n222, n223, n224;

  and g0 (n35, a[0], b[0]);
  xor g1 (n36, a[0], b[0]);
  and g2 (n37, a[1], b[1]);
  xor g3 (n38, a[1], b[1]);
  and g4 (n39, a[2], b[2]);
  xor g5 (n40, a[2], b[2]);
  and g6 (n41, a[3], b[3]);
  xor g7 (n42, a[3], b[3]);
  and g8 (n43, a[4], b[4]);
  xor g9 (n44, a[4], b[4]);
  and g10 (n45, a[5], b[5]);
  xor g11 (n46, a[5], b[5]);
  and g12 (n47, a[6], b[6]);
  xor g13 (n48, a[6], b[6]);
  and g14 (n49, a[7], b[7]);
  xor g15 (n50, a[7], b[7]);
  and g16 (n51, a[8], b[8]);
  xor g17 (n52, a[8], b[8]);
  and g18 (n53, a[9], b[9]);
  xor g19 (n54, a[9], b[9]);
  and g20 (n55, a[10], b[10]);
  xor g21 (n56, a[10], b[10]);
  and g22 (n57, a[11], b[11]);
  xor g23 (n58, a[11], b[11]);
  and g24 (n59, a[12], b[12]);
  xor g25 (n60, a[12], b[12]);
  and g26 (n61, a[13], b[13]);
  xor g27 (n62, a[13], b[13]);
  and g28 (n63, a[14], b[14]);
  xor g29 (n64, a[14], b[14]);
  and g30 (n65, a[15], b[15]);
  xor g31 (n66, a[15], b[15]);
  and g32 (n67, n42, n39);
  and g33 (n68, n42, n40);
  and g34 (n69, n68, n37);
  and g35 (n70, n42, n40);
  and g36 (n71, n38, n35);
  and g37 (n72, n70, n71);
  or g38 (n73, n41, n67);
  or g39 (n74, n69, n72);
  or g40 (n75, n73, n74);
  and g41 (n76, n36, n38);
  and g42 (n77, n40, n42);
  and g43 (n78, n76, n77);
  and g44 (n79, n50, n47);
  and g45 (n80, n50, n48);
  and g46 (n81, n80, n45);
  and g47 (n82, n50, n48);
  and g48 (n83, n46, n43);
  and g49 (n84, n82, n83);
  or g50 (n85, n49, n79);
  or g51 (n86, n81, n84);
  or g52 (n87, n85, n86);
  and g53 (n88, n44, n46);
  and g54 (n89, n48, n50);
  and g55 (n90, n88, n89);
  and g56 (n91, n58, n55);
  and g57 (n92, n58, n56);
  and g58 (n93, n92, n53);
  and g59 (n94, n58, n56);
  and g60 (n95, n54, n51);
  and g61 (n96, n94, n95);
  or g62 (n97, n57, n91);
  or g63 (n98, n93, n96);
  or g64 (n99, n97, n98);
  and g65 (n100, n52, n54);
  and g66 (n101, n56, n58);
  and g67 (n102, n100, n101);
  and g68 (n103, n66, n63);
  and g69 (n104, n66, n64);
  and g70 (n105, n104, n61);
  and g71 (n106, n66, n64);
  and g72 (n107, n62, n59);
  and g73 (n108, n106, n107);
  or g74 (n109, n65, n103);
  or g75 (n110, n105, n108);
  or g76 (n111, n109, n110);
  and g77 (n112, n60, n62);
  and g78 (n113, n64, n66);
  and g79 (n114, n112, n113);
  and g80 (n115, n78, cin);
  or g81 (n116, n75, n115);
  and g82 (n117, n90, n75);
  and g83 (n118, n90, n78);
  and g84 (n119, n118, cin);
  or g85 (n120, n87, n117);
  or g86 (n121, n120, n119);
  and g87 (n122, n102, n87);
  and g88 (n123, n102, n90);
  and g89 (n124, n123, n75);
  and g90 (n125, n102, n90);
  and g91 (n126, n78, cin);
  and g92 (n127, n125, n126);
  or g93 (n128, n99, n122);
  or g94 (n129, n124, n127);
  or g95 (n130, n128, n129);
  and g96 (n131, n114, n99);
  and g97 (n132, n114, n102);
  and g98 (n133, n132, n87);
  and g99 (n134, n114, n102);
  and g100 (n135, n90, n75);
  and g101 (n136, n134, n135);
  and g102 (n137, n114, n102);
  and g103 (n138, n137, n90);
  and g104 (n139, n78, cin);
  and g105 (n140, n138, n139);
  or g106 (n141, n111, n131);
  or g107 (n142, n141, n133);
  or g108 (n143, n136, n140);
  or g109 (n144, n142, n143);
  and g110 (n145, n36, cin);
  or g111 (n146, n35, n145);
  and g112 (n147, n38, n35);
  and g113 (n148, n38, n36);
  and g114 (n149, n148, cin);
  or g115 (n150, n37, n147);
  or g116 (n151, n150, n149);
  and g117 (n152, n40, n37);
  and g118 (n153, n40, n38);
  and g119 (n154, n153, n35);
  and g120 (n155, n40, n38);
  and g121 (n156, n36, cin);
  and g122 (n157, n155, n156);
  or g123 (n158, n39, n152);
  or g124 (n159, n154, n157);
  or g125 (n160, n158, n159);
  and g126 (n161, n44, n116);
  or g127 (n162, n43, n161);
  and g128 (n163, n46, n43);
  and g129 (n164, n46, n44);
  and g130 (n165, n164, n116);
  or g131 (n166, n45, n163);
  or g132 (n167, n166, n165);
  and g133 (n168, n48, n45);
  and g134 (n169, n48, n46);
  and g135 (n170, n169, n43);
  and g136 (n171, n48, n46);
  and g137 (n172, n44, n116);
  and g138 (n173, n171, n172);
  or g139 (n174, n47, n168);
  or g140 (n175, n170, n173);
  or g141 (n176, n174, n175);
  and g142 (n177, n52, n121);
  or g143 (n178, n51, n177);
  and g144 (n179, n54, n51);
  and g145 (n180, n54, n52);
  and g146 (n181, n180, n121);
  or g147 (n182, n53, n179);
  or g148 (n183, n182, n181);
  and g149 (n184, n56, n53);
  and g150 (n185, n56, n54);
  and g151 (n186, n185, n51);
  and g152 (n187, n56, n54);
  and g153 (n188, n52, n121);
  and g154 (n189, n187, n188);
  or g155 (n190, n55, n184);
  or g156 (n191, n186, n189);
  or g157 (n192, n190, n191);
  and g158 (n193, n60, n130);
  or g159 (n194, n59, n193);
  and g160 (n195, n62, n59);
  and g161 (n196, n62, n60);
  and g162 (n197, n196, n130);
  or g163 (n198, n61, n195);
  or g164 (n199, n198, n197);
  and g165 (n200, n64, n61);
  and g166 (n201, n64, n62);
  and g167 (n202, n201, n59);
  and g168 (n203, n64, n62);
  and g169 (n204, n60, n130);
  and g170 (n205, n203, n204);
  or g171 (n206, n63, n200);
  or g172 (n207, n202, n205);
  or g173 (n208, n206, n207);
  xor g174 (n209, n36, cin);
  xor g175 (n210, n38, n146);
  xor g176 (n211, n40, n151);
  xor g177 (n212, n42, n160);
  xor g178 (n213, n44, n116);
  xor g179 (n214, n46, n162);
  xor g180 (n215, n48, n167);
  xor g181 (n216, n50, n176);
  xor g182 (n217, n52, n121);
  xor g183 (n218, n54, n178);
  xor g184 (n219, n56, n183);
  xor g185 (n220, n58, n192);
  xor g186 (n221, n60, n130);
  xor g187 (n222, n62, n194);
  xor g188 (n223, n64, n199);
  xor g189 (n224, n66, n208);

  assign sum[0] = n209;
  assign sum[1] = n210;
  assign sum[2] = n211;
  assign sum[3] = n212;
  assign sum[4] = n213;
  assign sum[5] = n214;
  assign sum[6] = n215;
  assign sum[7] = n216;
  assign sum[8] = n217;
  assign sum[9] = n218;
  assign sum[10] = n219;
  assign sum[11] = n220;
  assign sum[12] = n221;
  assign sum[13] = n222;
  assign sum[14] = n223;
  assign sum[15] = n224;
  assign cout = n144;
endmodule
