`timescale 1ns / 1ps
// conditional-sum-16: structural Verilog-2005 exported by addersim.
// Parameters: arch=conditional-sum, width=16.
// Cells: 175 (and 16, or 16, xor 16, xnor 16, mux2 111); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module conditional_sum_16 (
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
       n196, n197, n198, n199, n200, n201, n202, n203, n204, n205, n206, n207, n208, n209;

  xor g0 (n35, a[0], b[0]);
  and g1 (n36, a[0], b[0]);
  xnor g2 (n37, a[0], b[0]);
  or g3 (n38, a[0], b[0]);
  xor g4 (n39, a[1], b[1]);
  and g5 (n40, a[1], b[1]);
  xnor g6 (n41, a[1], b[1]);
  or g7 (n42, a[1], b[1]);
  addersim_mux2 g8 (.s(n36), .d0(n39), .d1(n41), .y(n43));
  addersim_mux2 g9 (.s(n36), .d0(n40), .d1(n42), .y(n44));
  addersim_mux2 g10 (.s(n38), .d0(n39), .d1(n41), .y(n45));
  addersim_mux2 g11 (.s(n38), .d0(n40), .d1(n42), .y(n46));
  xor g12 (n47, a[2], b[2]);
  and g13 (n48, a[2], b[2]);
  xnor g14 (n49, a[2], b[2]);
  or g15 (n50, a[2], b[2]);
  xor g16 (n51, a[3], b[3]);
  and g17 (n52, a[3], b[3]);
  xnor g18 (n53, a[3], b[3]);
  or g19 (n54, a[3], b[3]);
  addersim_mux2 g20 (.s(n48), .d0(n51), .d1(n53), .y(n55));
  addersim_mux2 g21 (.s(n48), .d0(n52), .d1(n54), .y(n56));
  addersim_mux2 g22 (.s(n50), .d0(n51), .d1(n53), .y(n57));
  addersim_mux2 g23 (.s(n50), .d0(n52), .d1(n54), .y(n58));
  addersim_mux2 g24 (.s(n44), .d0(n47), .d1(n49), .y(n59));
  addersim_mux2 g25 (.s(n44), .d0(n55), .d1(n57), .y(n60));
  addersim_mux2 g26 (.s(n44), .d0(n56), .d1(n58), .y(n61));
  addersim_mux2 g27 (.s(n46), .d0(n47), .d1(n49), .y(n62));
  addersim_mux2 g28 (.s(n46), .d0(n55), .d1(n57), .y(n63));
  addersim_mux2 g29 (.s(n46), .d0(n56), .d1(n58), .y(n64));
  xor g30 (n65, a[4], b[4]);
  and g31 (n66, a[4], b[4]);
  xnor g32 (n67, a[4], b[4]);
  or g33 (n68, a[4], b[4]);
  xor g34 (n69, a[5], b[5]);
  and g35 (n70, a[5], b[5]);
  xnor g36 (n71, a[5], b[5]);
  or g37 (n72, a[5], b[5]);
  addersim_mux2 g38 (.s(n66), .d0(n69), .d1(n71), .y(n73));
  addersim_mux2 g39 (.s(n66), .d0(n70), .d1(n72), .y(n74));
  addersim_mux2 g40 (.s(n68), .d0(n69), .d1(n71), .y(n75));
  addersim_mux2 g41 (.s(n68), .d0(n70), .d1(n72), .y(n76));
  xor g42 (n77, a[6], b[6]);
  and g43 (n78, a[6], b[6]);
  xnor g44 (n79, a[6], b[6]);
  or g45 (n80, a[6], b[6]);
  xor g46 (n81, a[7], b[7]);
  and g47 (n82, a[7], b[7]);
  xnor g48 (n83, a[7], b[7]);
  or g49 (n84, a[7], b[7]);
  addersim_mux2 g50 (.s(n78), .d0(n81), .d1(n83), .y(n85));
  addersim_mux2 g51 (.s(n78), .d0(n82), .d1(n84), .y(n86));
  addersim_mux2 g52 (.s(n80), .d0(n81), .d1(n83), .y(n87));
  addersim_mux2 g53 (.s(n80), .d0(n82), .d1(n84), .y(n88));
  addersim_mux2 g54 (.s(n74), .d0(n77), .d1(n79), .y(n89));
  addersim_mux2 g55 (.s(n74), .d0(n85), .d1(n87), .y(n90));
  addersim_mux2 g56 (.s(n74), .d0(n86), .d1(n88), .y(n91));
  addersim_mux2 g57 (.s(n76), .d0(n77), .d1(n79), .y(n92));
  addersim_mux2 g58 (.s(n76), .d0(n85), .d1(n87), .y(n93));
  addersim_mux2 g59 (.s(n76), .d0(n86), .d1(n88), .y(n94));
  addersim_mux2 g60 (.s(n61), .d0(n65), .d1(n67), .y(n95));
  addersim_mux2 g61 (.s(n61), .d0(n73), .d1(n75), .y(n96));
  addersim_mux2 g62 (.s(n61), .d0(n89), .d1(n92), .y(n97));
  addersim_mux2 g63 (.s(n61), .d0(n90), .d1(n93), .y(n98));
  addersim_mux2 g64 (.s(n61), .d0(n91), .d1(n94), .y(n99));
  addersim_mux2 g65 (.s(n64), .d0(n65), .d1(n67), .y(n100));
  addersim_mux2 g66 (.s(n64), .d0(n73), .d1(n75), .y(n101));
  addersim_mux2 g67 (.s(n64), .d0(n89), .d1(n92), .y(n102));
  addersim_mux2 g68 (.s(n64), .d0(n90), .d1(n93), .y(n103));
  addersim_mux2 g69 (.s(n64), .d0(n91), .d1(n94), .y(n104));
  xor g70 (n105, a[8], b[8]);
  and g71 (n106, a[8], b[8]);
  xnor g72 (n107, a[8], b[8]);
  or g73 (n108, a[8], b[8]);
  xor g74 (n109, a[9], b[9]);
  and g75 (n110, a[9], b[9]);
  xnor g76 (n111, a[9], b[9]);
  or g77 (n112, a[9], b[9]);
  addersim_mux2 g78 (.s(n106), .d0(n109), .d1(n111), .y(n113));
  addersim_mux2 g79 (.s(n106), .d0(n110), .d1(n112), .y(n114));
  addersim_mux2 g80 (.s(n108), .d0(n109), .d1(n111), .y(n115));
  addersim_mux2 g81 (.s(n108), .d0(n110), .d1(n112), .y(n116));
  xor g82 (n117, a[10], b[10]);
  and g83 (n118, a[10], b[10]);
  xnor g84 (n119, a[10], b[10]);
  or g85 (n120, a[10], b[10]);
  xor g86 (n121, a[11], b[11]);
  and g87 (n122, a[11], b[11]);
  xnor g88 (n123, a[11], b[11]);
  or g89 (n124, a[11], b[11]);
  addersim_mux2 g90 (.s(n118), .d0(n121), .d1(n123), .y(n125));
  addersim_mux2 g91 (.s(n118), .d0(n122), .d1(n124), .y(n126));
  addersim_mux2 g92 (.s(n120), .d0(n121), .d1(n123), .y(n127));
  addersim_mux2 g93 (.s(n120), .d0(n122), .d1(n124), .y(n128));
  addersim_mux2 g94 (.s(n114), .d0(n117), .d1(n119), .y(n129));
  addersim_mux2 g95 (.s(n114), .d0(n125), .d1(n127), .y(n130));
  addersim_mux2 g96 (.s(n114), .d0(n126), .d1(n128), .y(n131));
  addersim_mux2 g97 (.s(n116), .d0(n117), .d1(n119), .y(n132));
  addersim_mux2 g98 (.s(n116), .d0(n125), .d1(n127), .y(n133));
  addersim_mux2 g99 (.s(n116), .d0(n126), .d1(n128), .y(n134));
  xor g100 (n135, a[12], b[12]);
  and g101 (n136, a[12], b[12]);
  xnor g102 (n137, a[12], b[12]);
  or g103 (n138, a[12], b[12]);
  xor g104 (n139, a[13], b[13]);
  and g105 (n140, a[13], b[13]);
  xnor g106 (n141, a[13], b[13]);
  or g107 (n142, a[13], b[13]);
  addersim_mux2 g108 (.s(n136), .d0(n139), .d1(n141), .y(n143));
  addersim_mux2 g109 (.s(n136), .d0(n140), .d1(n142), .y(n144));
  addersim_mux2 g110 (.s(n138), .d0(n139), .d1(n141), .y(n145));
  addersim_mux2 g111 (.s(n138), .d0(n140), .d1(n142), .y(n146));
  xor g112 (n147, a[14], b[14]);
  and g113 (n148, a[14], b[14]);
  xnor g114 (n149, a[14], b[14]);
  or g115 (n150, a[14], b[14]);
  xor g116 (n151, a[15], b[15]);
  and g117 (n152, a[15], b[15]);
  xnor g118 (n153, a[15], b[15]);
  or g119 (n154, a[15], b[15]);
  addersim_mux2 g120 (.s(n148), .d0(n151), .d1(n153), .y(n155));
  addersim_mux2 g121 (.s(n148), .d0(n152), .d1(n154), .y(n156));
  addersim_mux2 g122 (.s(n150), .d0(n151), .d1(n153), .y(n157));
  addersim_mux2 g123 (.s(n150), .d0(n152), .d1(n154), .y(n158));
  addersim_mux2 g124 (.s(n144), .d0(n147), .d1(n149), .y(n159));
  addersim_mux2 g125 (.s(n144), .d0(n155), .d1(n157), .y(n160));
  addersim_mux2 g126 (.s(n144), .d0(n156), .d1(n158), .y(n161));
  addersim_mux2 g127 (.s(n146), .d0(n147), .d1(n149), .y(n162));
  addersim_mux2 g128 (.s(n146), .d0(n155), .d1(n157), .y(n163));
  addersim_mux2 g129 (.s(n146), .d0(n156), .d1(n158), .y(n164));
  addersim_mux2 g130 (.s(n131), .d0(n135), .d1(n137), .y(n165));
  addersim_mux2 g131 (.s(n131), .d0(n143), .d1(n145), .y(n166));
  addersim_mux2 g132 (.s(n131), .d0(n159), .d1(n162), .y(n167));
  addersim_mux2 g133 (.s(n131), .d0(n160), .d1(n163), .y(n168));
  addersim_mux2 g134 (.s(n131), .d0(n161), .d1(n164), .y(n169));
  addersim_mux2 g135 (.s(n134), .d0(n135), .d1(n137), .y(n170));
  addersim_mux2 g136 (.s(n134), .d0(n143), .d1(n145), .y(n171));
  addersim_mux2 g137 (.s(n134), .d0(n159), .d1(n162), .y(n172));
  addersim_mux2 g138 (.s(n134), .d0(n160), .d1(n163), .y(n173));
  addersim_mux2 g139 (.s(n134), .d0(n161), .d1(n164), .y(n174));
  addersim_mux2 g140 (.s(n99), .d0(n105), .d1(n107), .y(n175));
  addersim_mux2 g141 (.s(n99), .d0(n113), .d1(n115), .y(n176));
  addersim_mux2 g142 (.s(n99), .d0(n129), .d1(n132), .y(n177));
  addersim_mux2 g143 (.s(n99), .d0(n130), .d1(n133), .y(n178));
  addersim_mux2 g144 (.s(n99), .d0(n165), .d1(n170), .y(n179));
  addersim_mux2 g145 (.s(n99), .d0(n166), .d1(n171), .y(n180));
  addersim_mux2 g146 (.s(n99), .d0(n167), .d1(n172), .y(n181));
  addersim_mux2 g147 (.s(n99), .d0(n168), .d1(n173), .y(n182));
  addersim_mux2 g148 (.s(n99), .d0(n169), .d1(n174), .y(n183));
  addersim_mux2 g149 (.s(n104), .d0(n105), .d1(n107), .y(n184));
  addersim_mux2 g150 (.s(n104), .d0(n113), .d1(n115), .y(n185));
  addersim_mux2 g151 (.s(n104), .d0(n129), .d1(n132), .y(n186));
  addersim_mux2 g152 (.s(n104), .d0(n130), .d1(n133), .y(n187));
  addersim_mux2 g153 (.s(n104), .d0(n165), .d1(n170), .y(n188));
  addersim_mux2 g154 (.s(n104), .d0(n166), .d1(n171), .y(n189));
  addersim_mux2 g155 (.s(n104), .d0(n167), .d1(n172), .y(n190));
  addersim_mux2 g156 (.s(n104), .d0(n168), .d1(n173), .y(n191));
  addersim_mux2 g157 (.s(n104), .d0(n169), .d1(n174), .y(n192));
  addersim_mux2 g158 (.s(cin), .d0(n35), .d1(n37), .y(n193));
  addersim_mux2 g159 (.s(cin), .d0(n43), .d1(n45), .y(n194));
  addersim_mux2 g160 (.s(cin), .d0(n59), .d1(n62), .y(n195));
  addersim_mux2 g161 (.s(cin), .d0(n60), .d1(n63), .y(n196));
  addersim_mux2 g162 (.s(cin), .d0(n95), .d1(n100), .y(n197));
  addersim_mux2 g163 (.s(cin), .d0(n96), .d1(n101), .y(n198));
  addersim_mux2 g164 (.s(cin), .d0(n97), .d1(n102), .y(n199));
  addersim_mux2 g165 (.s(cin), .d0(n98), .d1(n103), .y(n200));
  addersim_mux2 g166 (.s(cin), .d0(n175), .d1(n184), .y(n201));
  addersim_mux2 g167 (.s(cin), .d0(n176), .d1(n185), .y(n202));
  addersim_mux2 g168 (.s(cin), .d0(n177), .d1(n186), .y(n203));
  addersim_mux2 g169 (.s(cin), .d0(n178), .d1(n187), .y(n204));
  addersim_mux2 g170 (.s(cin), .d0(n179), .d1(n188), .y(n205));
  addersim_mux2 g171 (.s(cin), .d0(n180), .d1(n189), .y(n206));
  addersim_mux2 g172 (.s(cin), .d0(n181), .d1(n190), .y(n207));
  addersim_mux2 g173 (.s(cin), .d0(n182), .d1(n191), .y(n208));
  addersim_mux2 g174 (.s(cin), .d0(n183), .d1(n192), .y(n209));

  assign sum[0] = n193;
  assign sum[1] = n194;
  assign sum[2] = n195;
  assign sum[3] = n196;
  assign sum[4] = n197;
  assign sum[5] = n198;
  assign sum[6] = n199;
  assign sum[7] = n200;
  assign sum[8] = n201;
  assign sum[9] = n202;
  assign sum[10] = n203;
  assign sum[11] = n204;
  assign sum[12] = n205;
  assign sum[13] = n206;
  assign sum[14] = n207;
  assign sum[15] = n208;
  assign cout = n209;
endmodule

`ifndef ADDERSIM_MUX2
`define ADDERSIM_MUX2
// 2:1 multiplexer: y = s ? d1 : d0.
module addersim_mux2 (input wire s, input wire d0, input wire d1, output wire y);
  assign y = s ? d1 : d0;
endmodule
`endif
