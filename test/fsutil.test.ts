import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { type FolderOwner, writeFileAtomic, writeFolderAtomic } from '../src/fsutil.js';

const dir = mkdtempSync(join(tmpdir(), 'addersim-fsutil-'));
/** Above Linux's largest pid (2^22): a run that is certainly not alive. */
const DEAD = 4194305;
const owner: FolderOwner = {
  label: '--out',
  earlier: 'export',
  foreign: (d) => readdirSync(d).find((f) => !f.endsWith('.txt')) ?? null,
};

describe('writeFileAtomic', () => {
  it('refuses a symbolic link instead of replacing it or writing through it', () => {
    const target = join(dir, 'target.txt');
    writeFileSync(target, 'original');
    const link = join(dir, 'link.txt');
    symlinkSync(target, link);
    expect(() => writeFileAtomic(link, 'new', '--verilog')).toThrow(
      new InputError(`--verilog ${link} must be a regular file or a new path, not a symbolic link`),
    );
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('original');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a regular file and creates a new one', () => {
    const file = join(dir, 'sub', 'file.txt');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
  });
});

describe('writeFolderAtomic', () => {
  it('puts back the previous folder of a run killed between its renames, then replaces it', () => {
    const parent = join(dir, 'killed');
    mkdirSync(parent);
    mkdirSync(join(parent, `.out.old-${DEAD}-5`));
    writeFileSync(join(parent, `.out.old-${DEAD}-5`, 'a.txt'), 'previous');
    mkdirSync(join(parent, `.out.new-${DEAD}-5`));
    writeFileSync(join(parent, `.out.new-${DEAD}-5`, 'half.txt'), 'torn');
    writeFolderAtomic(join(parent, 'out'), new Map([['b.txt', 'new']]), owner);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readdirSync(join(parent, 'out'))).toEqual(['b.txt']);
  });

  it("restores the previous folder even when the new one is refused, and keeps a live run's", () => {
    const parent = join(dir, 'restored');
    mkdirSync(parent);
    const old = join(parent, `.out.old-${DEAD}-7`);
    mkdirSync(old);
    writeFileSync(join(old, 'keep.bin'), 'user data');
    // This process is alive: its own swap in progress elsewhere must not be touched.
    const live = join(parent, `.out.new-${process.ppid}-9`);
    mkdirSync(live);
    expect(() => writeFolderAtomic(join(parent, 'out'), new Map(), owner)).toThrow(
      new InputError(
        `--out ${join(parent, 'out')} must be new, empty or an earlier export, not a folder holding "keep.bin"`,
      ),
    );
    expect(readFileSync(join(parent, 'out', 'keep.bin'), 'utf8')).toBe('user data');
    expect(readdirSync(parent).sort()).toEqual([`.out.new-${process.ppid}-9`, 'out']);
  });

  it('a write that fails half-way leaves the previous folder whole and nothing beside it', () => {
    const parent = join(dir, 'half');
    const out = join(parent, 'out');
    writeFolderAtomic(
      out,
      new Map([
        ['a.txt', 'previous a'],
        ['b.txt', 'previous b'],
      ]),
      owner,
    );
    // The second file cannot be written (its folder would be a file): the run fails there, as
    // an rtl export failing at one of its 51 files did.
    const files = new Map([
      ['a.txt', 'new a'],
      ['a.txt/b.txt', 'new b'],
    ]);
    expect(() => writeFolderAtomic(out, files, owner)).toThrow();
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('previous a');
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('previous b');
  });

  it('removes the temporary file a killed write left beside its target', () => {
    const target = join(dir, 'tmp-left.json');
    writeFileSync(`${target}.${DEAD}.1.tmp`, '{"half');
    writeFileAtomic(target, '{}');
    expect(readdirSync(dir).filter((f) => f.startsWith('tmp-left'))).toEqual(['tmp-left.json']);
  });
});
