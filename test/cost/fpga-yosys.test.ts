import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fpgaUnit, withMultiplier } from '../../src/cost/fpga.js';
import type { FpgaTable } from '../../src/cost/table-types.js';
import { loadTable } from '../../src/cost/tables.js';
import { fromRoot } from '../../src/paths.js';

/**
 * The FPGA model's LUT and CARRY4 counts against yosys `synth_xilinx -family xc7 -nodsp` at
 * widths 4 to 16. The reference numbers were produced by scripts/yosys-fpga-reference.sh (its
 * yosys version and script are recorded in the file); the model must stay within:
 *   LUTs    15 % of yosys (adders, |a-b|, accumulators at every width; multipliers from 6 bits,
 *           60 % at 4 bits, where abc packs a 4x4 product into 26 LUTs)
 *   CARRY4  1 cell of yosys (yosys also chains the carry-out bit).
 * The behavioural form (`+`, `*`) is the reference: the rules describe carry-chain mapping,
 * which yosys infers from arithmetic only; the structural export's counts are recorded beside.
 */
interface Row {
  readonly circuit: 'add' | 'absdiff' | 'acc' | 'mul';
  readonly bits: number;
  readonly behavioural: { readonly luts: number; readonly carry4: number };
  readonly structural: { readonly luts: number; readonly carry4: number };
}

const FILE = 'cost-tables/reference/yosys-xilinx-7series.json';
const reference = JSON.parse(readFileSync(fromRoot(FILE), 'utf8')) as {
  yosys: string;
  script: string;
  circuits: Row[];
};
const table = withMultiplier(loadTable('fpga-xilinx-7series') as FpgaTable, 'lut');

/** The model's LUTs and carry cells of the circuit, from the table's per-op rules. */
function model(row: Row): { luts: number; carry4: number } {
  const n = row.bits;
  const units =
    row.circuit === 'absdiff'
      ? [fpgaUnit(table, { op: 'sub', bits: n }), fpgaUnit(table, { op: 'abs', bits: n + 1 })]
      : row.circuit === 'mul'
        ? [fpgaUnit(table, { op: 'mul', bits: n })]
        : [fpgaUnit(table, { op: 'add', bits: n })];
  return {
    luts: units.reduce((s, u) => s + u.luts, 0),
    carry4: units.reduce((s, u) => s + u.carryCells, 0),
  };
}

describe('FPGA LUT and CARRY4 counts against yosys synth_xilinx', () => {
  it('records the yosys version and script of the reference', () => {
    expect(reference.yosys).toMatch(/^Yosys \d+\.\d+/);
    expect(reference.script).toMatch(/^synth_xilinx -family xc7 -nodsp/);
    const circuits = new Set(reference.circuits.map((r) => `${r.circuit}:${r.bits}`));
    for (const c of ['add', 'absdiff', 'acc', 'mul'])
      for (const n of [4, 6, 8, 10, 12, 16]) expect(circuits.has(`${c}:${n}`)).toBe(true);
  });

  it.each(reference.circuits)('$circuit at $bits bits is within tolerance', (row) => {
    const m = model(row);
    const y = row.behavioural;
    const tolerance = row.circuit === 'mul' && row.bits < 6 ? 0.6 : 0.15;
    expect(Math.abs(m.luts - y.luts)).toBeLessThanOrEqual(tolerance * y.luts);
    expect(Math.abs(m.carry4 - y.carry4)).toBeLessThanOrEqual(1);
  });

  const yosys = spawnSync('yosys', ['-V'], { encoding: 'utf8' });
  const has = yosys.status === 0;
  it.skipIf(!has)(
    'is reproduced by the installed yosys (skipped when yosys is not on the PATH)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'addersim-yosys-'));
      const file = join(dir, 'add8.v');
      writeFileSync(
        file,
        'module top(input [7:0] a, input [7:0] b, input cin, output [7:0] sum, output cout);\n  assign {cout, sum} = a + b + cin;\nendmodule\n',
      );
      const stat = join(dir, 'stat.txt');
      execFileSync(
        'yosys',
        [
          '-q',
          '-p',
          `synth_xilinx -family xc7 -nodsp -flatten -top top; tee -o ${stat} stat`,
          file,
        ],
        { stdio: 'ignore' },
      );
      const text = readFileSync(stat, 'utf8');
      const sum = (re: RegExp) => [...text.matchAll(re)].reduce((s, m) => s + Number(m[1]), 0);
      const row = reference.circuits.find((r) => r.circuit === 'add' && r.bits === 8) as Row;
      expect({
        luts: sum(/^\s+LUT[1-6]\s+(\d+)$/gm),
        carry4: sum(/^\s+CARRY4\s+(\d+)$/gm),
      }).toEqual(row.behavioural);
    },
  );
});
