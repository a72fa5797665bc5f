import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';

// Every output flag refuses what it must not write over, in one line, exit 2, before any work.
const dir = mkdtempSync(join(tmpdir(), 'addersim-safe-outputs-'));
const ADDER = fromRoot('models', 'lenet5-bn-adder.safetensors');
const victim = join(dir, 'victim.txt');
writeFileSync(victim, 'keep me\n');
const link = join(dir, 'link.v');
symlinkSync(victim, link);
const folder = join(dir, 'a-folder');
mkdirSync(folder);
const fifo = join(dir, 'pipe');
execFileSync('mkfifo', [fifo]);
const folderLink = join(dir, 'folder-link');
symlinkSync(folder, folderLink);

function refused(args: string[], message: string): void {
  const r = runCli(args);
  expect(r.stderr).toBe(`addersim: ${message}\n`);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
}

function untouched(): void {
  expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readlinkSync(link)).toBe(victim);
  expect(lstatSync(fifo).isFIFO()).toBe(true);
  expect(readdirSync(folder)).toEqual([]);
}

const notFile = (flag: string, path: string, kind: string) =>
  `${flag} ${path} must be a regular file or a new path, not a ${kind}`;

describe('output files: a regular file or a new path, nothing else', () => {
  const datapath = ['datapath', '--op', 'add', '--bits', '8'];
  it.each([
    ['a symbolic link', '--verilog', link, 'symbolic link'],
    ['a character device', '--verilog', '/dev/full', 'character device'],
    ['a FIFO', '--vcd', fifo, 'FIFO'],
    ['a directory', '--vcd', folder, 'directory'],
    ['/dev/null', '--verilog', '/dev/null', 'character device'],
  ])('datapath refuses %s as %s', (_what, flag, path, kind) => {
    refused([...datapath, flag, path], notFile(flag, path, kind));
    untouched();
  });

  it('the check comes before the simulation (a refused --vcd runs nothing)', () => {
    // 10^7 vectors of a 1024-bit popcount would take minutes; the path is refused first.
    refused(
      [
        'datapath',
        '--op',
        'popcount',
        '--bits',
        '1024',
        '--activity',
        '--vectors',
        '10000000',
        '--vcd',
        link,
      ],
      notFile('--vcd', link, 'symbolic link'),
    );
  });

  it('import refuses a symbolic link as --out before reading the checkpoint', () => {
    refused(
      ['import', join(dir, 'missing.pth'), '--net', 'lenet5', '--variant', 'cnn', '--out', link],
      notFile('--out', link, 'symbolic link'),
    );
    untouched();
  });

  it('train refuses a device, and a device as its training state, before training', () => {
    const args = ['train', '--net', 'lenet5', '--variant', 'cnn', '--epochs', '1'];
    refused([...args, '--out', '/dev/null'], notFile('--out', '/dev/null', 'character device'));
    const out = join(dir, 'net.safetensors');
    const state = join(dir, 'net.train-state.safetensors');
    symlinkSync(victim, state);
    refused([...args, '--out', out], notFile('--out (its training state)', state, 'symbolic link'));
    untouched();
  });
});

describe('sweep --out: only its own results file', () => {
  const sweep = ['sweep', '--model', ADDER, '--bits', '8', '--limit', '20', '--threads', '1'];
  it('refuses a FIFO without reading it (no hang) and a device', () => {
    refused([...sweep, '--out', fifo], notFile('--out', fifo, 'FIFO'));
    refused([...sweep, '--out', '/dev/full'], notFile('--out', '/dev/full', 'character device'));
    refused([...sweep, '--out', folder], notFile('--out', folder, 'directory'));
    untouched();
  });

  it('refuses a file that is not a sweep, and leaves it as it was', () => {
    const note = join(dir, 'note.txt');
    writeFileSync(note, 'my notes about the sweep');
    refused(
      [...sweep, '--out', note],
      `--out ${note} must be a results file of addersim sweep (its first line a sweep header) or a new path, not a file starting "my notes about the sweep"`,
    );
    expect(readFileSync(note, 'utf8')).toBe('my notes about the sweep');
    // JSON that is not a sweep header is not ours either.
    const json = join(dir, 'other.jsonl');
    writeFileSync(json, '{"index":0}\n');
    refused(
      [...sweep, '--out', json],
      `--out ${json} must be a results file of addersim sweep (its first line a sweep header) or a new path, not a file starting "{\\"index\\":0}"`,
    );
    expect(readFileSync(json, 'utf8')).toBe('{"index":0}\n');
  });

  it('--bits 8,8 is one point, and a rerun with another spelling of it computes nothing', () => {
    const out = join(dir, 'dedup.jsonl');
    const first = runCli([...sweep.slice(0, 3), '--bits', '8,8', ...sweep.slice(5), '--out', out]);
    expect(first.stderr).toBe(`${out}: 1 points (0 resumed, 1 computed)\n`);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toMatchObject({ addersim: 'sweep', limit: 20 });
    expect(JSON.parse(lines[1])).toMatchObject({ index: 0, bits: 8 });
    const again = runCli([...sweep, '--out', out]);
    expect(again.stderr).toBe(`${out}: 1 points (1 resumed, 0 computed)\n`);
    // Another image count is another sweep: refused, file unchanged.
    const before = readFileSync(out, 'utf8');
    const other = runCli([...sweep.slice(0, 5), '--limit', '30', '--threads', '1', '--out', out]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(
      new RegExp(
        `^addersim: --out ${out} must hold points of this sweep or none, not points with other settings \\(\\{.*"limit":20.*\\}\\)\\n$`,
      ),
    );
    expect(readFileSync(out, 'utf8')).toBe(before);
  });
});

describe('output folders: a folder or a new path, checked before any work', () => {
  it('report refuses a file, a link and a device as --out at once, not after the study', () => {
    refused(
      ['report', '--out', victim],
      `--out ${victim} must be a folder or a new path, not a regular file`,
    );
    refused(
      ['report', '--out', folderLink],
      `--out ${folderLink} must be a folder or a new path, not a symbolic link`,
    );
    refused(
      ['report', '--out', '/dev/null'],
      '--out /dev/null must be a folder or a new path, not a character device',
    );
    untouched();
  });

  it('rtl refuses a link and a folder holding foreign files, untouched', () => {
    refused(
      ['rtl', '--out', folderLink],
      `--out ${folderLink} must be a folder or a new path, not a symbolic link`,
    );
    const mine = join(dir, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'x');
    refused(
      ['rtl', '--out', mine],
      `--out ${mine} must be new, empty or an earlier rtl export, not a folder holding "notes.txt"`,
    );
    expect(readdirSync(mine)).toEqual(['notes.txt']);
  });

  it("rtl writes the folder whole and reuses or cleans a killed run's leftovers", () => {
    const parent = join(dir, 'rtl');
    mkdirSync(parent);
    // A run killed between its two renames: the target is gone, the previous export is beside
    // it, and a half-written staging folder too. 4194305 is above Linux's largest pid.
    const old = join(parent, '.models.old-4194305-1');
    mkdirSync(old);
    writeFileSync(join(old, 'README.md'), 'previous export\n');
    const staging = join(parent, '.models.new-4194305-1');
    mkdirSync(staging);
    writeFileSync(join(staging, 'half.v'), 'module');
    const r = runCli(['rtl', '--out', join(parent, 'models'), '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(parent)).toEqual(['models']);
    const files = readdirSync(join(parent, 'models')).sort();
    expect(files).toEqual(readdirSync(fromRoot('rtl-models')).sort());
    for (const f of files) {
      expect(readFileSync(join(parent, 'models', f), 'utf8')).toBe(
        readFileSync(fromRoot('rtl-models', f), 'utf8'),
      );
    }
  });
});

describe('bounded work', () => {
  it('refuses runaway --activity and --vcd requests before they start, naming the flag', () => {
    refused(
      ['datapath', '--op', 'popcount', '--bits', '1024', '--activity', '--vectors', '10000000'],
      '--activity over 10000000 vectors of popcount_1024 (3072 nets) needs about 6.0 GiB, over the --max-memory limit of 4.0 GiB; give fewer --vectors or raise --max-memory (GiB)',
    );
    const vcd = join(dir, 'mul.vcd');
    refused(
      ['datapath', '--op', 'mul', '--bits', '64', '--vcd', vcd, '--vectors', '100000'],
      '--vcd over 100000 vectors of mul_array_64u (12290 nets) needs about 45.8 GiB, over the --max-memory limit of 4.0 GiB; give fewer --vectors or raise --max-memory (GiB)',
    );
    expect(readdirSync(dir)).not.toContain('mul.vcd');
    refused(
      ['datapath', '--op', 'add', '--activity', '--max-memory', '0.0001'],
      '--activity over 1000 vectors of ripple-carry-8 (35 nets) needs about 0.4 MiB, over the --max-memory limit of 0.1 MiB; give fewer --vectors or raise --max-memory (GiB)',
    );
    refused(
      ['datapath', '--op', 'add', '--activity', '--max-memory', '0'],
      '--max-memory must be a number above 0 and at most 1024, not 0',
    );
  });

  it('--max-memory raises the limit', () => {
    const r = runCli([
      'datapath',
      '--op',
      'add',
      '--activity',
      '--vectors',
      '100',
      '--max-memory',
      '0.0001',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).activity.vectors).toBe(100);
  });
});
