import { describe, expect, it } from 'vitest';
import type { AdderArch } from '../../../src/gen/adders/index.js';
import { ARITH_OPS } from '../../../src/gen/catalog-arith.js';
import type { DatapathOptions, DatapathSpec } from '../../../src/gen/datapath-spec.js';
import { SeededRandom } from '../../../src/gen/random.js';
import { verifyDatapath } from '../../../src/gen/verify.js';
import type { Netlist } from '../../../src/ir/netlist.js';
import { ReferenceSimulator } from '../../../src/sim/reference.js';
import { SIMULATORS } from '../../helpers/simulators.js';

const spec = (op: string): DatapathSpec => {
  const found = ARITH_OPS.find((s) => s.op === op);
  if (!found) throw new Error(`no catalog entry ${op}`);
  return found;
};

const readings = (s: DatapathSpec) =>
  s.signedness === 'either' ? [false, true] : [s.signedness === 'signed'];

function randomInputs(netlist: Netlist, random: SeededRandom): Record<string, bigint> {
  return Object.fromEntries(netlist.inputs.map((p) => [p.name, random.bits(p.bits.length)]));
}

const mask = (netlist: Netlist, values: Record<string, bigint>) =>
  Object.fromEntries(
    netlist.outputs.map((p) => [p.name, BigInt.asUintN(p.bits.length, values[p.name])]),
  );

describe('arithmetic catalog entries', () => {
  it('lists the ops of part B once each, defaults among their archs', () => {
    expect(ARITH_OPS.map((s) => s.op)).toEqual([
      'mul',
      'popcount',
      'xnor-popcount',
      'acc',
      'pe-adder',
      'pe-mac',
      'pe-xnor',
    ]);
    for (const s of ARITH_OPS) expect(s.archs).toContain(s.defaultArch);
  });

  describe.each(SIMULATORS)('golden models agree with the netlists [$name]', (sim) => {
    it.each(ARITH_OPS.map((s) => s.op))('%s, every arch, 1 to 9 bits', (op) => {
      const s = spec(op);
      const random = new SeededRandom(op.length);
      for (const arch of s.archs) {
        for (const width of [1, 2, 5, 9]) {
          for (const signed of readings(s)) {
            const options: DatapathOptions = { width, arch, signed, adder: 'ripple-carry' };
            const netlist = s.build(options);
            const label = `${arch} ${width} bits signed: ${signed}`;
            if (s.kind === 'combinational') {
              const vectors = Array.from({ length: 64 }, () => randomInputs(netlist, random));
              const batch = Object.fromEntries(
                netlist.inputs.map((p) => [p.name, vectors.map((v) => v[p.name])]),
              );
              const out = sim.evaluateBatch(netlist, batch);
              const actual = vectors.map((_, i) =>
                Object.fromEntries(netlist.outputs.map((p) => [p.name, out[p.name][i]])),
              );
              const expected = vectors.map((v) => mask(netlist, s.golden(options, v)));
              expect(actual, label).toEqual(expected);
            } else {
              const cycles = Array.from({ length: 48 }, () => randomInputs(netlist, random));
              const expected = s.golden(options, cycles).map((o) => mask(netlist, o));
              expect(sim.run(netlist, cycles), label).toEqual(expected);
            }
          }
        }
      }
    });
  });

  it('pass `datapath --verify` with the reference simulator (6-bit sweeps, 8-bit sequences)', () => {
    for (const s of ARITH_OPS) {
      for (const signed of readings(s)) {
        const adder: AdderArch = 'kogge-stone';
        const width = s.kind === 'combinational' ? 6 : 8;
        const options: DatapathOptions = { width, arch: s.defaultArch, signed, adder };
        const result = verifyDatapath(s, options, s.build(options), {
          vectors: 256,
          seed: 1,
          simulator: (n) => new ReferenceSimulator(n),
        });
        expect({ op: s.op, signed, failed: result.failed }).toEqual({
          op: s.op,
          signed,
          failed: 0,
        });
      }
    }
  });

  it('verification tells WRAP from SAT: random sequences overflow the acc entry', () => {
    const acc = spec('acc');
    const wrap: DatapathOptions = { width: 4, arch: 'wrap', signed: true, adder: 'ripple-carry' };
    const result = verifyDatapath(acc, { ...wrap, arch: 'sat' }, acc.build(wrap), {
      vectors: 256,
      seed: 3,
      simulator: (n) => new ReferenceSimulator(n),
    });
    expect(result.failed).toBeGreaterThan(0);
  });
});
