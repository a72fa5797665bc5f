import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { SECTION_TITLES } from '../../src/report/build.js';
import { runCli } from '../helpers/cli.js';
import { readPng } from '../report/png.js';

/**
 * `addersim report` end to end on the shipped checkpoints, kept quick with a small --limit:
 * the folder holds every section and chart, the same seed gives the same results.json, and
 * every class of bad input gives its one-line message and exit code 2.
 */
const dir = mkdtempSync(join(tmpdir(), 'addersim-cli-report-'));
const QUICK = ['--limit', '40'];

describe('addersim report', () => {
  const first = join(dir, 'first');
  const run = runCli(['report', ...QUICK, '--out', first, '--seed', '7']);

  it('writes every section, every chart and the results, and prints the headline', () => {
    expect(run.stderr).toMatch(/wall time \d+\.\d s\n$/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`report written to ${first}/`);
    expect(run.stdout).toMatch(/accuracy int8/);
    expect(run.stdout).toMatch(/energy, Horowitz 45 nm/);
    const md = readFileSync(join(first, 'report.md'), 'utf8');
    for (const title of SECTION_TITLES) expect(md).toContain(`\n## ${title}\n`);
    const html = readFileSync(join(first, 'report.html'), 'utf8');
    expect(html).toContain('<html');
    const charts = readdirSync(join(first, 'charts')).sort();
    expect(charts).toEqual([
      'accumulator-width.png',
      'accuracy-vs-bits.png',
      'adders-area-delay.png',
      'energy-by-layer.png',
      'energy-by-primitive.png',
      'energy-per-inference.png',
      'operation-budgets.png',
    ]);
    for (const chart of charts) {
      const png = readPng(new Uint8Array(readFileSync(join(first, 'charts', chart))));
      expect([png.width, png.height]).toEqual([900, 500]);
    }
    const results = JSON.parse(readFileSync(join(first, 'results.json'), 'utf8'));
    expect(results.accuracy.testImages).toBe(40);
    expect(results.meta.seed).toBe(7);
    expect(JSON.stringify(results)).not.toMatch(/wall|elapsed|timestamp/i);
  });

  it('gives a byte-identical results.json for the same seed, over the leftovers of a killed run', () => {
    const second = join(dir, 'second');
    // What a run killed between its two renames leaves: the earlier report moved aside (a copy
    // of the first) and a half-written staging folder. 4194305 is above Linux's largest pid.
    cpSync(first, join(dir, '.second.old-4194305-1'), { recursive: true });
    mkdirSync(join(dir, '.second.new-4194305-1'));
    writeFileSync(join(dir, '.second.new-4194305-1', 'index.html'), '<html');
    const again = runCli(['report', ...QUICK, '--out', second, '--seed', '7', '--quiet']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`${second}\n`);
    expect(again.stderr).toBe('');
    expect(readFileSync(join(second, 'results.json'))).toEqual(
      readFileSync(join(first, 'results.json')),
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('.second'))).toEqual([]);
  });

  it('prints the folder, files, headline and verdict as JSON', () => {
    const third = join(dir, 'third');
    const r = runCli(['report', ...QUICK, '--out', third, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['files', 'folder', 'headline', 'verdict']);
    expect(out.folder).toBe(third);
    expect(out.files).toContain('results.json');
    expect(out.headline[0]).toEqual(['', 'AdderNet', 'CNN', 'BNN']);
  });

  it('rejects bad input with one line and exit code 2', () => {
    const foreign = join(dir, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    const missing = join(dir, 'none.safetensors');
    const cnn = fromRoot('models', 'lenet5-bn-cnn.safetensors');
    const cases: [string[], string][] = [
      [['--bits', '1'], '--bits must be an integer from 2 to 16, not 1'],
      [['--limit', '0'], '--limit must be an integer from 1 to 1000000, not 0'],
      [
        ['--limit', '20', '--limit', '30'],
        '--limit must be an integer from 1 to 1000000, not [20,30]',
      ],
      [['--seed', '-1'], '--seed must be an integer from 0 to 4294967295, not -1'],
      [
        ['--name', '../up'],
        `--name must be a folder name of letters, digits, '.', '_' and '-', not "../up"`,
      ],
      [['--addernet', missing], `checkpoint ${missing} does not exist`],
      [['--addernet', cnn], `checkpoint ${cnn} must hold the addernet variant, not "cnn"`],
      [
        ['--out', foreign],
        `--out ${foreign} must be new, empty or an earlier report, not a folder holding "notes.txt"`,
      ],
      [['--colour'], 'unknown flag --colour for report (addersim report --help lists the flags)'],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['report', ...(args.includes('--limit') ? [] : QUICK), ...args]);
      expect(r.stderr).toBe(`addersim: ${message}\n`);
      expect(r.code).toBe(2);
    }
  });
});
