import { describe, expect, it } from 'vitest';
import { ADDERS } from '../../src/gen/adders/index.js';
import { DATAPATH_OPS, findDatapathOp } from '../../src/gen/catalog.js';
import { ADDER_OPS } from '../../src/gen/catalog-adders.js';
import type { DatapathOptions, DatapathSpec } from '../../src/gen/datapath-spec.js';
import { verifyDatapath } from '../../src/gen/verify.js';
import { NetlistBuilder } from '../../src/ir/builder.js';
import { ReferenceSimulator } from '../../src/sim/reference.js';

const simulator = (n: ConstructorParameters<typeof ReferenceSimulator>[0]) =>
  new ReferenceSimulator(n);

function readings(spec: DatapathSpec): boolean[] {
  return spec.signedness === 'either' ? [false, true] : [spec.signedness === 'signed'];
}

describe('datapath catalog: adder family', () => {
  it('registers add, sub, addsub, absdiff, cmp, minmax, neg and add3 once each', () => {
    const ops = DATAPATH_OPS.map((s) => s.op);
    for (const op of ['add', 'sub', 'addsub', 'absdiff', 'cmp', 'minmax', 'neg', 'add3']) {
      expect(ops.filter((o) => o === op)).toEqual([op]);
    }
    expect(findDatapathOp('absdiff')?.archs).toEqual([
      'sub-negate',
      'dual-sub-mux',
      'ones-complement',
    ]);
    expect(findDatapathOp('nope')).toBeUndefined();
  });

  it('has a default arch among the archs of every op', () => {
    for (const spec of DATAPATH_OPS)
      expect([spec.op, spec.archs.includes(spec.defaultArch)]).toEqual([spec.op, true]);
  });

  for (const spec of ADDER_OPS) {
    it(`${spec.op}: every arch and reading passes exhaustive (3 bits) and random (12 bits) checks`, () => {
      for (const arch of spec.archs) {
        for (const signed of readings(spec)) {
          for (const width of [3, 12]) {
            const options: DatapathOptions = { width, arch, signed, adder: 'han-carlson' };
            const netlist = spec.build(options);
            const result = verifyDatapath(spec, options, netlist, {
              vectors: 60,
              seed: 1,
              simulator,
            });
            expect({
              op: spec.op,
              arch,
              signed,
              width,
              failed: result.failed,
              mode: result.mode,
            }).toEqual({
              op: spec.op,
              arch,
              signed,
              width,
              failed: 0,
              mode: width === 3 ? 'exhaustive' : 'random',
            });
            expect(result.passed).toBe(
              width === 3 ? 2 ** netlist.inputs.reduce((s, p) => s + p.bits.length, 0) : 60,
            );
          }
        }
      }
    });
  }

  it('builds the declared extreme widths', () => {
    for (const spec of ADDER_OPS) {
      for (const width of [spec.widths.min, spec.widths.max]) {
        const netlist = spec.build({
          width,
          arch: spec.defaultArch,
          signed: spec.signedness === 'signed',
          adder: 'ripple-carry',
        });
        expect(netlist.inputs[0].bits).toHaveLength(width);
      }
    }
  });
});

describe('verifyDatapath', () => {
  const add = findDatapathOp('add')!;
  const options: DatapathOptions = {
    width: 6,
    arch: 'kogge-stone',
    signed: false,
    adder: 'ripple-carry',
  };

  it('reports a broken netlist: one and gate turned into an or', () => {
    const good = add.build(options);
    const index = good.cells.findIndex((c) => c.kind === 'and');
    const broken = {
      ...good,
      cells: good.cells.map((c, i) => (i === index ? { ...c, kind: 'or' as const } : c)),
    };
    const result = verifyDatapath(add, options, broken, { vectors: 0, seed: 0, simulator });
    expect(result.mode).toBe('exhaustive');
    expect(result.failed).toBeGreaterThan(0);
    expect(result.passed + result.failed).toBe(2 ** 13);
    const m = result.firstMismatch!;
    const total = m.inputs.a + m.inputs.b + m.inputs.cin;
    expect(m.expected).toEqual({ sum: total % 64n, cout: total >> 6n });
    expect(m.actual).not.toEqual(m.expected);
  });

  it('draws the same random vectors for the same seed', () => {
    const wide = { ...options, width: 16 };
    const netlist = add.build(wide);
    const broken = {
      ...netlist,
      cells: netlist.cells.map((c) => (c.kind === 'and' ? { ...c, kind: 'nand' as const } : c)),
    };
    const run = (seed: number) =>
      verifyDatapath(add, wide, broken, { vectors: 30, seed, simulator });
    expect(run(5)).toEqual(run(5));
    expect(run(5).firstMismatch).not.toEqual(run(6).firstMismatch);
    expect(run(5).vectors).toBe(30);
  });

  it('checks sequential ops cycle by cycle from reset, in sequences', () => {
    // A 6-bit running sum of a 4-bit input: out = sum of the inputs of the earlier cycles.
    const build = () => {
      const b = new NetlistBuilder('running-sum');
      const x = b.input('x', 4);
      const regs = Array.from({ length: 6 }, () => b.registerLater());
      const q = regs.map((r) => r.q);
      const { sum } = ADDERS['ripple-carry'](b, q, [...x, b.zero, b.zero]);
      regs.forEach((r, i) => {
        r.drive(sum[i]);
      });
      b.output('out', q);
      return b.build();
    };
    const spec = (skew: bigint): DatapathSpec => ({
      op: 'running-sum',
      kind: 'sequential',
      describe: 'test',
      archs: ['ripple-carry'],
      defaultArch: 'ripple-carry',
      widths: { min: 4, max: 4 },
      signedness: 'unsigned',
      sequenceLength: 7,
      build,
      golden: (_o, cycles) => {
        let total = 0n;
        return cycles.map(({ x }) => {
          const out = total;
          total += x;
          return { out: out + skew };
        });
      },
    });
    const seqOptions: DatapathOptions = {
      width: 4,
      arch: 'ripple-carry',
      signed: false,
      adder: 'ripple-carry',
    };
    const ok = verifyDatapath(spec(0n), seqOptions, build(), { vectors: 50, seed: 2, simulator });
    expect(ok).toEqual({ mode: 'random', vectors: 50, passed: 50, failed: 0 });
    const off = verifyDatapath(spec(1n), seqOptions, build(), { vectors: 50, seed: 2, simulator });
    expect([off.failed, off.firstMismatch?.cycle]).toEqual([50, 0]);
  });
});
