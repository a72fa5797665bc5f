`timescale 1ns / 1ps
// pe_xnor_8u_s0: structural Verilog-2005 exported by addersim.
// Parameters: op=pe-xnor, width=8, signed=false, stages=0, accWidth=8, overflow=wrap, adder=ripple-carry.
// Cells: 34 (and 9, or 1, xnor 8, not 1, fa 12, ha 3); registers: 9.
// Buses are [width-1:0] with bit 0 the least significant bit.
module pe_xnor_8u_s0 (
  input  wire clk,       // clock: registers update on its rising edge
  input  wire rst,       // synchronous reset, active high: loads every register with its init value
  input  wire [7:0] x,   // activation, 8 lanes, bit 1 = +1, 0 = -1
  input  wire [7:0] w,   // weight, 8 lanes, bit 1 = +1, 0 = -1
  input  wire clear,     // restart the sum at this tap (travels with it)
  output wire [7:0] acc, // sum of the taps, 8 bits unsigned; latency 1 cycles
  output wire overflow   // the sum overflowed since the last clear
);

  // Cell outputs, named n<net id> as in the netlist IR.
  wire n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30, n31, n32, n33, n34, n35, n36,
       n37, n38, n39, n40, n50, n51, n52, n53, n54, n55, n56, n57, n58, n59, n60, n61, n62, n63,
       n64, n65, n66, n67, n68, n69, n70, n71, n72, n73, n74, n75, n76;

  // Register outputs (D flip-flops).
  reg n41, n42, n43, n44, n45, n46, n47, n48, n49;

  xnor g0 (n19, x[0], w[0]);
  xnor g1 (n20, x[1], w[1]);
  xnor g2 (n21, x[2], w[2]);
  xnor g3 (n22, x[3], w[3]);
  xnor g4 (n23, x[4], w[4]);
  xnor g5 (n24, x[5], w[5]);
  xnor g6 (n25, x[6], w[6]);
  xnor g7 (n26, x[7], w[7]);
  addersim_fa g8 (.a(n19), .b(n20), .c(n21), .sum(n27), .cout(n28));
  addersim_fa g9 (.a(n22), .b(n23), .c(n24), .sum(n29), .cout(n30));
  addersim_fa g10 (.a(n27), .b(n29), .c(n25), .sum(n31), .cout(n32));
  addersim_fa g11 (.a(n28), .b(n30), .c(n32), .sum(n33), .cout(n34));
  addersim_ha g12 (.a(n31), .b(n26), .sum(n35), .cout(n36));
  addersim_ha g13 (.a(n33), .b(n36), .sum(n37), .cout(n38));
  addersim_ha g14 (.a(n34), .b(n38), .sum(n39), .cout(n40));
  not g15 (n50, clear);
  and g16 (n51, n41, n50);
  and g17 (n52, n42, n50);
  and g18 (n53, n43, n50);
  and g19 (n54, n44, n50);
  and g20 (n55, n45, n50);
  and g21 (n56, n46, n50);
  and g22 (n57, n47, n50);
  and g23 (n58, n48, n50);
  addersim_fa g24 (.a(n51), .b(n35), .c(1'b0), .sum(n59), .cout(n60));
  addersim_fa g25 (.a(n52), .b(n37), .c(n60), .sum(n61), .cout(n62));
  addersim_fa g26 (.a(n53), .b(n39), .c(n62), .sum(n63), .cout(n64));
  addersim_fa g27 (.a(n54), .b(n40), .c(n64), .sum(n65), .cout(n66));
  addersim_fa g28 (.a(n55), .b(1'b0), .c(n66), .sum(n67), .cout(n68));
  addersim_fa g29 (.a(n56), .b(1'b0), .c(n68), .sum(n69), .cout(n70));
  addersim_fa g30 (.a(n57), .b(1'b0), .c(n70), .sum(n71), .cout(n72));
  addersim_fa g31 (.a(n58), .b(1'b0), .c(n72), .sum(n73), .cout(n74));
  and g32 (n75, n49, n50);
  or g33 (n76, n75, n74);

  always @(posedge clk) begin
    if (rst) begin
      n41 <= 1'b0;
      n42 <= 1'b0;
      n43 <= 1'b0;
      n44 <= 1'b0;
      n45 <= 1'b0;
      n46 <= 1'b0;
      n47 <= 1'b0;
      n48 <= 1'b0;
      n49 <= 1'b0;
    end else begin
      n41 <= n59;
      n42 <= n61;
      n43 <= n63;
      n44 <= n65;
      n45 <= n67;
      n46 <= n69;
      n47 <= n71;
      n48 <= n73;
      n49 <= n76;
    end
  end

  assign acc[0] = n41;
  assign acc[1] = n42;
  assign acc[2] = n43;
  assign acc[3] = n44;
  assign acc[4] = n45;
  assign acc[5] = n46;
  assign acc[6] = n47;
  assign acc[7] = n48;
  assign overflow = n49;
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
