import { describe, expect, it } from 'vitest';
import { buildAdder } from '../../src/gen/adders/index.js';
import { NetlistBuilder } from '../../src/ir/builder.js';
import { toCanonicalText } from '../../src/ir/canonical.js';
import type { Netlist } from '../../src/ir/netlist.js';

describe('toCanonicalText', () => {
  it('prints a 1-bit ripple-carry adder as one full adder', () => {
    expect(
      toCanonicalText(buildAdder('ripple-carry', 1)),
    ).toBe(`netlist ripple-carry-1 (arch=ripple-carry width=1)
input a[1] -- first addend
input b[1] -- second addend
input cin[1] -- carry-in
n0 n1 = fa a[0] b[0] cin[0]
output sum[1] = n0 -- a + b + cin, low width bits
output cout[1] = n1 -- carry-out: bit width of a + b + cin read unsigned
`);
  });

  it('prints a 2-bit ripple-carry adder as a chain of two full adders', () => {
    expect(
      toCanonicalText(buildAdder('ripple-carry', 2)),
    ).toBe(`netlist ripple-carry-2 (arch=ripple-carry width=2)
input a[2] -- first addend
input b[2] -- second addend
input cin[1] -- carry-in
n0 n1 = fa a[0] b[0] cin[0]
n2 n3 = fa a[1] b[1] n1
output sum[2] = n0 n2 -- a + b + cin, low width bits
output cout[1] = n3 -- carry-out: bit width of a + b + cin read unsigned
`);
  });

  it('prints a 2-bit Kogge-Stone adder: bit-0 full adder, one gray prefix cell', () => {
    expect(
      toCanonicalText(buildAdder('kogge-stone', 2)),
    ).toBe(`netlist kogge-stone-2 (arch=kogge-stone width=2)
input a[2] -- first addend
input b[2] -- second addend
input cin[1] -- carry-in
n0 n1 = fa a[0] b[0] cin[0]
n2 = xor a[1] b[1]
n3 = xor n2 n1
n4 = and a[1] b[1]
n5 = and n2 n1
n6 = or n4 n5
output sum[2] = n0 n3 -- a + b + cin, low width bits
output cout[1] = n6 -- carry-out: bit width of a + b + cin read unsigned
`);
  });

  it('prints a 1-bit conditional-sum adder: both carry-ins, then muxes on cin', () => {
    expect(
      toCanonicalText(buildAdder('conditional-sum', 1)),
    ).toBe(`netlist conditional-sum-1 (arch=conditional-sum width=1)
input a[1] -- first addend
input b[1] -- second addend
input cin[1] -- carry-in
n0 = xor a[0] b[0]
n1 = xnor a[0] b[0]
n2 = mux2 cin[0] n0 n1
n3 = and a[0] b[0]
n4 = or a[0] b[0]
n5 = mux2 cin[0] n3 n4
output sum[1] = n2 -- a + b + cin, low width bits
output cout[1] = n5 -- carry-out: bit width of a + b + cin read unsigned
`);
  });

  it('does not depend on the order cells were created in, nor on net ids', () => {
    const forward = new NetlistBuilder('pair');
    const fx = forward.input('x', 2);
    const fp = forward.and(fx[0], fx[1]);
    const fq = forward.xor(fx[0], fx[1]);
    forward.output('y', [fp, forward.or(fp, fq)]);
    const backward = new NetlistBuilder('pair');
    const bx = backward.input('x', 2);
    const bq = backward.xor(bx[0], bx[1]);
    const bp = backward.and(bx[0], bx[1]);
    backward.output('y', [bp, backward.or(bp, bq)]);
    const one = forward.build();
    const two = backward.build();
    expect(one.cells).not.toEqual(two.cells);
    expect(toCanonicalText(two)).toBe(toCanonicalText(one));
  });

  it('tells apart circuits that differ in one gate', () => {
    const make = (kind: 'and' | 'or'): Netlist => {
      const b = new NetlistBuilder('g');
      const x = b.input('x', 2);
      b.output('y', [b.cell(kind, x[0], x[1])[0]]);
      return b.build();
    };
    expect(toCanonicalText(make('and'))).not.toBe(toCanonicalText(make('or')));
  });

  it('prints registers, signed ports, constants and unreachable logic', () => {
    const b = new NetlistBuilder('toggle', { width: 1 });
    const en = b.input('en', 1, { signed: true });
    const state = b.registerLater(1);
    const next = b.xor(state.q, en[0]);
    state.drive(next);
    b.and(en[0], b.one); // drives nothing
    b.output('q', [state.q, b.zero]);
    expect(toCanonicalText(b.build())).toBe(`netlist toggle (width=1)
input en[1] signed
n0 = xor q0 en[0]
q0 = register d=n0 init=1
output q[2] = q0 0
# unreachable
n1 = and en[0] 1
`);
  });

  it('walks a 256-bit ripple chain without overflowing the stack', () => {
    const text = toCanonicalText(buildAdder('ripple-carry', 256));
    expect(text.split('\n').filter((l) => l.includes('= fa '))).toHaveLength(256);
  });
});
