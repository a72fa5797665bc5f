import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { importNetlist, netlistFromYosysJson } from '../../../src/gen/import/index.js';
import { fromRoot } from '../../../src/paths.js';
import { ReferenceSimulator } from '../../../src/sim/reference.js';

/**
 * The yosys JSON reader, no yosys needed: every mapped gate against its truth table, and the
 * file treated as hostile — each malformation refused with its one-line message, and random
 * mutations of a valid file either read as a valid netlist or refused as InputError.
 */
const fixture = (name: string) =>
  fromRoot('test', 'gen', 'import', 'fixtures', 'handwritten', name);
const ports = { inputs: ['A', 'B'], outputs: ['O'], signed: false } as const;

interface ModuleJson {
  ports: Record<string, { direction: string; bits: unknown[] }>;
  cells: Record<string, { type: string; connections: Record<string, unknown[]> }>;
}

/** A 1-bit half adder: O = {A & B, A ^ B}. */
function halfAdder(): { creator: string; modules: Record<string, ModuleJson> } {
  return {
    creator: 'test',
    modules: {
      ha: {
        ports: {
          A: { direction: 'input', bits: [2] },
          B: { direction: 'input', bits: [3] },
          O: { direction: 'output', bits: [4, 5] },
        },
        cells: {
          s: { type: '$_XOR_', connections: { A: [2], B: [3], Y: [4] } },
          c: { type: '$_AND_', connections: { A: [2], B: [3], Y: [5] } },
        },
      },
    },
  };
}
const read = (json: unknown) => netlistFromYosysJson(JSON.stringify(json), 'n.json', ports);
const edit = (change: (m: ModuleJson) => void) => {
  const json = halfAdder();
  change(json.modules.ha);
  return json;
};

describe('yosys JSON import', () => {
  it('maps every gate it knows onto the IR, checked on all 16 inputs', () => {
    const netlist = importNetlist(fixture('gates.json'), ports);
    const sim = new ReferenceSimulator(netlist);
    for (let a = 0; a < 4; a++) {
      for (let b = 0; b < 4; b++) {
        sim.setInputs({ A: BigInt(a), B: BigInt(b) });
        const [a0, a1, b0, b1] = [a & 1, a >> 1, b & 1, b >> 1];
        // O bit by bit, as gates.json lists them; bit 11 is the constant 1, bit 12 is A[0].
        const bits = [
          a0 & b0,
          a0 | b0,
          a0 ^ b0,
          1 - (a0 & b0),
          1 - (a0 | b0),
          1 - (a0 ^ b0),
          1 - a1,
          b1,
          a1 & (1 - b1),
          a1 | (1 - b1),
          a0 ? b1 : a1,
          1,
          a0,
        ];
        const want = bits.reduce((v, x, i) => v | (BigInt(x) << BigInt(i)), 0n);
        expect({ a, b, O: sim.outputs().O }).toEqual({ a, b, O: want });
      }
    }
  });

  it('reads a minimal netlist written by hand', () => {
    const netlist = read(halfAdder());
    expect([netlist.name, netlist.cells.map((c) => c.kind)]).toEqual(['ha', ['xor', 'and']]);
  });

  const refusals: [string, unknown, string][] = [
    ['text that is not JSON', '{"modules": ', 'n.json: is not valid JSON ('],
    [
      'modules that are not an object',
      { modules: [] },
      'n.json: modules must be a JSON object, not an array',
    ],
    ['an unknown top', halfAdder(), 'n.json: has no module "nope"; it has ha'],
    [
      'a word-level cell',
      edit((m) => {
        m.cells.s.type = '$xor';
      }),
      "n.json: cell s has type $xor, which has no gate in addersim's cell set (give the Verilog file to have yosys map it to gates)",
    ],
    [
      'a pin with two bits',
      edit((m) => {
        m.cells.s.connections.A = [2, 3];
      }),
      'n.json: cell s ($_XOR_): pin A must connect one bit, not [2,3]',
    ],
    [
      'an undefined bit',
      edit((m) => {
        m.ports.O.bits = ['x', 5];
      }),
      'n.json: port O[0] is undefined (x); every bit must be driven',
    ],
    [
      'a bit id that is not an integer',
      edit((m) => {
        m.cells.c.connections.B = [3.5];
      }),
      'n.json: cell c ($_AND_) pin B must be a net id from 2 to 2147483647 or "0"/"1", not 3.5',
    ],
    [
      'a net driven twice',
      edit((m) => {
        m.cells.c.connections.Y = [4];
      }),
      'n.json: cell c: net 4 is driven twice',
    ],
    [
      'a cell driving an input',
      edit((m) => {
        m.cells.c.connections.Y = [2];
      }),
      'n.json: cell c: net 2 is driven twice',
    ],
    [
      'an undriven net',
      edit((m) => {
        m.cells.c.connections.B = [99];
      }),
      'n.json: is not a valid netlist: cell 1 (and): net 6 is undriven',
    ],
    [
      'a combinational cycle',
      edit((m) => {
        m.cells.s.connections.A = [5];
        m.cells.c.connections.A = [4];
      }),
      'n.json: is not a valid netlist: combinational cycle: a loop of cells without a register',
    ],
    [
      'an input port --ports does not name',
      edit((m) => {
        m.ports.C = { direction: 'input', bits: [9] };
      }),
      'n.json: has input port C, which --ports does not name (operands: A, B)',
    ],
    [
      'a missing result port',
      edit((m) => {
        delete m.ports.O;
      }),
      'n.json: has no output port O (--ports); its ports are A (input), B (input)',
    ],
    [
      'an inout port',
      edit((m) => {
        m.ports.O.direction = 'inout';
      }),
      'n.json: port O must have direction input or output, not "inout"',
    ],
    [
      'a constant input bit',
      edit((m) => {
        m.ports.A.bits = ['1'];
      }),
      'n.json: input port A has a constant bit',
    ],
    [
      'a negative-edge flip-flop',
      edit((m) => {
        m.cells.c.type = '$_DFF_N_';
      }),
      "n.json: cell c has type $_DFF_N_, which has no gate in addersim's cell set (give the Verilog file to have yosys map it to gates)",
    ],
    [
      'a cell name with a line break, quoted so the message stays one line',
      edit((m) => {
        m.cells['x\ny'] = { type: '$add', connections: {} };
      }),
      `n.json: cell "x\\ny" has type $add, which has no gate in addersim's cell set (give the Verilog file to have yosys map it to gates)`,
    ],
    [
      'a flip-flop clocked by an operand',
      edit((m) => {
        m.cells.c = { type: '$_DFF_P_', connections: { C: [2], D: [4], Q: [5] } };
      }),
      'n.json: flip-flops must all be clocked by one 1-bit input port that is not an operand',
    ],
  ];
  for (const [what, json, message] of refusals) {
    it(`refuses ${what} in one line`, () => {
      const text = typeof json === 'string' ? json : JSON.stringify(json);
      const top = what === 'an unknown top' ? 'nope' : undefined;
      const attempt = () => netlistFromYosysJson(text, 'n.json', { ...ports, top });
      expect(attempt).toThrow(InputError);
      if (message.endsWith('(')) expect(attempt).toThrow(message);
      else expect(attempt).toThrow(new InputError(message));
    });
  }

  it('refuses the word-level fixture, naming the cell and its type', () => {
    const file = fixture('word_level.json');
    expect(() => importNetlist(file, ports)).toThrow(
      new InputError(
        `${file}: cell $add$add2.v:3$1 has type $add, which has no gate in addersim's cell set (give the Verilog file to have yosys map it to gates)`,
      ),
    );
  });

  it('refuses files of other kinds and missing files', () => {
    expect(() => importNetlist(fixture('nothing.json'), ports)).toThrow(
      new InputError(
        `--netlist must be an existing .json, .v or .sv file, not ${JSON.stringify(fixture('nothing.json'))}`,
      ),
    );
    const readme = fromRoot('README.md');
    expect(() => importNetlist(readme, ports)).toThrow(
      new InputError(
        `--netlist must name a .json (yosys) or .v/.sv (Verilog) file, not ${JSON.stringify(readme)}`,
      ),
    );
  });

  it('either reads a mutated file as a valid netlist or refuses it as InputError', () => {
    const base = readFileSync(fixture('gates.json'), 'utf8');
    const values = fc.oneof(
      fc.integer({ min: -3, max: 40 }),
      fc.constantFrom('0', '1', 'x', '$_AND_', '$_DFF_P_', 'input', 'output', '__proto__'),
      fc.constant(null),
      fc.constant([]),
      fc.constant({}),
      fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), values), { minLength: 1, maxLength: 4 }), (edits) => {
        const json = JSON.parse(base);
        for (const [pick, value] of edits) mutate(json, pick, value);
        try {
          netlistFromYosysJson(JSON.stringify(json), 'fuzz.json', ports);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(e.message.startsWith('fuzz.json: ') && !e.message.includes('\n')).toBe(true);
        }
      }),
      { numRuns: 400, seed: 0x5eed },
    );
  });
});

/** Replaces the value at the `pick`-th position of a depth-first walk of the JSON tree. */
function mutate(root: unknown, pick: number, value: unknown): void {
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    for (const key of Object.keys(node)) {
      const container = node as Record<string, unknown>;
      slots.push([container, Array.isArray(node) ? Number(key) : key]);
      walk(container[key]);
    }
  };
  walk(root);
  const [container, key] = slots[pick % slots.length];
  (container as Record<string | number, unknown>)[key] = value;
}
