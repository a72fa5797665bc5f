import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { tempDir } from '../eda/tools.js';
import { runCli } from '../helpers/cli.js';

const tmp = tempDir('cli-rtl');
afterAll(() => tmp.cleanup());

describe('addersim rtl', () => {
  it('regenerates rtl-models/ byte for byte', () => {
    const out = join(tmp.dir, 'models');
    const r = runCli(['rtl', '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    const committed = readdirSync(fromRoot('rtl-models')).sort();
    expect(readdirSync(out).sort()).toEqual(committed);
    for (const f of committed) {
      expect({ f, text: readFileSync(join(out, f), 'utf8') }).toEqual({
        f,
        text: readFileSync(fromRoot('rtl-models', f), 'utf8'),
      });
    }
  });

  it('lists every adder architecture at 8 and 16 bits and the three PEs', () => {
    const r = runCli(['rtl', '--out', join(tmp.dir, 'listed')]);
    expect(r.code).toBe(0);
    const models = r.stdout
      .split('\n')
      .slice(2, -2)
      .map((line) => line.split(/\s+/)[0]);
    expect(models).toHaveLength(25);
    expect(models).toContain('kogge-stone-16');
    expect(models.filter((m) => m.startsWith('pe_'))).toEqual([
      'pe_adder_8u_s0',
      'pe_mac_8u_s0',
      'pe_xnor_8u_s0',
    ]);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      `wrote 51 files to ${join(tmp.dir, 'listed')}`,
    );
  });

  it('refuses an --out that is a file, exit 2', () => {
    const file = join(tmp.dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const r = runCli(['rtl', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `addersim: --out ${file} must be a folder or a new path, not a regular file\n`,
    );
  });

  it('requires --out', () => {
    const r = runCli(['rtl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('addersim: rtl needs --out (addersim rtl --help describes it)\n');
  });
});
