import { describe, expect, it } from 'vitest';
import { rippleCarry } from '../../src/gen/adders/ripple-carry.js';
import { NetlistBuilder } from '../../src/ir/builder.js';
import { evaluate, ReferenceSimulator } from '../../src/sim/reference.js';

describe('reference simulator on a 4-bit ripple-carry adder', () => {
  const b = new NetlistBuilder('rca4');
  const a = b.input('a', 4);
  const c = b.input('b', 4);
  const cin = b.input('cin', 1);
  const { sum, cout } = rippleCarry(b, a, c, cin[0]);
  b.output('sum', sum);
  b.output('cout', [cout]);
  const netlist = b.build();

  it('adds every pair and carry-in like BigInt', () => {
    for (let x = 0n; x < 16n; x++)
      for (let y = 0n; y < 16n; y++)
        for (let ci = 0n; ci < 2n; ci++) {
          const out = evaluate(netlist, { a: x, b: y, cin: ci });
          const total = x + y + ci;
          expect(out.sum).toBe(total & 15n);
          expect(out.cout).toBe(total >> 4n);
        }
  });

  it('steps registers one cycle at a time', () => {
    const r = new NetlistBuilder('delay');
    const d = r.input('d', 1);
    const q1 = r.register(d[0]);
    const q2 = r.register(q1, 1);
    r.output('q', [q2]);
    const sim = new ReferenceSimulator(r.build());
    sim.setInputs({ d: 0n });
    expect(sim.outputs().q).toBe(1n);
    sim.step();
    expect(sim.outputs().q).toBe(0n);
    sim.setInputs({ d: 1n });
    sim.step();
    expect(sim.outputs().q).toBe(0n);
    sim.step();
    expect(sim.outputs().q).toBe(1n);
  });
});
