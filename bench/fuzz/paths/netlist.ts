import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { importNetlist, netlistFromYosysJson } from '../../../src/gen/import/index.js';
import { fromRoot } from '../../../src/paths.js';
import { evaluate } from '../../../src/sim/reference.js';
import type { FuzzPath } from '../harness.js';
import { hostileValue, mutateJson } from '../mutate.js';

/**
 * Imported netlists (`datapath --netlist FILE`): yosys JSON mutated slot by slot, and Verilog
 * mutated token by token and run through yosys (skipped where yosys is not installed). An
 * accepted netlist is simulated on a few inputs: its outputs must be 0/1 words.
 */
const fixture = (name: string) =>
  fromRoot('test', 'gen', 'import', 'fixtures', 'handwritten', name);
const PORTS = { inputs: ['A', 'B'], outputs: ['O'], signed: false } as const;
const JSON_BASE = readFileSync(fixture('gates.json'), 'utf8');
const VERILOG_BASE = readFileSync(fixture('adder4_structural.v'), 'utf8');

/** Simulates an imported netlist on a few operand pairs; an output out of range is NaN. */
function simulate(netlist: ReturnType<typeof importNetlist>): number[] {
  const out: number[] = [];
  for (const [a, b] of [
    [0n, 0n],
    [1n, 2n],
    [3n, 1n],
  ]) {
    const values = evaluate(netlist, { A: a, B: b });
    for (const v of Object.values(values)) out.push(v >= 0n ? 0 : Number.NaN);
  }
  return out;
}

const yosysJson: FuzzPath<[number, unknown][]> = {
  name: 'yosys JSON netlist',
  runs: 300,
  input: fc.array(
    fc.tuple(
      fc.nat(),
      fc.oneof(
        hostileValue,
        fc.constantFrom('0', '1', 'x', '$_AND_', '$_DFF_P_', 'input', 'output'),
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
      ),
    ),
    { minLength: 1, maxLength: 4 },
  ),
  feed: (es) => {
    const json = JSON.parse(JSON_BASE);
    for (const [pick, value] of es) mutateJson(json, pick, value);
    const text = JSON.stringify(json);
    return {
      names: 'fuzz.json',
      call: () => simulate(netlistFromYosysJson(text, 'fuzz.json', PORTS)),
    };
  },
};

const TOKENS = [
  '(',
  ')',
  ';',
  'module',
  'endmodule',
  'assign',
  '[3:0]',
  "1'bx",
  'A',
  'O',
  '+',
  'always @*',
  '`include "x"',
  '$finish;',
  'initial',
  '// ',
  '/*',
];

const verilog: FuzzPath<[number, number, number][]> = {
  name: 'Verilog netlist (through yosys)',
  runs: 60,
  unavailable: () =>
    spawnSync('yosys', ['-V']).status === 0 ? undefined : 'yosys is not installed',
  input: fc.array(fc.tuple(fc.nat(), fc.nat(TOKENS.length - 1), fc.nat(2)), {
    minLength: 1,
    maxLength: 3,
  }),
  feed: (es, scratch) => {
    const words = VERILOG_BASE.split(/(\s+)/);
    for (const [at, t, how] of es) {
      const i = at % words.length;
      if (how === 0) words.splice(i, 1);
      else if (how === 1) words[i] = TOKENS[t];
      else words.splice(i, 0, TOKENS[t], ' ');
    }
    const file = join(scratch, 'fuzz.v');
    writeFileSync(file, words.join(''));
    return { names: file, call: () => simulate(importNetlist(file, { ...PORTS, top: 'adder4' })) };
  },
};

export const paths = [yosysJson, verilog] as FuzzPath[];
