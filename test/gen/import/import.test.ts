import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { importNetlist } from '../../../src/gen/import/index.js';
import { fromRoot } from '../../../src/paths.js';
import { errorMetrics } from '../../../src/sim/error-metrics.js';
import { ReferenceSimulator } from '../../../src/sim/reference.js';
import { hasTool, toolTitle } from '../../eda/tools.js';

/**
 * Verilog through yosys: EvoApproxLib circuits whose error metrics must equal, exactly, the
 * totals their own C models give (fixtures/evoapprox/metrics.json, made by make-metrics.mjs
 * with gcc), and hand-written structural, behavioural, signed, sequential and broken files.
 */
const fixture = (...parts: string[]) => fromRoot('test', 'gen', 'import', 'fixtures', ...parts);

interface FixtureMetrics {
  file: string;
  op: 'add' | 'mul';
  vectors: number;
  absolute: string;
  signed: string;
  squared: string;
  worst: string;
  errorVectors: number;
  relativeVectors: number;
  mre: number;
}
const EVOAPPROX: { commit: string; metrics: FixtureMetrics[] } = JSON.parse(
  readFileSync(fixture('evoapprox', 'metrics.json'), 'utf8'),
);
const ports = { inputs: ['A', 'B'], outputs: ['O'], signed: false } as const;

/** Every input vector from 0 to 2^bits − 1 through the reference simulator. */
function exhaustive(
  netlist: ReturnType<typeof importNetlist>,
  check: (a: bigint, b: bigint, out: Record<string, bigint>) => void,
  bits: number,
  signed = false,
): void {
  const sim = new ReferenceSimulator(netlist);
  const read = (x: bigint) => (signed ? BigInt.asIntN(bits, x) : x);
  for (let a = 0n; a < 1n << BigInt(bits); a++) {
    for (let b = 0n; b < 1n << BigInt(bits); b++) {
      sim.setInputs({ A: a, B: b });
      check(read(a), read(b), sim.outputs());
    }
  }
}

describe.skipIf(!hasTool('yosys'))(
  toolTitle('EvoApproxLib circuits through yosys', 'yosys'),
  () => {
    for (const m of EVOAPPROX.metrics) {
      it(`${m.file}: error metrics equal its C model's exhaustive totals`, () => {
        const netlist = importNetlist(fixture('evoapprox', m.file), ports);
        const e = errorMetrics(netlist, {
          operands: ['A', 'B'],
          result: ['O'],
          signed: false,
          exact: m.op === 'add' ? (a, b) => a + b : (a, b) => a * b,
          vectors: 1,
          random: () => 0,
        });
        expect({ vectors: e.vectors, ...e.sums, mre: e.mre }).toEqual({
          vectors: m.vectors,
          absolute: m.absolute,
          signed: m.signed,
          squared: m.squared,
          worst: m.worst,
          errorVectors: m.errorVectors,
          relativeVectors: m.relativeVectors,
          mre: m.mre,
        });
      });
    }

    it('reads a structural adder (gate primitives, a submodule, generate) as a + b', () => {
      const netlist = importNetlist(fixture('handwritten', 'adder4_structural.v'), ports);
      expect(netlist.name).toBe('adder4');
      exhaustive(netlist, (a, b, out) => expect(out.O).toBe(a + b), 4);
    });

    it('reads a behavioural |a − b|, with yosys muxes', () => {
      const netlist = importNetlist(fixture('handwritten', 'absdiff4_behavioural.v'), ports);
      expect(netlist.cells.some((c) => c.kind === 'mux2')).toBe(true);
      exhaustive(netlist, (a, b, out) => expect(out.O).toBe(a > b ? a - b : b - a), 4);
    });

    it('reads a signed multiplier when asked to, and refuses to read it unsigned', () => {
      const file = fixture('handwritten', 'mul4_signed.v');
      const netlist = importNetlist(file, { ...ports, signed: true });
      expect(netlist.inputs.map((p) => p.signed)).toEqual([true, true]);
      exhaustive(netlist, (a, b, out) => expect(out.O).toBe(BigInt.asUintN(8, a * b)), 4, true);
      expect(() => importNetlist(file, ports)).toThrow(
        new InputError(`${file}: port A is declared signed; read it with --signed`),
      );
    });

    it('maps flip-flops onto registers clocked by the implicit clock', () => {
      const netlist = importNetlist(fixture('handwritten', 'add4_registered.v'), ports);
      expect([netlist.registers.length, netlist.inputs.map((p) => p.name)]).toEqual([
        5,
        ['A', 'B'],
      ]);
      const sim = new ReferenceSimulator(netlist);
      sim.setInputs({ A: 9n, B: 12n });
      expect(sim.outputs().O).toBe(0n);
      sim.step();
      sim.setInputs({ A: 1n, B: 1n });
      expect(sim.outputs().O).toBe(21n);
    });

    it('takes the module --top names, else the top yosys picks', () => {
      const file = fixture('handwritten', 'two_tops.v');
      expect(importNetlist(file, { ...ports, top: 'first_one' }).name).toBe('first_one');
      expect(importNetlist(file, ports).name).toBe('second_one');
    });

    it('reports malformed Verilog in one line, with yosys’ own message', () => {
      const file = fixture('handwritten', 'malformed.v');
      // The wording after "line 3:" is yosys' and varies between its versions.
      const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(() => importNetlist(file, ports)).toThrow(InputError);
      expect(() => importNetlist(file, ports)).toThrow(
        new RegExp(`^${escaped}: yosys could not read it: line 3: syntax error\\b[^\\n]*$`),
      );
    });

    it('refuses a --top that is not a Verilog identifier before running yosys', () => {
      expect(() =>
        importNetlist(fixture('handwritten', 'two_tops.v'), { ...ports, top: 'x; shell rm' }),
      ).toThrow(new InputError('--top must be a Verilog module name, not "x; shell rm"'));
    });
  },
);

describe('Verilog without yosys', () => {
  it('says yosys is missing and how to install it', () => {
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      const file = fixture('handwritten', 'adder4_structural.v');
      expect(() => importNetlist(file, ports)).toThrow(
        new InputError(
          `${file}: reading Verilog needs yosys, which is not on the PATH (apt-get install yosys), or give a yosys JSON netlist`,
        ),
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
