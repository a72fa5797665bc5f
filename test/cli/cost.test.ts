import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';

function brokenTable(edit: (t: { ops: { points?: { energyPj: number }[] }[] }) => void): string {
  const t = JSON.parse(readFileSync(fromRoot('cost-tables', 'asic-45nm-horowitz.json'), 'utf8'));
  edit(t);
  const file = join(mkdtempSync(join(tmpdir(), 'addersim-cost-')), 'mine.json');
  writeFileSync(file, JSON.stringify(t));
  return file;
}

describe('addersim cost', () => {
  it('prices 1000 8-bit adds and multiplies on Horowitz: 30 pJ and 200 pJ, naming the rows', () => {
    const r = runCli([
      'cost',
      '--table',
      'asic-45nm-horowitz',
      '--ops',
      'add:8=1000,mul:8=1000',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const items = out.estimate.items;
    expect(
      items.map((i: { key: string; energyPj: number; row: string }) => [i.key, i.energyPj, i.row]),
    ).toEqual([
      ['add:8', 30, '/ops/0/points/0'],
      ['mul:8', 200, '/ops/1/points/0'],
    ]);
    expect(out.energyPj).toBe(230);
    expect(out.provenance[1]).toContain('Horowitz ISSCC 2014 energy table: 8-bit multiply 0.2 pJ');
  });

  it('prints provenance lines in text mode and drops them with --quiet', () => {
    const r = runCli(['cost', '--table', 'asic-45nm-horowitz', '--ops', 'add:16=10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('energy: 0.5 pJ');
    expect(r.stdout).toContain(
      'add:16 x 10, 0.5 pJ <- asic-45nm-horowitz /ops/0/points/1 (Horowitz ISSCC 2014 energy table: 32-bit add 0.1 pJ; scaling: google/qkeras qkeras/qtools/settings.py: fpm_add = 0.003125*b (linear in width)); nearest published point 32 bits; linear in width from 32 to 16 bits: x 0.5',
    );
    const q = runCli(['cost', '--table', 'asic-45nm-horowitz', '--ops', 'add:16=10', '--quiet']);
    expect(q.stdout).not.toContain('provenance');
  });

  it('gives PE-array cycles for layers on an ASIC table (SCALE-Sim v2 convention)', () => {
    const r = runCli([
      'cost',
      '--table',
      'asic-40nm-aladdin',
      '--work',
      'conv1=multiply:3025x96x363',
      '--array',
      '32x32',
      '--dataflow',
      'ws',
      '--convention',
      'scalesim-v2',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.cycles).toBe(112283);
    expect(out.peArray[0].utilisation.toFixed(4)).toBe('0.9168');
  });

  it.each([
    [
      ['cost', '--table', 'nope', '--ops', 'add:8=1'],
      /^addersim: --table must be one of asic-40nm-aladdin, .* or the path of a table file, not "nope"$/,
    ],
    [
      ['cost', '--table', 'asic-40nm-aladdin', '--ops', 'dram-read:64=1'],
      /^addersim: table asic-40nm-aladdin cannot price dram-read:64: it has no dram-read row/,
    ],
    [
      ['cost', '--table', 'asic-45nm-horowitz', '--ops', 'add:8'],
      /^addersim: --ops must be a comma-separated list of op:bits=count/,
    ],
    [
      ['cost', '--table', 'asic-45nm-horowitz'],
      /^addersim: cost needs --ops or --work \(or both\), not neither$/,
    ],
  ])('exits 2 with one line for bad input %j', (args, message) => {
    const r = runCli(args as string[]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('says what a CPU table cannot price instead of printing a zero', () => {
    const r = runCli([
      'cost',
      '--table',
      'cpu-x86-skylake',
      '--ops',
      'add:8=1',
      '--work',
      'adder:1x1x32',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('not priced: operation counts: cpu-x86-skylake is a cpu table');
    expect(r.stdout).toContain('energy: -');
    expect(r.stdout).toContain('cycles: 1.33333');
  });

  it('rejects a broken user table with the file, pointer and problem', () => {
    const file = brokenTable((t) => {
      (t.ops[0].points as { energyPj: number }[])[0].energyPj = -1;
    });
    const r = runCli(['cost', '--table', file, '--ops', 'add:8=1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `addersim: ${file}: /ops/0/points/0/energyPj must be a number >= 0, not -1\n`,
    );
    const bad = join(mkdtempSync(join(tmpdir(), 'addersim-cost-')), 'bad.json');
    writeFileSync(bad, '{ not json');
    const j = runCli(['cost', '--table', bad, '--ops', 'add:8=1']);
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(
      new RegExp(
        `^addersim: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} must be valid JSON, not text that fails to parse \\(.*\\)\\n$`,
      ),
    );
  });
});
