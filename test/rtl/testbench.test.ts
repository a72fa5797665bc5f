import { describe, expect, it } from 'vitest';
import { NetlistBuilder } from '../../src/ir/builder.js';
import { toTestbench } from '../../src/rtl/testbench.js';

function inverter(sequential: boolean) {
  const b = new NetlistBuilder('inv');
  const a = b.input('a', 2);
  const y = a.map((x) => b.not(x));
  b.output('y', sequential ? y.map((x) => b.register(x)) : y);
  return b.build();
}

describe('Verilog testbench writer', () => {
  it('replays each vector and compares every output with ===', () => {
    const text = toTestbench(inverter(false), [
      { inputs: { a: 0n }, outputs: { y: 3n } },
      { inputs: { a: 2n }, outputs: { y: 1n } },
    ]);
    expect(text).toContain('  inv dut (.a(a), .y(y));\n');
    expect(text).toContain('      if (y === tb_exp_y) tb_pass = tb_pass + 1;\n');
    expect(text).toContain(
      "    a = 2'h0; tb_check(2'h3, 0);\n    a = 2'h2; tb_check(2'h1, 1);\n    $display(\"PASS %0d FAIL %0d\", tb_pass, tb_fail);\n    $finish;\n",
    );
    expect(text).not.toContain('clk');
  });

  it('resets a sequential module, then clocks once per vector', () => {
    const text = toTestbench(inverter(true), [{ inputs: { a: 1n }, outputs: { y: 0n } }]);
    expect(text).toContain('  inv dut (.clk(clk), .rst(rst), .a(a), .y(y));\n');
    expect(text).toContain(
      "    a = 2'h0;\n    #1 clk = 1'b1;\n    #1 clk = 1'b0;\n    rst = 1'b0;\n    a = 2'h1; tb_check(2'h0, 0);\n    clk = 1'b1; #1 clk = 1'b0;\n",
    );
  });

  it('refuses a vector that lacks a port', () => {
    expect(() => toTestbench(inverter(false), [{ inputs: {}, outputs: { y: 0n } }])).toThrow(
      'test vector has no value for port a',
    );
  });
});
