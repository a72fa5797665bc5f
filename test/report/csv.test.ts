import { expect, test } from 'vitest';
import { encodeCsv } from '../../src/report/csv.js';
import { csvFiles } from '../../src/report/csv-tables.js';
import { makeFixture } from './fixture.js';

/**
 * An RFC 4180 reader written for this test, independent of the writer: a character state
 * machine over quoted and unquoted fields. Records end in CRLF; a bare LF or CR inside quotes
 * is data, outside quotes it is an error (the RFC allows only CRLF there).
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStart = true;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
        if (text[i] !== ',' && text[i] !== '\r')
          throw new Error(`text after closing quote at ${i}`);
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      i += 1;
    } else if (c === ',') {
      record.push(field);
      field = '';
      fieldStart = true;
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStart = true;
      i += 2;
    } else if (c === '\r' || c === '\n' || c === '"') {
      throw new Error(`bare ${JSON.stringify(c)} outside quotes at ${i}`);
    } else {
      field += c;
      fieldStart = false;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('last record lacks its CRLF');
  return records;
}

test('tricky fields round-trip through an independent reader', () => {
  const rows = [
    ['plain', 'a,b', 'say "hi"', 'two\r\nlines', 'lf\nonly', '', ' spaced '],
    ['"', ',', '""', 'µm² ×', 'end', 'x', 'y'],
  ];
  const text = encodeCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g'], rows);
  expect(parseCsv(text)).toEqual([['a', 'b', 'c', 'd', 'e', 'f', 'g'], ...rows]);
});

test('numbers are written exactly and null as an empty field', () => {
  const text = encodeCsv(['n'], [[0.1 + 0.2], [40_000_000_000], [null], [1e-7], [-3]]);
  expect(text).toBe('n\r\n0.30000000000000004\r\n40000000000\r\n\r\n1e-7\r\n-3\r\n');
  const back = parseCsv(text)
    .slice(1)
    .map((r) => r[0]);
  expect(back.map((s) => (s === '' ? null : Number(s)))).toEqual([
    0.1 + 0.2,
    40_000_000_000,
    null,
    1e-7,
    -3,
  ]);
});

test('every report CSV parses, is rectangular, and holds the exact values', () => {
  const r = makeFixture();
  const files = new Map(csvFiles(r).map((f) => [f.name, parseCsv(f.text)]));
  expect([...files.keys()]).toEqual([
    'run.csv',
    'accuracy.csv',
    'energy-asic.csv',
    'memory-levels.csv',
    'fpga.csv',
    'cpu.csv',
    'area.csv',
    'energy-by-primitive.csv',
    'energy-by-layer.csv',
    'adders.csv',
    'accumulator.csv',
    'budgets.csv',
    'tables.csv',
    'provenance.csv',
  ]);
  for (const [name, records] of files) {
    const width = records[0].length;
    for (const rec of records) expect(rec.length, name).toBe(width);
  }
  expect(files.get('energy-asic.csv')).toEqual([
    ['table', 'network', 'bits', 'energy_pj'],
    ...r.energy.map((e) => [e.table, e.network, '8', String(e.energyPj)]),
  ]);
  // The FPGA table's technology holds a comma and double quotes.
  expect(files.get('tables.csv')?.[5]).toEqual([
    'fpga-zu9eg',
    'ZU9EG',
    'fpga',
    'Zynq UltraScale+, "-2" speed grade',
    'UG574, carry-chain, fixture',
  ]);
  const cpu = files.get('cpu.csv') ?? [];
  expect(cpu[1]).toEqual(['cpu-skylake', 'addernet', '8', 'vpsadbw', '0.075', '30000', '']);
  const budgets = files.get('budgets.csv') ?? [];
  const alexCnnMul = budgets.find(
    (b) => b[0] === 'alexnet' && b[2] === 'cnn' && b[3] === 'explicit' && b[4] === 'mul',
  );
  expect(alexCnnMul).toEqual([
    'alexnet',
    'imagenet',
    'cnn',
    'explicit',
    'mul',
    '8',
    '',
    '40000000000',
  ]);
  const bnnMul = (files.get('energy-by-primitive.csv') ?? []).find(
    (b) => b[1] === 'bnn' && b[2] === 'mul',
  );
  expect(bnnMul).toEqual(['asic-45nm-horowitz', 'bnn', 'mul', '8', '4', '5000', '1000']);
  expect(files.get('run.csv')?.find((row) => row[0] === 'tie_tolerance')).toEqual([
    'tie_tolerance',
    String(r.verdictInputs.tieTolerance),
  ]);
  const provenance = files.get('provenance.csv') ?? [];
  expect(provenance).toHaveLength(1 + 2 * (6 + 3 + 6 + 3 + 4));
});
