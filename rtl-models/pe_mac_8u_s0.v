`timescale 1ns / 1ps
// pe_mac_8u_s0: structural Verilog-2005 exported by addersim.
// Parameters: op=pe-mac, width=8, signed=false, stages=0, accWidth=20, overflow=wrap, adder=ripple-carry, multiplier=array.
// Cells: 163 (and 85, or 1, not 1, fa 69, ha 7); registers: 21.
// Buses are [width-1:0] with bit 0 the least significant bit.
module pe_mac_8u_s0 (
  input  wire clk,        // clock: registers update on its rising edge
  input  wire rst,        // synchronous reset, active high: loads every register with its init value
  input  wire [7:0] x,    // activation, 8 bits unsigned
  input  wire [7:0] w,    // weight, 8 bits unsigned
  input  wire clear,      // restart the sum at this tap (travels with it)
  output wire [19:0] acc, // sum of the taps, 20 bits unsigned; latency 1 cycles
  output wire overflow    // the sum overflowed since the last clear
);

  // Cell outputs, named n<net id> as in the netlist IR.
  wire n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30, n31, n32, n33, n34, n35, n36,
       n37, n38, n39, n40, n41, n42, n43, n44, n45, n46, n47, n48, n49, n50, n51, n52, n53, n54,
       n55, n56, n57, n58, n59, n60, n61, n62, n63, n64, n65, n66, n67, n68, n69, n70, n71, n72,
       n73, n74, n75, n76, n77, n78, n79, n80, n81, n82, n83, n84, n85, n86, n87, n88, n89, n90,
       n91, n92, n93, n94, n95, n96, n97, n98, n99, n100, n101, n102, n103, n104, n105, n106, n107,
       n108, n109, n110, n111, n112, n113, n114, n115, n116, n117, n118, n119, n120, n121, n122,
       n123, n124, n125, n126, n127, n128, n129, n130, n131, n132, n133, n134, n135, n136, n137,
       n138, n139, n140, n141, n142, n143, n144, n145, n146, n147, n148, n149, n150, n151, n152,
       n153, n154, n155, n156, n157, n158, n159, n160, n161, n162, n163, n164, n165, n166, n167,
       n168, n169, n170, n171, n172, n173, n174, n175, n176, n177, n178, n179, n180, n181, n182,
       n183, n184, n185, n186, n187, n188, n189, n190, n191, n192, n193, n194, n216, n217, n218,
       n219, n220, n221, n222, n223, n224, n225, n226, n227, n228, n229, n230, n231, n232, n233,
       n234, n235, n236, n237, n238, n239, n240, n241, n242, n243, n244, n245, n246, n247, n248,
       n249, n250, n251, n252, n253, n254, n255, n256, n257, n258, n259, n260, n261, n262, n263,
       n264, n265, n266, n267, n268, n269, n270, n271, n272, n273, n274, n275, n276, n277, n278;

  // Register outputs (D flip-flops).
  reg n195, n196, n197, n198, n199, n200, n201, n202, n203, n204, n205, n206, n207, n208, n209,
      n210, n211, n212, n213, n214, n215;

  and g0 (n19, x[0], w[0]);
  and g1 (n20, x[1], w[0]);
  and g2 (n21, x[2], w[0]);
  and g3 (n22, x[3], w[0]);
  and g4 (n23, x[4], w[0]);
  and g5 (n24, x[5], w[0]);
  and g6 (n25, x[6], w[0]);
  and g7 (n26, x[7], w[0]);
  and g8 (n27, x[0], w[1]);
  addersim_ha g9 (.a(n27), .b(n20), .sum(n28), .cout(n29));
  and g10 (n30, x[1], w[1]);
  addersim_ha g11 (.a(n30), .b(n21), .sum(n31), .cout(n32));
  and g12 (n33, x[2], w[1]);
  addersim_ha g13 (.a(n33), .b(n22), .sum(n34), .cout(n35));
  and g14 (n36, x[3], w[1]);
  addersim_ha g15 (.a(n36), .b(n23), .sum(n37), .cout(n38));
  and g16 (n39, x[4], w[1]);
  addersim_ha g17 (.a(n39), .b(n24), .sum(n40), .cout(n41));
  and g18 (n42, x[5], w[1]);
  addersim_ha g19 (.a(n42), .b(n25), .sum(n43), .cout(n44));
  and g20 (n45, x[6], w[1]);
  addersim_ha g21 (.a(n45), .b(n26), .sum(n46), .cout(n47));
  and g22 (n48, x[7], w[1]);
  and g23 (n49, x[0], w[2]);
  addersim_fa g24 (.a(n49), .b(n31), .c(n29), .sum(n50), .cout(n51));
  and g25 (n52, x[1], w[2]);
  addersim_fa g26 (.a(n52), .b(n34), .c(n32), .sum(n53), .cout(n54));
  and g27 (n55, x[2], w[2]);
  addersim_fa g28 (.a(n55), .b(n37), .c(n35), .sum(n56), .cout(n57));
  and g29 (n58, x[3], w[2]);
  addersim_fa g30 (.a(n58), .b(n40), .c(n38), .sum(n59), .cout(n60));
  and g31 (n61, x[4], w[2]);
  addersim_fa g32 (.a(n61), .b(n43), .c(n41), .sum(n62), .cout(n63));
  and g33 (n64, x[5], w[2]);
  addersim_fa g34 (.a(n64), .b(n46), .c(n44), .sum(n65), .cout(n66));
  and g35 (n67, x[6], w[2]);
  addersim_fa g36 (.a(n67), .b(n48), .c(n47), .sum(n68), .cout(n69));
  and g37 (n70, x[7], w[2]);
  and g38 (n71, x[0], w[3]);
  addersim_fa g39 (.a(n71), .b(n53), .c(n51), .sum(n72), .cout(n73));
  and g40 (n74, x[1], w[3]);
  addersim_fa g41 (.a(n74), .b(n56), .c(n54), .sum(n75), .cout(n76));
  and g42 (n77, x[2], w[3]);
  addersim_fa g43 (.a(n77), .b(n59), .c(n57), .sum(n78), .cout(n79));
  and g44 (n80, x[3], w[3]);
  addersim_fa g45 (.a(n80), .b(n62), .c(n60), .sum(n81), .cout(n82));
  and g46 (n83, x[4], w[3]);
  addersim_fa g47 (.a(n83), .b(n65), .c(n63), .sum(n84), .cout(n85));
  and g48 (n86, x[5], w[3]);
  addersim_fa g49 (.a(n86), .b(n68), .c(n66), .sum(n87), .cout(n88));
  and g50 (n89, x[6], w[3]);
  addersim_fa g51 (.a(n89), .b(n70), .c(n69), .sum(n90), .cout(n91));
  and g52 (n92, x[7], w[3]);
  and g53 (n93, x[0], w[4]);
  addersim_fa g54 (.a(n93), .b(n75), .c(n73), .sum(n94), .cout(n95));
  and g55 (n96, x[1], w[4]);
  addersim_fa g56 (.a(n96), .b(n78), .c(n76), .sum(n97), .cout(n98));
  and g57 (n99, x[2], w[4]);
  addersim_fa g58 (.a(n99), .b(n81), .c(n79), .sum(n100), .cout(n101));
  and g59 (n102, x[3], w[4]);
  addersim_fa g60 (.a(n102), .b(n84), .c(n82), .sum(n103), .cout(n104));
  and g61 (n105, x[4], w[4]);
  addersim_fa g62 (.a(n105), .b(n87), .c(n85), .sum(n106), .cout(n107));
  and g63 (n108, x[5], w[4]);
  addersim_fa g64 (.a(n108), .b(n90), .c(n88), .sum(n109), .cout(n110));
  and g65 (n111, x[6], w[4]);
  addersim_fa g66 (.a(n111), .b(n92), .c(n91), .sum(n112), .cout(n113));
  and g67 (n114, x[7], w[4]);
  and g68 (n115, x[0], w[5]);
  addersim_fa g69 (.a(n115), .b(n97), .c(n95), .sum(n116), .cout(n117));
  and g70 (n118, x[1], w[5]);
  addersim_fa g71 (.a(n118), .b(n100), .c(n98), .sum(n119), .cout(n120));
  and g72 (n121, x[2], w[5]);
  addersim_fa g73 (.a(n121), .b(n103), .c(n101), .sum(n122), .cout(n123));
  and g74 (n124, x[3], w[5]);
  addersim_fa g75 (.a(n124), .b(n106), .c(n104), .sum(n125), .cout(n126));
  and g76 (n127, x[4], w[5]);
  addersim_fa g77 (.a(n127), .b(n109), .c(n107), .sum(n128), .cout(n129));
  and g78 (n130, x[5], w[5]);
  addersim_fa g79 (.a(n130), .b(n112), .c(n110), .sum(n131), .cout(n132));
  and g80 (n133, x[6], w[5]);
  addersim_fa g81 (.a(n133), .b(n114), .c(n113), .sum(n134), .cout(n135));
  and g82 (n136, x[7], w[5]);
  and g83 (n137, x[0], w[6]);
  addersim_fa g84 (.a(n137), .b(n119), .c(n117), .sum(n138), .cout(n139));
  and g85 (n140, x[1], w[6]);
  addersim_fa g86 (.a(n140), .b(n122), .c(n120), .sum(n141), .cout(n142));
  and g87 (n143, x[2], w[6]);
  addersim_fa g88 (.a(n143), .b(n125), .c(n123), .sum(n144), .cout(n145));
  and g89 (n146, x[3], w[6]);
  addersim_fa g90 (.a(n146), .b(n128), .c(n126), .sum(n147), .cout(n148));
  and g91 (n149, x[4], w[6]);
  addersim_fa g92 (.a(n149), .b(n131), .c(n129), .sum(n150), .cout(n151));
  and g93 (n152, x[5], w[6]);
  addersim_fa g94 (.a(n152), .b(n134), .c(n132), .sum(n153), .cout(n154));
  and g95 (n155, x[6], w[6]);
  addersim_fa g96 (.a(n155), .b(n136), .c(n135), .sum(n156), .cout(n157));
  and g97 (n158, x[7], w[6]);
  and g98 (n159, x[0], w[7]);
  addersim_fa g99 (.a(n159), .b(n141), .c(n139), .sum(n160), .cout(n161));
  and g100 (n162, x[1], w[7]);
  addersim_fa g101 (.a(n162), .b(n144), .c(n142), .sum(n163), .cout(n164));
  and g102 (n165, x[2], w[7]);
  addersim_fa g103 (.a(n165), .b(n147), .c(n145), .sum(n166), .cout(n167));
  and g104 (n168, x[3], w[7]);
  addersim_fa g105 (.a(n168), .b(n150), .c(n148), .sum(n169), .cout(n170));
  and g106 (n171, x[4], w[7]);
  addersim_fa g107 (.a(n171), .b(n153), .c(n151), .sum(n172), .cout(n173));
  and g108 (n174, x[5], w[7]);
  addersim_fa g109 (.a(n174), .b(n156), .c(n154), .sum(n175), .cout(n176));
  and g110 (n177, x[6], w[7]);
  addersim_fa g111 (.a(n177), .b(n158), .c(n157), .sum(n178), .cout(n179));
  and g112 (n180, x[7], w[7]);
  addersim_fa g113 (.a(n163), .b(n161), .c(1'b0), .sum(n181), .cout(n182));
  addersim_fa g114 (.a(n166), .b(n164), .c(n182), .sum(n183), .cout(n184));
  addersim_fa g115 (.a(n169), .b(n167), .c(n184), .sum(n185), .cout(n186));
  addersim_fa g116 (.a(n172), .b(n170), .c(n186), .sum(n187), .cout(n188));
  addersim_fa g117 (.a(n175), .b(n173), .c(n188), .sum(n189), .cout(n190));
  addersim_fa g118 (.a(n178), .b(n176), .c(n190), .sum(n191), .cout(n192));
  addersim_fa g119 (.a(n180), .b(n179), .c(n192), .sum(n193), .cout(n194));
  not g120 (n216, clear);
  and g121 (n217, n195, n216);
  and g122 (n218, n196, n216);
  and g123 (n219, n197, n216);
  and g124 (n220, n198, n216);
  and g125 (n221, n199, n216);
  and g126 (n222, n200, n216);
  and g127 (n223, n201, n216);
  and g128 (n224, n202, n216);
  and g129 (n225, n203, n216);
  and g130 (n226, n204, n216);
  and g131 (n227, n205, n216);
  and g132 (n228, n206, n216);
  and g133 (n229, n207, n216);
  and g134 (n230, n208, n216);
  and g135 (n231, n209, n216);
  and g136 (n232, n210, n216);
  and g137 (n233, n211, n216);
  and g138 (n234, n212, n216);
  and g139 (n235, n213, n216);
  and g140 (n236, n214, n216);
  addersim_fa g141 (.a(n217), .b(n19), .c(1'b0), .sum(n237), .cout(n238));
  addersim_fa g142 (.a(n218), .b(n28), .c(n238), .sum(n239), .cout(n240));
  addersim_fa g143 (.a(n219), .b(n50), .c(n240), .sum(n241), .cout(n242));
  addersim_fa g144 (.a(n220), .b(n72), .c(n242), .sum(n243), .cout(n244));
  addersim_fa g145 (.a(n221), .b(n94), .c(n244), .sum(n245), .cout(n246));
  addersim_fa g146 (.a(n222), .b(n116), .c(n246), .sum(n247), .cout(n248));
  addersim_fa g147 (.a(n223), .b(n138), .c(n248), .sum(n249), .cout(n250));
  addersim_fa g148 (.a(n224), .b(n160), .c(n250), .sum(n251), .cout(n252));
  addersim_fa g149 (.a(n225), .b(n181), .c(n252), .sum(n253), .cout(n254));
  addersim_fa g150 (.a(n226), .b(n183), .c(n254), .sum(n255), .cout(n256));
  addersim_fa g151 (.a(n227), .b(n185), .c(n256), .sum(n257), .cout(n258));
  addersim_fa g152 (.a(n228), .b(n187), .c(n258), .sum(n259), .cout(n260));
  addersim_fa g153 (.a(n229), .b(n189), .c(n260), .sum(n261), .cout(n262));
  addersim_fa g154 (.a(n230), .b(n191), .c(n262), .sum(n263), .cout(n264));
  addersim_fa g155 (.a(n231), .b(n193), .c(n264), .sum(n265), .cout(n266));
  addersim_fa g156 (.a(n232), .b(n194), .c(n266), .sum(n267), .cout(n268));
  addersim_fa g157 (.a(n233), .b(1'b0), .c(n268), .sum(n269), .cout(n270));
  addersim_fa g158 (.a(n234), .b(1'b0), .c(n270), .sum(n271), .cout(n272));
  addersim_fa g159 (.a(n235), .b(1'b0), .c(n272), .sum(n273), .cout(n274));
  addersim_fa g160 (.a(n236), .b(1'b0), .c(n274), .sum(n275), .cout(n276));
  and g161 (n277, n215, n216);
  or g162 (n278, n277, n276);

  always @(posedge clk) begin
    if (rst) begin
      n195 <= 1'b0;
      n196 <= 1'b0;
      n197 <= 1'b0;
      n198 <= 1'b0;
      n199 <= 1'b0;
      n200 <= 1'b0;
      n201 <= 1'b0;
      n202 <= 1'b0;
      n203 <= 1'b0;
      n204 <= 1'b0;
      n205 <= 1'b0;
      n206 <= 1'b0;
      n207 <= 1'b0;
      n208 <= 1'b0;
      n209 <= 1'b0;
      n210 <= 1'b0;
      n211 <= 1'b0;
      n212 <= 1'b0;
      n213 <= 1'b0;
      n214 <= 1'b0;
      n215 <= 1'b0;
    end else begin
      n195 <= n237;
      n196 <= n239;
      n197 <= n241;
      n198 <= n243;
      n199 <= n245;
      n200 <= n247;
      n201 <= n249;
      n202 <= n251;
      n203 <= n253;
      n204 <= n255;
      n205 <= n257;
      n206 <= n259;
      n207 <= n261;
      n208 <= n263;
      n209 <= n265;
      n210 <= n267;
      n211 <= n269;
      n212 <= n271;
      n213 <= n273;
      n214 <= n275;
      n215 <= n278;
    end
  end

  assign acc[0] = n195;
  assign acc[1] = n196;
  assign acc[2] = n197;
  assign acc[3] = n198;
  assign acc[4] = n199;
  assign acc[5] = n200;
  assign acc[6] = n201;
  assign acc[7] = n202;
  assign acc[8] = n203;
  assign acc[9] = n204;
  assign acc[10] = n205;
  assign acc[11] = n206;
  assign acc[12] = n207;
  assign acc[13] = n208;
  assign acc[14] = n209;
  assign acc[15] = n210;
  assign acc[16] = n211;
  assign acc[17] = n212;
  assign acc[18] = n213;
  assign acc[19] = n214;
  assign overflow = n215;
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
