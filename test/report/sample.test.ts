import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fromRoot } from '../../src/paths.js';

/**
 * The committed sample report stays readable and complete: report.md is short (long detail
 * lives in the CSVs), and every number results.json holds can still be found, exactly, in a
 * CSV cell or written in report.md (thousands separators removed). Nothing here calls the
 * renderer: the files on disk are read as a reader would.
 */
const dir = fromRoot('reports', 'sample');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

/** Every number in a JSON value, with the path it sits at. */
function numbersIn(value: unknown, path = '$'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  }
  return [];
}

/** The numbers of a CSV: each cell that is a plain decimal number (quoted cells are text). */
function csvNumbers(text: string): number[] {
  return text
    .split('\r\n')
    .flatMap((line) => line.split(','))
    .filter((cell) => /^-?\d+(\.\d+)?(e[-+]?\d+)?$/.test(cell))
    .map(Number);
}

/** The numbers written in Markdown text: `10,000` is 10000, `0.259` is 0.259. */
function markdownNumbers(text: string): number[] {
  return [...text.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)].map((m) =>
    Number(m[0].replace(/,/g, '')),
  );
}

test('reports/sample/report.md is under 300 lines', () => {
  const lines = read('report.md').split('\n').length - 1;
  expect(lines).toBeLessThan(300);
  expect(lines).toBeGreaterThan(50);
});

test('every number in reports/sample/results.json is in a CSV of the sample or in report.md', () => {
  const results = JSON.parse(read('results.json'));
  const csvs = readdirSync(dir).filter((f) => f.endsWith('.csv'));
  const known = new Set([
    ...csvs.flatMap((f) => csvNumbers(read(f))),
    ...markdownNumbers(read('report.md')),
  ]);
  const all = numbersIn(results);
  expect(all.length).toBeGreaterThan(1000);
  const missing = all.filter(([, n]) => !known.has(n));
  expect(missing).toEqual([]);
});
