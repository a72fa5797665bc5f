import { describe, expect, it } from 'vitest';
import { buildAdder } from '../../src/gen/adders/index.js';
import { NetlistBuilder } from '../../src/ir/builder.js';
import { toCanonicalText } from '../../src/ir/canonical.js';
import { expandMacros } from '../../src/ir/expand.js';
import { validateNetlist } from '../../src/ir/validate.js';
import { exhaustiveBatch } from '../helpers/conformance.js';
import { SIMULATORS } from '../helpers/simulators.js';

function macros() {
  const b = new NetlistBuilder('macros');
  const x = b.input('x', 3);
  const [s, c] = b.fa(x[0], x[1], x[2]);
  const [hs, hc] = b.ha(x[0], x[1]);
  b.output('fa', [s, c]);
  b.output('ha', [hs, hc]);
  return b.build();
}

describe('expandMacros', () => {
  it('writes fa as 2 xor + 2 and + 1 or and ha as xor + and', () => {
    expect(toCanonicalText(expandMacros(macros()))).toBe(`netlist macros
input x[3]
n0 = xor x[0] x[1]
n1 = xor n0 x[2]
n2 = and x[0] x[1]
n3 = and n0 x[2]
n4 = or n2 n3
n5 = xor x[0] x[1]
n6 = and x[0] x[1]
output fa[2] = n1 n4
output ha[2] = n5 n6
`);
  });

  describe.each(SIMULATORS)('keeps the function [$name]', (sim) => {
    it('on the macro cells, every input', () => {
      const original = macros();
      const batch = exhaustiveBatch(original);
      expect(sim.evaluateBatch(expandMacros(original), batch)).toEqual(
        sim.evaluateBatch(original, batch),
      );
    });

    it('on a 5-bit ripple-carry adder, every input', () => {
      const original = buildAdder('ripple-carry', 5);
      const flat = expandMacros(original);
      expect(flat.cells.some((c) => c.kind === 'fa' || c.kind === 'ha')).toBe(false);
      expect(validateNetlist(flat)).toEqual([]);
      const batch = exhaustiveBatch(original);
      expect(sim.evaluateBatch(flat, batch)).toEqual(sim.evaluateBatch(original, batch));
    });
  });

  it('keeps ports, registers and the other cells', () => {
    const b = new NetlistBuilder('acc');
    const x = b.input('x', 1);
    const r = b.registerLater();
    const [s] = b.ha(x[0], r.q);
    const y = b.not(s);
    r.drive(y);
    b.output('y', [y]);
    const original = b.build();
    const flat = expandMacros(original);
    expect(flat.inputs).toEqual(original.inputs);
    expect(flat.outputs).toEqual(original.outputs);
    expect(flat.registers).toEqual(original.registers);
    expect(flat.cells.map((c) => c.kind)).toEqual(['xor', 'and', 'not']);
    expect(flat.netCount).toBe(original.netCount);
  });
});
