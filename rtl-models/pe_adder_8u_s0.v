`timescale 1ns / 1ps
// pe_adder_8u_s0: structural Verilog-2005 exported by addersim.
// Parameters: op=pe-adder, width=8, signed=false, stages=0, accWidth=12, overflow=wrap, adder=ripple-carry, variant=ones-complement.
// Cells: 55 (and 14, or 1, xor 10, not 10, fa 20); registers: 13.
// Buses are [width-1:0] with bit 0 the least significant bit.
module pe_adder_8u_s0 (
  input  wire clk,        // clock: registers update on its rising edge
  input  wire rst,        // synchronous reset, active high: loads every register with its init value
  input  wire [7:0] x,    // activation, 8 bits unsigned
  input  wire [7:0] w,    // weight, 8 bits unsigned
  input  wire clear,      // restart the sum at this tap (travels with it)
  output wire [11:0] acc, // sum of the taps, 12 bits unsigned; latency 1 cycles
  output wire overflow    // the sum overflowed since the last clear
);

  // Cell outputs, named n<net id> as in the netlist IR.
  wire n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30, n31, n32, n33, n34, n35, n36,
       n37, n38, n39, n40, n41, n42, n43, n44, n45, n46, n47, n48, n49, n50, n51, n52, n53, n54,
       n68, n69, n70, n71, n72, n73, n74, n75, n76, n77, n78, n79, n80, n81, n82, n83, n84, n85,
       n86, n87, n88, n89, n90, n91, n92, n93, n94, n95, n96, n97, n98, n99, n100, n101, n102,
       n103, n104, n105, n106;

  // Register outputs (D flip-flops).
  reg n55, n56, n57, n58, n59, n60, n61, n62, n63, n64, n65, n66, n67;

  not g0 (n19, w[0]);
  not g1 (n20, w[1]);
  not g2 (n21, w[2]);
  not g3 (n22, w[3]);
  not g4 (n23, w[4]);
  not g5 (n24, w[5]);
  not g6 (n25, w[6]);
  not g7 (n26, w[7]);
  addersim_fa g8 (.a(x[0]), .b(n19), .c(1'b1), .sum(n27), .cout(n28));
  addersim_fa g9 (.a(x[1]), .b(n20), .c(n28), .sum(n29), .cout(n30));
  addersim_fa g10 (.a(x[2]), .b(n21), .c(n30), .sum(n31), .cout(n32));
  addersim_fa g11 (.a(x[3]), .b(n22), .c(n32), .sum(n33), .cout(n34));
  addersim_fa g12 (.a(x[4]), .b(n23), .c(n34), .sum(n35), .cout(n36));
  addersim_fa g13 (.a(x[5]), .b(n24), .c(n36), .sum(n37), .cout(n38));
  addersim_fa g14 (.a(x[6]), .b(n25), .c(n38), .sum(n39), .cout(n40));
  addersim_fa g15 (.a(x[7]), .b(n26), .c(n40), .sum(n41), .cout(n42));
  xor g16 (n43, x[7], w[7]);
  xor g17 (n44, x[7], n41);
  and g18 (n45, n43, n44);
  not g19 (n46, n42);
  xor g20 (n47, n27, n46);
  xor g21 (n48, n29, n46);
  xor g22 (n49, n31, n46);
  xor g23 (n50, n33, n46);
  xor g24 (n51, n35, n46);
  xor g25 (n52, n37, n46);
  xor g26 (n53, n39, n46);
  xor g27 (n54, n41, n46);
  not g28 (n68, clear);
  and g29 (n69, n55, n68);
  and g30 (n70, n56, n68);
  and g31 (n71, n57, n68);
  and g32 (n72, n58, n68);
  and g33 (n73, n59, n68);
  and g34 (n74, n60, n68);
  and g35 (n75, n61, n68);
  and g36 (n76, n62, n68);
  and g37 (n77, n63, n68);
  and g38 (n78, n64, n68);
  and g39 (n79, n65, n68);
  and g40 (n80, n66, n68);
  addersim_fa g41 (.a(n69), .b(n47), .c(n46), .sum(n81), .cout(n82));
  addersim_fa g42 (.a(n70), .b(n48), .c(n82), .sum(n83), .cout(n84));
  addersim_fa g43 (.a(n71), .b(n49), .c(n84), .sum(n85), .cout(n86));
  addersim_fa g44 (.a(n72), .b(n50), .c(n86), .sum(n87), .cout(n88));
  addersim_fa g45 (.a(n73), .b(n51), .c(n88), .sum(n89), .cout(n90));
  addersim_fa g46 (.a(n74), .b(n52), .c(n90), .sum(n91), .cout(n92));
  addersim_fa g47 (.a(n75), .b(n53), .c(n92), .sum(n93), .cout(n94));
  addersim_fa g48 (.a(n76), .b(n54), .c(n94), .sum(n95), .cout(n96));
  addersim_fa g49 (.a(n77), .b(1'b0), .c(n96), .sum(n97), .cout(n98));
  addersim_fa g50 (.a(n78), .b(1'b0), .c(n98), .sum(n99), .cout(n100));
  addersim_fa g51 (.a(n79), .b(1'b0), .c(n100), .sum(n101), .cout(n102));
  addersim_fa g52 (.a(n80), .b(1'b0), .c(n102), .sum(n103), .cout(n104));
  and g53 (n105, n67, n68);
  or g54 (n106, n105, n104);

  always @(posedge clk) begin
    if (rst) begin
      n55 <= 1'b0;
      n56 <= 1'b0;
      n57 <= 1'b0;
      n58 <= 1'b0;
      n59 <= 1'b0;
      n60 <= 1'b0;
      n61 <= 1'b0;
      n62 <= 1'b0;
      n63 <= 1'b0;
      n64 <= 1'b0;
      n65 <= 1'b0;
      n66 <= 1'b0;
      n67 <= 1'b0;
    end else begin
      n55 <= n81;
      n56 <= n83;
      n57 <= n85;
      n58 <= n87;
      n59 <= n89;
      n60 <= n91;
      n61 <= n93;
      n62 <= n95;
      n63 <= n97;
      n64 <= n99;
      n65 <= n101;
      n66 <= n103;
      n67 <= n106;
    end
  end

  assign acc[0] = n55;
  assign acc[1] = n56;
  assign acc[2] = n57;
  assign acc[3] = n58;
  assign acc[4] = n59;
  assign acc[5] = n60;
  assign acc[6] = n61;
  assign acc[7] = n62;
  assign acc[8] = n63;
  assign acc[9] = n64;
  assign acc[10] = n65;
  assign acc[11] = n66;
  assign overflow = n67;
endmodule

`ifndef ADDERSIM_FA
`define ADDERSIM_FA
// Full adder: sum = a ^ b ^ c, cout = majority(a, b, c).
module addersim_fa (input wire a, input wire b, input wire c, output wire sum, output wire cout);
  assign sum = a ^ b ^ c;
  assign cout = (a & b) | (a & c) | (b & c);
endmodule
`endif
