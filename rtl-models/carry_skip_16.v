`timescale 1ns / 1ps
// carry-skip-16: structural Verilog-2005 exported by addersim.
// Parameters: arch=carry-skip, width=16.
// Cells: 48 (and 10, xor 16, mux2 6, fa 16); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module carry_skip_16 (
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
       n89, n90, n91, n92, n93, n94, n95, n96, n97, n98;

  addersim_fa g0 (.a(a[0]), .b(b[0]), .c(cin), .sum(n35), .cout(n36));
  addersim_fa g1 (.a(a[1]), .b(b[1]), .c(n36), .sum(n37), .cout(n38));
  addersim_fa g2 (.a(a[2]), .b(b[2]), .c(n38), .sum(n39), .cout(n40));
  xor g3 (n41, a[0], b[0]);
  xor g4 (n42, a[1], b[1]);
  xor g5 (n43, a[2], b[2]);
  and g6 (n44, n41, n42);
  and g7 (n45, n44, n43);
  addersim_mux2 g8 (.s(n45), .d0(n40), .d1(cin), .y(n46));
  addersim_fa g9 (.a(a[3]), .b(b[3]), .c(n46), .sum(n47), .cout(n48));
  addersim_fa g10 (.a(a[4]), .b(b[4]), .c(n48), .sum(n49), .cout(n50));
  addersim_fa g11 (.a(a[5]), .b(b[5]), .c(n50), .sum(n51), .cout(n52));
  xor g12 (n53, a[3], b[3]);
  xor g13 (n54, a[4], b[4]);
  xor g14 (n55, a[5], b[5]);
  and g15 (n56, n53, n54);
  and g16 (n57, n56, n55);
  addersim_mux2 g17 (.s(n57), .d0(n52), .d1(n46), .y(n58));
  addersim_fa g18 (.a(a[6]), .b(b[6]), .c(n58), .sum(n59), .cout(n60));
  addersim_fa g19 (.a(a[7]), .b(b[7]), .c(n60), .sum(n61), .cout(n62));
  addersim_fa g20 (.a(a[8]), .b(b[8]), .c(n62), .sum(n63), .cout(n64));
  xor g21 (n65, a[6], b[6]);
  xor g22 (n66, a[7], b[7]);
  xor g23 (n67, a[8], b[8]);
  and g24 (n68, n65, n66);
  and g25 (n69, n68, n67);
  addersim_mux2 g26 (.s(n69), .d0(n64), .d1(n58), .y(n70));
  addersim_fa g27 (.a(a[9]), .b(b[9]), .c(n70), .sum(n71), .cout(n72));
  addersim_fa g28 (.a(a[10]), .b(b[10]), .c(n72), .sum(n73), .cout(n74));
  addersim_fa g29 (.a(a[11]), .b(b[11]), .c(n74), .sum(n75), .cout(n76));
  xor g30 (n77, a[9], b[9]);
  xor g31 (n78, a[10], b[10]);
  xor g32 (n79, a[11], b[11]);
  and g33 (n80, n77, n78);
  and g34 (n81, n80, n79);
  addersim_mux2 g35 (.s(n81), .d0(n76), .d1(n70), .y(n82));
  addersim_fa g36 (.a(a[12]), .b(b[12]), .c(n82), .sum(n83), .cout(n84));
  addersim_fa g37 (.a(a[13]), .b(b[13]), .c(n84), .sum(n85), .cout(n86));
  addersim_fa g38 (.a(a[14]), .b(b[14]), .c(n86), .sum(n87), .cout(n88));
  xor g39 (n89, a[12], b[12]);
  xor g40 (n90, a[13], b[13]);
  xor g41 (n91, a[14], b[14]);
  and g42 (n92, n89, n90);
  and g43 (n93, n92, n91);
  addersim_mux2 g44 (.s(n93), .d0(n88), .d1(n82), .y(n94));
  addersim_fa g45 (.a(a[15]), .b(b[15]), .c(n94), .sum(n95), .cout(n96));
  xor g46 (n97, a[15], b[15]);
  addersim_mux2 g47 (.s(n97), .d0(n96), .d1(n94), .y(n98));

  assign sum[0] = n35;
  assign sum[1] = n37;
  assign sum[2] = n39;
  assign sum[3] = n47;
  assign sum[4] = n49;
  assign sum[5] = n51;
  assign sum[6] = n59;
  assign sum[7] = n61;
  assign sum[8] = n63;
  assign sum[9] = n71;
  assign sum[10] = n73;
  assign sum[11] = n75;
  assign sum[12] = n83;
  assign sum[13] = n85;
  assign sum[14] = n87;
  assign sum[15] = n95;
  assign cout = n98;
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
