`timescale 1ns / 1ps
// carry-select-16: structural Verilog-2005 exported by addersim.
// Parameters: arch=carry-select, width=16.
// Cells: 46 (or 3, xnor 3, mux2 15, fa 22, ha 3); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module carry_select_16 (
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
       n89, n90, n91, n92, n93, n94, n95, n96, n97, n98, n99, n100, n101, n102, n103, n104, n105;

  addersim_fa g0 (.a(a[0]), .b(b[0]), .c(cin), .sum(n35), .cout(n36));
  addersim_fa g1 (.a(a[1]), .b(b[1]), .c(n36), .sum(n37), .cout(n38));
  addersim_fa g2 (.a(a[2]), .b(b[2]), .c(n38), .sum(n39), .cout(n40));
  addersim_fa g3 (.a(a[3]), .b(b[3]), .c(n40), .sum(n41), .cout(n42));
  addersim_ha g4 (.a(a[4]), .b(b[4]), .sum(n43), .cout(n44));
  addersim_fa g5 (.a(a[5]), .b(b[5]), .c(n44), .sum(n45), .cout(n46));
  addersim_fa g6 (.a(a[6]), .b(b[6]), .c(n46), .sum(n47), .cout(n48));
  addersim_fa g7 (.a(a[7]), .b(b[7]), .c(n48), .sum(n49), .cout(n50));
  xnor g8 (n51, a[4], b[4]);
  or g9 (n52, a[4], b[4]);
  addersim_fa g10 (.a(a[5]), .b(b[5]), .c(n52), .sum(n53), .cout(n54));
  addersim_fa g11 (.a(a[6]), .b(b[6]), .c(n54), .sum(n55), .cout(n56));
  addersim_fa g12 (.a(a[7]), .b(b[7]), .c(n56), .sum(n57), .cout(n58));
  addersim_mux2 g13 (.s(n42), .d0(n43), .d1(n51), .y(n59));
  addersim_mux2 g14 (.s(n42), .d0(n45), .d1(n53), .y(n60));
  addersim_mux2 g15 (.s(n42), .d0(n47), .d1(n55), .y(n61));
  addersim_mux2 g16 (.s(n42), .d0(n49), .d1(n57), .y(n62));
  addersim_mux2 g17 (.s(n42), .d0(n50), .d1(n58), .y(n63));
  addersim_ha g18 (.a(a[8]), .b(b[8]), .sum(n64), .cout(n65));
  addersim_fa g19 (.a(a[9]), .b(b[9]), .c(n65), .sum(n66), .cout(n67));
  addersim_fa g20 (.a(a[10]), .b(b[10]), .c(n67), .sum(n68), .cout(n69));
  addersim_fa g21 (.a(a[11]), .b(b[11]), .c(n69), .sum(n70), .cout(n71));
  xnor g22 (n72, a[8], b[8]);
  or g23 (n73, a[8], b[8]);
  addersim_fa g24 (.a(a[9]), .b(b[9]), .c(n73), .sum(n74), .cout(n75));
  addersim_fa g25 (.a(a[10]), .b(b[10]), .c(n75), .sum(n76), .cout(n77));
  addersim_fa g26 (.a(a[11]), .b(b[11]), .c(n77), .sum(n78), .cout(n79));
  addersim_mux2 g27 (.s(n63), .d0(n64), .d1(n72), .y(n80));
  addersim_mux2 g28 (.s(n63), .d0(n66), .d1(n74), .y(n81));
  addersim_mux2 g29 (.s(n63), .d0(n68), .d1(n76), .y(n82));
  addersim_mux2 g30 (.s(n63), .d0(n70), .d1(n78), .y(n83));
  addersim_mux2 g31 (.s(n63), .d0(n71), .d1(n79), .y(n84));
  addersim_ha g32 (.a(a[12]), .b(b[12]), .sum(n85), .cout(n86));
  addersim_fa g33 (.a(a[13]), .b(b[13]), .c(n86), .sum(n87), .cout(n88));
  addersim_fa g34 (.a(a[14]), .b(b[14]), .c(n88), .sum(n89), .cout(n90));
  addersim_fa g35 (.a(a[15]), .b(b[15]), .c(n90), .sum(n91), .cout(n92));
  xnor g36 (n93, a[12], b[12]);
  or g37 (n94, a[12], b[12]);
  addersim_fa g38 (.a(a[13]), .b(b[13]), .c(n94), .sum(n95), .cout(n96));
  addersim_fa g39 (.a(a[14]), .b(b[14]), .c(n96), .sum(n97), .cout(n98));
  addersim_fa g40 (.a(a[15]), .b(b[15]), .c(n98), .sum(n99), .cout(n100));
  addersim_mux2 g41 (.s(n84), .d0(n85), .d1(n93), .y(n101));
  addersim_mux2 g42 (.s(n84), .d0(n87), .d1(n95), .y(n102));
  addersim_mux2 g43 (.s(n84), .d0(n89), .d1(n97), .y(n103));
  addersim_mux2 g44 (.s(n84), .d0(n91), .d1(n99), .y(n104));
  addersim_mux2 g45 (.s(n84), .d0(n92), .d1(n100), .y(n105));

  assign sum[0] = n35;
  assign sum[1] = n37;
  assign sum[2] = n39;
  assign sum[3] = n41;
  assign sum[4] = n59;
  assign sum[5] = n60;
  assign sum[6] = n61;
  assign sum[7] = n62;
  assign sum[8] = n80;
  assign sum[9] = n81;
  assign sum[10] = n82;
  assign sum[11] = n83;
  assign sum[12] = n101;
  assign sum[13] = n102;
  assign sum[14] = n103;
  assign sum[15] = n104;
  assign cout = n105;
endmodule

`ifndef ADDERSIM_MUX2
`define ADDERSIM_MUX2
// 2:1 multiplexer: y = s ? d1 : d0.
module addersim_mux2 (input wire s, input wire d0, input wire d1, output wire y);
  assign y = s ? d1 : d0;
endmodule
`endif

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
