import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRIMITIVES } from '../../src/cost/ops.js';
import { listTables, loadTable, parseTable, tableNames } from '../../src/cost/tables.js';
import { CELL_KINDS } from '../../src/ir/gates.js';
import { fromRoot } from '../../src/paths.js';

const SHIPPED = [
  'asic-40nm-aladdin',
  'asic-45nm-horowitz',
  'cells-45nm',
  'cpu-arm-neoverse-n1',
  'cpu-x86-skylake',
  'fpga-xilinx-7series',
  'fpga-xilinx-ultrascale',
];

const raw = (name: string) =>
  JSON.parse(readFileSync(fromRoot('cost-tables', `${name}.json`), 'utf8'));
const schema = JSON.parse(readFileSync(fromRoot('cost-tables', 'schema.json'), 'utf8'));

function writeTemp(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'addersim-table-')), 'table.json');
  writeFileSync(file, text);
  return file;
}

describe('shipped cost tables', () => {
  it('are the seven tables, each validating, named like its file', () => {
    expect(tableNames()).toEqual(SHIPPED);
    const listed = listTables();
    expect(listed.map((t) => t.name)).toEqual(SHIPPED);
    for (const t of listed) expect(t.file).toBe(`cost-tables/${t.name}.json`);
    expect(listed.map((t) => t.kind)).toEqual([
      'asic-op',
      'asic-op',
      'asic-cell',
      'cpu',
      'cpu',
      'fpga',
      'fpga',
    ]);
  });

  it('schema enums match the code vocabularies', () => {
    expect(schema.$defs.primitive.enum).toEqual([...PRIMITIVES]);
    expect(schema.$defs.cellKind.enum).toEqual([...CELL_KINDS]);
  });

  it('give a source on every number-carrying row', () => {
    const horowitz = raw('asic-45nm-horowitz');
    for (const row of horowitz.ops) {
      for (const p of row.points ?? []) expect(p.source.length).toBeGreaterThan(0);
      if (row.derivedFrom) expect(row.derivation.length).toBeGreaterThan(0);
    }
    for (const c of raw('cells-45nm').cells) expect(c.source).toContain('NanGate');
    for (const i of raw('cpu-x86-skylake').instructions)
      expect(i.source).toContain('X86SchedSkylakeClient.td');
    for (const i of raw('cpu-arm-neoverse-n1').instructions)
      expect(i.source).toContain('AArch64SchedNeoverseN1.td');
  });
});

describe('broken tables are rejected with one exact line', () => {
  const horowitz = () => raw('asic-45nm-horowitz');

  it('a missing unit (energy instead of energyPj)', () => {
    const t = horowitz();
    t.ops[0].points[0] = { bits: 8, energy: 0.03, source: 'x' };
    expect(() => parseTable(JSON.stringify(t), 'cost-tables/x.json')).toThrow(
      'cost-tables/x.json: /ops/0/points/0 must have only the fields bits, bitsB, energyPj, areaUm2, source, derivation, not "energy"',
    );
  });

  it('a negative energy', () => {
    const t = horowitz();
    t.ops[1].points[1].energyPj = -1;
    expect(() => parseTable(JSON.stringify(t), 'cost-tables/x.json')).toThrow(
      'cost-tables/x.json: /ops/1/points/1/energyPj must be a number >= 0, not -1',
    );
  });

  it('an unknown op', () => {
    const t = horowitz();
    t.ops[2].op = 'div';
    expect(() => parseTable(JSON.stringify(t), 'cost-tables/x.json')).toThrow(
      `cost-tables/x.json: /ops/2/op must be one of ${PRIMITIVES.join(', ')}, not "div"`,
    );
  });

  it('bad JSON', () => {
    expect(() => parseTable('{"name": ', 'cost-tables/x.json')).toThrow(
      /^cost-tables\/x\.json must be valid JSON, not text that fails to parse \(/,
    );
  });

  it('an unknown kind', () => {
    const t = horowitz();
    t.kind = 'gpu';
    expect(() => parseTable(JSON.stringify(t), 't.json')).toThrow(
      't.json: /kind must be one of asic-op, asic-cell, fpga, cpu, not "gpu"',
    );
  });

  it('an op priced twice', () => {
    const t = horowitz();
    t.ops[1].op = 'add';
    expect(() => parseTable(JSON.stringify(t), 't.json')).toThrow(
      't.json: /ops/1/op must name each op once, not "add" a second time',
    );
  });

  it('a derived row whose base has no points', () => {
    const t = horowitz();
    t.ops[2].derivedFrom.op = 'cmp';
    expect(() => parseTable(JSON.stringify(t), 't.json')).toThrow(
      't.json: /ops/2/derivedFrom/op must name a row of this table that has points, not "cmp"',
    );
  });

  it('a cell table missing a cell kind', () => {
    const t = raw('cells-45nm');
    t.cells = t.cells.filter((c: { kind: string }) => c.kind !== 'mux2');
    expect(() => parseTable(JSON.stringify(t), 'c.json')).toThrow(
      `c.json: /cells must price every cell kind (${CELL_KINDS.join(', ')}), not leave out mux2`,
    );
  });

  it('a tap sequence naming an instruction the table lacks', () => {
    const t = raw('cpu-x86-skylake');
    t.tapSequences[0].instructions[0].name = 'VPSADBW zmm';
    expect(() => parseTable(JSON.stringify(t), 'k.json')).toThrow(
      /^k\.json: \/tapSequences\/0\/instructions\/0\/name must be one of the table's instructions \(VPSADBW ymm, .*\), not "VPSADBW zmm"$/,
    );
  });

  it('loads a user file by path with the same checks', () => {
    const good = writeTemp(JSON.stringify(horowitz()));
    expect(loadTable(good).name).toBe('asic-45nm-horowitz');
    const t = horowitz();
    t.ops[0].points[0].energyPj = -1;
    const bad = writeTemp(JSON.stringify(t));
    expect(() => loadTable(bad)).toThrow(
      `${bad}: /ops/0/points/0/energyPj must be a number >= 0, not -1`,
    );
  });

  it('names the choices for an unknown table', () => {
    expect(() => loadTable('no-such-table', '--table')).toThrow(
      `--table must be one of ${SHIPPED.join(', ')} or the path of a table file, not "no-such-table"`,
    );
  });
});
