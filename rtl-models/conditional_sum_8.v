`timescale 1ns / 1ps
// conditional-sum-8: structural Verilog-2005 exported by addersim.
// Parameters: arch=conditional-sum, width=8.
// Cells: 79 (and 8, or 8, xor 8, xnor 8, mux2 47); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module conditional_sum_8 (
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
       n73, n74, n75, n76, n77, n78, n79, n80, n81, n82, n83, n84, n85, n86, n87, n88, n89, n90,
       n91, n92, n93, n94, n95, n96, n97;

  xor g0 (n19, a[0], b[0]);
  and g1 (n20, a[0], b[0]);
  xnor g2 (n21, a[0], b[0]);
  or g3 (n22, a[0], b[0]);
  xor g4 (n23, a[1], b[1]);
  and g5 (n24, a[1], b[1]);
  xnor g6 (n25, a[1], b[1]);
  or g7 (n26, a[1], b[1]);
  addersim_mux2 g8 (.s(n20), .d0(n23), .d1(n25), .y(n27));
  addersim_mux2 g9 (.s(n20), .d0(n24), .d1(n26), .y(n28));
  addersim_mux2 g10 (.s(n22), .d0(n23), .d1(n25), .y(n29));
  addersim_mux2 g11 (.s(n22), .d0(n24), .d1(n26), .y(n30));
  xor g12 (n31, a[2], b[2]);
  and g13 (n32, a[2], b[2]);
  xnor g14 (n33, a[2], b[2]);
  or g15 (n34, a[2], b[2]);
  xor g16 (n35, a[3], b[3]);
  and g17 (n36, a[3], b[3]);
  xnor g18 (n37, a[3], b[3]);
  or g19 (n38, a[3], b[3]);
  addersim_mux2 g20 (.s(n32), .d0(n35), .d1(n37), .y(n39));
  addersim_mux2 g21 (.s(n32), .d0(n36), .d1(n38), .y(n40));
  addersim_mux2 g22 (.s(n34), .d0(n35), .d1(n37), .y(n41));
  addersim_mux2 g23 (.s(n34), .d0(n36), .d1(n38), .y(n42));
  addersim_mux2 g24 (.s(n28), .d0(n31), .d1(n33), .y(n43));
  addersim_mux2 g25 (.s(n28), .d0(n39), .d1(n41), .y(n44));
  addersim_mux2 g26 (.s(n28), .d0(n40), .d1(n42), .y(n45));
  addersim_mux2 g27 (.s(n30), .d0(n31), .d1(n33), .y(n46));
  addersim_mux2 g28 (.s(n30), .d0(n39), .d1(n41), .y(n47));
  addersim_mux2 g29 (.s(n30), .d0(n40), .d1(n42), .y(n48));
  xor g30 (n49, a[4], b[4]);
  and g31 (n50, a[4], b[4]);
  xnor g32 (n51, a[4], b[4]);
  or g33 (n52, a[4], b[4]);
  xor g34 (n53, a[5], b[5]);
  and g35 (n54, a[5], b[5]);
  xnor g36 (n55, a[5], b[5]);
  or g37 (n56, a[5], b[5]);
  addersim_mux2 g38 (.s(n50), .d0(n53), .d1(n55), .y(n57));
  addersim_mux2 g39 (.s(n50), .d0(n54), .d1(n56), .y(n58));
  addersim_mux2 g40 (.s(n52), .d0(n53), .d1(n55), .y(n59));
  addersim_mux2 g41 (.s(n52), .d0(n54), .d1(n56), .y(n60));
  xor g42 (n61, a[6], b[6]);
  and g43 (n62, a[6], b[6]);
  xnor g44 (n63, a[6], b[6]);
  or g45 (n64, a[6], b[6]);
  xor g46 (n65, a[7], b[7]);
  and g47 (n66, a[7], b[7]);
  xnor g48 (n67, a[7], b[7]);
  or g49 (n68, a[7], b[7]);
  addersim_mux2 g50 (.s(n62), .d0(n65), .d1(n67), .y(n69));
  addersim_mux2 g51 (.s(n62), .d0(n66), .d1(n68), .y(n70));
  addersim_mux2 g52 (.s(n64), .d0(n65), .d1(n67), .y(n71));
  addersim_mux2 g53 (.s(n64), .d0(n66), .d1(n68), .y(n72));
  addersim_mux2 g54 (.s(n58), .d0(n61), .d1(n63), .y(n73));
  addersim_mux2 g55 (.s(n58), .d0(n69), .d1(n71), .y(n74));
  addersim_mux2 g56 (.s(n58), .d0(n70), .d1(n72), .y(n75));
  addersim_mux2 g57 (.s(n60), .d0(n61), .d1(n63), .y(n76));
  addersim_mux2 g58 (.s(n60), .d0(n69), .d1(n71), .y(n77));
  addersim_mux2 g59 (.s(n60), .d0(n70), .d1(n72), .y(n78));
  addersim_mux2 g60 (.s(n45), .d0(n49), .d1(n51), .y(n79));
  addersim_mux2 g61 (.s(n45), .d0(n57), .d1(n59), .y(n80));
  addersim_mux2 g62 (.s(n45), .d0(n73), .d1(n76), .y(n81));
  addersim_mux2 g63 (.s(n45), .d0(n74), .d1(n77), .y(n82));
  addersim_mux2 g64 (.s(n45), .d0(n75), .d1(n78), .y(n83));
  addersim_mux2 g65 (.s(n48), .d0(n49), .d1(n51), .y(n84));
  addersim_mux2 g66 (.s(n48), .d0(n57), .d1(n59), .y(n85));
  addersim_mux2 g67 (.s(n48), .d0(n73), .d1(n76), .y(n86));
  addersim_mux2 g68 (.s(n48), .d0(n74), .d1(n77), .y(n87));
  addersim_mux2 g69 (.s(n48), .d0(n75), .d1(n78), .y(n88));
  addersim_mux2 g70 (.s(cin), .d0(n19), .d1(n21), .y(n89));
  addersim_mux2 g71 (.s(cin), .d0(n27), .d1(n29), .y(n90));
  addersim_mux2 g72 (.s(cin), .d0(n43), .d1(n46), .y(n91));
  addersim_mux2 g73 (.s(cin), .d0(n44), .d1(n47), .y(n92));
  addersim_mux2 g74 (.s(cin), .d0(n79), .d1(n84), .y(n93));
  addersim_mux2 g75 (.s(cin), .d0(n80), .d1(n85), .y(n94));
  addersim_mux2 g76 (.s(cin), .d0(n81), .d1(n86), .y(n95));
  addersim_mux2 g77 (.s(cin), .d0(n82), .d1(n87), .y(n96));
  addersim_mux2 g78 (.s(cin), .d0(n83), .d1(n88), .y(n97));

  assign sum[0] = n89;
  assign sum[1] = n90;
  assign sum[2] = n91;
  assign sum[3] = n92;
  assign sum[4] = n93;
  assign sum[5] = n94;
  assign sum[6] = n95;
  assign sum[7] = n96;
  assign cout = n97;
endmodule

`ifndef ADDERSIM_MUX2
`define ADDERSIM_MUX2
// 2:1 multiplexer: y = s ? d1 : d0.
module addersim_mux2 (input wire s, input wire d0, input wire d1, output wire y);
  assign y = s ? d1 : d0;
endmodule
`endif
