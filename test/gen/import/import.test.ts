import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { buildApproxAdder, buildTruncatedMultiplier } from '../../../src/gen/approx/index.js';
import { importNetlist } from '../../../src/gen/import/index.js';
import type { Netlist } from '../../../src/ir/netlist.js';
import { fromRoot } from '../../../src/paths.js';
import { toVerilog } from '../../../src/rtl/verilog.js';
import { errorMetrics } from '../../../src/sim/error-metrics.js';
import { ReferenceSimulator } from '../../../src/sim/reference.js';
import { hasTool, toolTitle } from '../../eda/tools.js';
import { brokenArray, eta1, loa, truncMul } from '../approx/golden.js';
import { exhaustiveTotals, type Totals } from './totals.js';

/**
 * Verilog through yosys: hand-written approximate circuits (structural and behavioural) and
 * Verilog exported by our own generators, whose error metrics must equal, exactly, the totals
 * of their published definitions summed by BigInt loops here (totals.ts, golden.ts); and
 * hand-written structural, behavioural, signed, sequential and broken files.
 */
const fixture = (...parts: string[]) => fromRoot('test', 'gen', 'import', 'fixtures', ...parts);
const ports = { inputs: ['A', 'B'], outputs: ['O'], signed: false } as const;
const add = (a: bigint, b: bigint) => a + b;
const mul = (a: bigint, b: bigint) => a * b;

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

/** addersim's exhaustive error totals of an imported 8-bit circuit. */
function measuredTotals(
  netlist: Netlist,
  exact: (a: bigint, b: bigint) => bigint,
  names: { operands: [string, string]; result: string[] } = {
    operands: ['A', 'B'],
    result: ['O'],
  },
): Totals {
  const e = errorMetrics(netlist, { ...names, signed: false, exact, vectors: 1, random: () => 0 });
  return { vectors: e.vectors, ...e.sums, mre: e.mre };
}

const HANDWRITTEN: {
  file: string;
  exact: (a: bigint, b: bigint) => bigint;
  golden: (a: bigint, b: bigint) => bigint;
}[] = [
  { file: 'loa8_structural.v', exact: add, golden: (a, b) => loa(4, a, b) },
  { file: 'loa8_behavioural.v', exact: add, golden: (a, b) => loa(4, a, b) },
  { file: 'bam8_behavioural.v', exact: mul, golden: (a, b) => brokenArray(1, 6, 8, a, b) },
  { file: 'trunc_mul8_structural.v', exact: mul, golden: (a, b) => truncMul(3, 8, a, b) },
];

const scratch = mkdtempSync(join(tmpdir(), 'addersim-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!hasTool('yosys'))(
  toolTitle('approximate circuits in Verilog through yosys', 'yosys'),
  () => {
    for (const c of HANDWRITTEN) {
      it(`${c.file}: error metrics equal its definition's exhaustive totals`, () => {
        const netlist = importNetlist(fixture('handwritten', c.file), ports);
        expect(measuredTotals(netlist, c.exact)).toEqual(exhaustiveTotals(8, c.golden, c.exact));
      });
    }

    it('reads back the Verilog our generators export: ETA-I adder and truncated multiplier', () => {
      const eta = join(scratch, 'eta1.v');
      writeFileSync(eta, toVerilog(buildApproxAdder('eta1', 3, 8)));
      const adder = importNetlist(eta, {
        inputs: ['a', 'b'],
        outputs: ['sum', 'cout'],
        signed: false,
      });
      expect(measuredTotals(adder, add, { operands: ['a', 'b'], result: ['sum', 'cout'] })).toEqual(
        exhaustiveTotals(8, (a, b) => eta1(3, a, b), add),
      );
      const trunc = join(scratch, 'trunc.v');
      writeFileSync(trunc, toVerilog(buildTruncatedMultiplier(8, 5)));
      const product = importNetlist(trunc, {
        inputs: ['a', 'b'],
        outputs: ['product'],
        signed: false,
      });
      expect(measuredTotals(product, mul, { operands: ['a', 'b'], result: ['product'] })).toEqual(
        exhaustiveTotals(8, (a, b) => truncMul(5, 8, a, b), mul),
      );
    });

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
