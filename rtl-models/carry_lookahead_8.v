`timescale 1ns / 1ps
// carry-lookahead-8: structural Verilog-2005 exported by addersim.
// Parameters: arch=carry-lookahead, width=8.
// Cells: 87 (and 50, or 21, xor 16); registers: 0.
// Buses are [width-1:0] with bit 0 the least significant bit.
module carry_lookahead_8 (
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
       n91, n92, n93, n94, n95, n96, n97, n98, n99, n100, n101, n102, n103, n104, n105;

  and g0 (n19, a[0], b[0]);
  xor g1 (n20, a[0], b[0]);
  and g2 (n21, a[1], b[1]);
  xor g3 (n22, a[1], b[1]);
  and g4 (n23, a[2], b[2]);
  xor g5 (n24, a[2], b[2]);
  and g6 (n25, a[3], b[3]);
  xor g7 (n26, a[3], b[3]);
  and g8 (n27, a[4], b[4]);
  xor g9 (n28, a[4], b[4]);
  and g10 (n29, a[5], b[5]);
  xor g11 (n30, a[5], b[5]);
  and g12 (n31, a[6], b[6]);
  xor g13 (n32, a[6], b[6]);
  and g14 (n33, a[7], b[7]);
  xor g15 (n34, a[7], b[7]);
  and g16 (n35, n26, n23);
  and g17 (n36, n26, n24);
  and g18 (n37, n36, n21);
  and g19 (n38, n26, n24);
  and g20 (n39, n22, n19);
  and g21 (n40, n38, n39);
  or g22 (n41, n25, n35);
  or g23 (n42, n37, n40);
  or g24 (n43, n41, n42);
  and g25 (n44, n20, n22);
  and g26 (n45, n24, n26);
  and g27 (n46, n44, n45);
  and g28 (n47, n34, n31);
  and g29 (n48, n34, n32);
  and g30 (n49, n48, n29);
  and g31 (n50, n34, n32);
  and g32 (n51, n30, n27);
  and g33 (n52, n50, n51);
  or g34 (n53, n33, n47);
  or g35 (n54, n49, n52);
  or g36 (n55, n53, n54);
  and g37 (n56, n28, n30);
  and g38 (n57, n32, n34);
  and g39 (n58, n56, n57);
  and g40 (n59, n46, cin);
  or g41 (n60, n43, n59);
  and g42 (n61, n58, n43);
  and g43 (n62, n58, n46);
  and g44 (n63, n62, cin);
  or g45 (n64, n55, n61);
  or g46 (n65, n64, n63);
  and g47 (n66, n20, cin);
  or g48 (n67, n19, n66);
  and g49 (n68, n22, n19);
  and g50 (n69, n22, n20);
  and g51 (n70, n69, cin);
  or g52 (n71, n21, n68);
  or g53 (n72, n71, n70);
  and g54 (n73, n24, n21);
  and g55 (n74, n24, n22);
  and g56 (n75, n74, n19);
  and g57 (n76, n24, n22);
  and g58 (n77, n20, cin);
  and g59 (n78, n76, n77);
  or g60 (n79, n23, n73);
  or g61 (n80, n75, n78);
  or g62 (n81, n79, n80);
  and g63 (n82, n28, n60);
  or g64 (n83, n27, n82);
  and g65 (n84, n30, n27);
  and g66 (n85, n30, n28);
  and g67 (n86, n85, n60);
  or g68 (n87, n29, n84);
  or g69 (n88, n87, n86);
  and g70 (n89, n32, n29);
  and g71 (n90, n32, n30);
  and g72 (n91, n90, n27);
  and g73 (n92, n32, n30);
  and g74 (n93, n28, n60);
  and g75 (n94, n92, n93);
  or g76 (n95, n31, n89);
  or g77 (n96, n91, n94);
  or g78 (n97, n95, n96);
  xor g79 (n98, n20, cin);
  xor g80 (n99, n22, n67);
  xor g81 (n100, n24, n72);
  xor g82 (n101, n26, n81);
  xor g83 (n102, n28, n60);
  xor g84 (n103, n30, n83);
  xor g85 (n104, n32, n88);
  xor g86 (n105, n34, n97);

  assign sum[0] = n98;
  assign sum[1] = n99;
  assign sum[2] = n100;
  assign sum[3] = n101;
  assign sum[4] = n102;
  assign sum[5] = n103;
  assign sum[6] = n104;
  assign sum[7] = n105;
  assign cout = n65;
endmodule
