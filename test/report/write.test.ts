import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { type WrittenReport, writeReport } from '../../src/report/write.js';
import type { ReportResults } from '../../src/study/results.js';
import { makeFixture } from './fixture.js';
import { readPng } from './png.js';

/** The section headings every report has, in order (written out here, not imported). */
const SECTIONS = [
  'The question and the answer in numbers',
  'Verdict',
  'Accuracy vs bit width',
  'Energy per inference (ASIC)',
  'Energy by primitive',
  'Energy by layer',
  'FPGA: resources, cycles and energy',
  'CPU: cycles per tap and per inference',
  'PE area',
  'Adder architectures: area, delay, energy',
  'Accumulator width vs accuracy',
  'Operation budgets',
  'Method, caveats and notes',
  'Cost tables',
  'References',
];
const CHARTS = [
  'accumulator-width',
  'accuracy-vs-bits',
  'adders-area-delay',
  'energy-by-layer',
  'energy-by-primitive',
  'energy-per-inference',
  'operation-budgets',
];

let root: string;
let dir: string;
let written: WrittenReport;
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

// Charts are the slow part: the full report with charts is written once for this file.
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'addersim-report-'));
  dir = join(root, 'report');
  written = writeReport(dir, makeFixture());
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('the folder holds exactly the report files', () => {
  expect(readdirSync(dir).sort()).toEqual([
    'accumulator.csv',
    'accuracy.csv',
    'adders.csv',
    'area.csv',
    'budgets.csv',
    'charts',
    'cpu.csv',
    'energy-asic.csv',
    'energy-by-layer.csv',
    'energy-by-primitive.csv',
    'fpga.csv',
    'memory-levels.csv',
    'provenance.csv',
    'report.html',
    'report.md',
    'results.json',
    'run.csv',
    'tables.csv',
  ]);
  expect(readdirSync(join(dir, 'charts')).sort()).toEqual(CHARTS.map((c) => `${c}.png`));
  expect(written.files).toContain('charts/accuracy-vs-bits.png');
  // No staging or previous-report folder is left beside it.
  expect(readdirSync(root)).toEqual(['report']);
});

test('report.md has every section heading, in order', () => {
  const headings = read('report.md')
    .split('\n')
    .filter((l) => l.startsWith('## '))
    .map((l) => l.slice(3));
  expect(headings).toEqual(SECTIONS);
  expect(read('report.md').startsWith('# addersim report: lenet5-mnist\n')).toBe(true);
});

test('report.html has every section heading, in order', () => {
  const html = read('report.html');
  const headings = [...html.matchAll(/<h2 id="[^"]*">([^<]*)<\/h2>/g)].map((m) => m[1]);
  expect(headings).toEqual(SECTIONS);
});

test('report.md states the toggle-model caveat and cites each source by number', () => {
  const md = read('report.md');
  expect(md).toContain('zero-delay simulation');
  expect(md).toContain(
    'Glitches (transient toggles caused by unequal path delays) are not modelled',
  );
  // Fixture tables in order: Horowitz [1], Aladdin [2], ... each source listed once.
  expect(md).toContain('| Horowitz 45 nm \\[1\\] | 60.0 nJ | 90.0 nJ | 20.0 nJ | 0.667× | 3.00× |');
  expect(md).toContain('- \\[1\\] Horowitz, ISSCC 2014\n- \\[2\\] Aladdin via Accelergy');
  expect(md.split('Horowitz, ISSCC 2014')).toHaveLength(2);
  expect(md).toContain(
    '| alexnet (imagenet) | CNN | 40,000,000,000 | 40,000,000,000 | 0 | 40,000,000,000 |',
  );
  // Provenance lines live in provenance.csv, not in the page.
  expect(md).not.toContain('fixture row 1 (synthetic)');
  expect(read('provenance.csv')).toContain(
    'energy,asic-45nm-horowitz,addernet,asic-45nm-horowitz addernet: fixture row 1 (synthetic)\r\n',
  );
});

test('the first section is the question, the headline table and the energy chart', () => {
  const md = read('report.md');
  const first = md.slice(md.indexOf('## The question'), md.indexOf('## Verdict'));
  expect(first).toContain('Does that make inference cheaper');
  expect(first).toContain('| int8, per inference | AdderNet | CNN | BNN |');
  expect(first).toContain(
    '| accuracy int8 (float) | 98.90 % (99.20) | 99.10 % (98.20) | 97.00 % (97.20) |',
  );
  expect(first).toContain('| cycles, Skylake \\[3\\] | 30,000 | 15,000 | 12,000 |');
  expect(first).toContain('](charts/energy-per-inference.png)');
  const verdict = md.slice(md.indexOf('## Verdict'), md.indexOf('## Accuracy vs bit width'));
  // Horowitz: AdderNet 60 nJ, CNN 90 nJ (1.5x), BNN 20 nJ (3x).
  expect(verdict).toContain(
    '| ASIC energy | Horowitz 45 nm \\[1\\] | AdderNet, 1.50× | BNN, 3.00× |',
  );
});

test('report.md references every chart by relative path, once', () => {
  const md = read('report.md');
  const refs = [...md.matchAll(/!\[[^\]]*\]\(([^)]*)\)/g)].map((m) => m[1]).sort();
  expect(refs).toEqual(CHARTS.map((c) => `charts/${c}.png`));
});

describe('charts', () => {
  test.each(CHARTS)('%s is a valid 900x500 PNG with an opaque white background', (id) => {
    const png = readPng(readFileSync(join(dir, 'charts', `${id}.png`)));
    expect(png.width).toBe(900);
    expect(png.height).toBe(500);
    expect(png.bitDepth).toBe(8);
    expect(png.chunkTypes).toContain('IDAT');
    expect(png.firstPixel.slice(0, 3)).toEqual([255, 255, 255]);
    if (png.colorType === 6) expect(png.firstPixel[3]).toBe(255);
  });

  test('the write reports the charts with their sizes', () => {
    expect(written.charts.map((c) => [c.id, c.width, c.height]).sort()).toEqual(
      CHARTS.map((c) => [c, 900, 500]),
    );
  });
});

test('report.html is self-contained: inline scripts, one canvas per chart, nothing fetched', () => {
  const html = read('report.html');
  const canvases = [...html.matchAll(/<canvas data-chart="([^"]*)"/g)].map((m) => m[1]).sort();
  expect(canvases).toEqual(CHARTS);
  const data = html.match(
    /<script type="application\/json" id="addersim-charts">([^<]*)<\/script>/,
  );
  expect(
    JSON.parse(data?.[1] ?? '[]')
      .map((c: { id: string }) => c.id)
      .sort(),
  ).toEqual(CHARTS);
  expect(html).toContain('Chart.js v4.6.1');
  expect(html).not.toMatch(/\s(src|href)=/);
  expect(html).not.toMatch(/<(link|iframe|object|embed|img)\b/i);
  const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
  expect(style).not.toMatch(/url\(|@import/i);
  // Every table sorts; the page script is there even without charts.
  expect(html.match(/<table class="sortable">/g)?.length).toBe(html.match(/<table/g)?.length);
});

test('results.json is byte-identical across writes of the same value', () => {
  const again = join(root, 'again');
  // The same value, with every object's keys in another order, written without charts.
  const shuffled = JSON.parse(JSON.stringify(makeFixture()), function (this: unknown, _k, v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).reverse())
      : v;
  }) as ReportResults;
  writeReport(again, shuffled, { charts: false });
  expect(readFileSync(join(again, 'results.json'))).toEqual(
    readFileSync(join(dir, 'results.json')),
  );
  expect(JSON.parse(read('results.json'))).toEqual(makeFixture());
  rmSync(again, { recursive: true });
});

describe('writing is all or nothing', () => {
  test('a new report replaces an earlier one completely', () => {
    const target = join(root, 'replace');
    writeReport(target, makeFixture(), { charts: false });
    writeFileSync(join(target, 'stale.csv'), 'old\r\n');
    writeReport(target, makeFixture(), { charts: false });
    expect(existsSync(join(target, 'stale.csv'))).toBe(false);
    expect(existsSync(join(target, 'charts'))).toBe(false);
    expect(read('report.md')).not.toBe(readFileSync(join(target, 'report.md'), 'utf8'));
    expect(readFileSync(join(target, 'report.md'), 'utf8')).toContain(
      'Charts were not rendered for this report; the tables hold every number.',
    );
    expect(readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]);
    rmSync(target, { recursive: true });
  });

  test('a folder holding anything else is refused and left untouched', () => {
    const target = join(root, 'mine');
    mkdirSync(join(target, 'charts'), { recursive: true });
    writeFileSync(join(target, 'notes.txt'), 'keep me');
    expect(() => writeReport(target, makeFixture(), { charts: false })).toThrow(
      new InputError(
        `report folder ${target} must be new, empty or an earlier report, not a folder holding "notes.txt"`,
      ),
    );
    writeFileSync(join(target, 'charts', 'photo.jpg'), 'x');
    rmSync(join(target, 'notes.txt'));
    expect(() => writeReport(target, makeFixture(), { charts: false })).toThrow(
      /not a folder holding "charts\/photo\.jpg"$/,
    );
    expect(readdirSync(join(target, 'charts'))).toEqual(['photo.jpg']);
    expect(readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  test('a file in the way is refused', () => {
    const target = join(root, 'file');
    writeFileSync(target, 'x');
    expect(() => writeReport(target, makeFixture(), { charts: false })).toThrow(
      new InputError(`report folder ${target} must be a folder or a new path, not a regular file`),
    );
  });

  test('bad results write nothing', () => {
    const target = join(root, 'bad');
    const bad = { ...makeFixture(), energy: [{ ...makeFixture().energy[0], energyPj: -1 }] };
    expect(() => writeReport(target, bad, { charts: false })).toThrow(
      new InputError('report results: energy[0].energyPj must be a finite number > 0, not -1'),
    );
    expect(existsSync(target)).toBe(false);
  });
});

test('an empty section says so instead of disappearing', () => {
  const target = join(root, 'empty');
  const r = makeFixture();
  writeReport(
    target,
    { ...r, fpga: [], adders: { ...r.adders, architectures: [] } },
    { charts: false },
  );
  const md = readFileSync(join(target, 'report.md'), 'utf8');
  expect(md).toContain('## FPGA: resources, cycles and energy\n\nNo data in this run.\n');
  expect(md).toContain('## Adder architectures: area, delay, energy\n\nNo data in this run.\n');
  expect(readFileSync(join(target, 'fpga.csv'), 'utf8')).toBe(
    'table,network,bits,luts_per_pe,dsps_per_pe,pes,clock_mhz,cycles,energy_pj\r\n',
  );
  rmSync(target, { recursive: true });
});
