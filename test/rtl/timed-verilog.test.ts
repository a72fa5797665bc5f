import { describe, expect, it } from 'vitest';
import { NetlistBuilder } from '../../src/ir/builder.js';
import { toTimedTestbench, toTimedVerilog } from '../../src/rtl/timed-verilog.js';
import { UNIT_DELAYS } from '../../src/sim/delays.js';

function tiny() {
  const b = new NetlistBuilder('tiny-timed');
  const a = b.input('a', 2);
  const s = b.input('s', 1);
  const [sum, cout] = b.ha(a[0], a[1]);
  b.output('y', [b.mux(s[0], sum, b.not(cout)), b.and(b.one, b.zero)]);
  return b.build();
}

describe('timed Verilog export (transport delays)', () => {
  it('writes one nonblocking delayed assignment per gate, macros expanded', () => {
    const delays = { ...UNIT_DELAYS, xor: 58, and: 38, mux2: 61, not: 0 };
    expect(toTimedVerilog(tiny(), delays)).toBe(`\`timescale 1ps / 1ps
// tiny-timed: gate-level Verilog with transport delays (one time unit = 1ps), exported by addersim.
// fa/ha cells are expanded into xor/and/or; n<id> is the net id of the expanded netlist.
module tiny_timed (
  input  wire [1:0] a,
  input  wire s,
  output wire [1:0] y
);
  reg n5, n6, n7, n8, n9;
  always @(a[0] or a[1]) n5 <= #58 a[0] ^ a[1];
  always @(a[0] or a[1]) n6 <= #38 a[0] & a[1];
  always @(n6) n7 <= ~n6;
  always @(s or n5 or n7) n8 <= #61 s ? n7 : n5;
  initial n9 = 1'b1 & 1'b0;
  assign y[0] = n8;
  assign y[1] = n9;
endmodule
`);
  });

  it('writes a testbench that replays hex files one vector per period', () => {
    const tb = toTimedTestbench(tiny(), {
      vectors: 3,
      period: 200,
      hexFiles: { a: 'a.hex', s: 's.hex' },
      vcd: 'dump.vcd',
    });
    expect(tb).toContain('  reg [1:0] tb_mem_a [0:2];');
    expect(tb).toContain('    $readmemh("s.hex", tb_mem_s);');
    expect(tb).toContain('    $dumpvars(1, dut);');
    expect(tb).toContain('      #200;');
    expect(toTimedTestbench(tiny(), { vectors: 3, period: 200, hexFiles: {} })).not.toContain(
      '$dump',
    );
  });

  it('refuses registers and missing delays', () => {
    const b = new NetlistBuilder('seq');
    const x = b.input('x', 1);
    const r = b.registerLater(0);
    r.drive(b.not(x[0]));
    b.output('q', [r.q]);
    expect(() => toTimedVerilog(b.build(), UNIT_DELAYS)).toThrow(
      'netlist seq: the timed Verilog export takes combinational netlists only, not 1 registers',
    );
    expect(() => toTimedVerilog(tiny(), { and: 1 })).toThrow(
      'the delay of cell kind xor must be an integer from 0 to 1000000, not nothing',
    );
  });
});
