import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';

/**
 * `addersim train` killed (SIGKILL) at several moments of a real run, as a user's Ctrl-C or an
 * out-of-memory kill would: after the first training state appears, while a temporary file is
 * being written, and once the checkpoint has reached epoch 2. Wherever the kill landed,
 * `--resume` (or, when no state was written yet, a fresh run) ends with the bytes of an
 * uninterrupted run.
 */
const dir = mkdtempSync(join(tmpdir(), 'addersim-train-kill-'));
const RUN = [
  'train',
  '--net',
  'lenet5',
  '--variant',
  'cnn',
  '--epochs',
  '3',
  '--limit',
  '128',
  '--test-limit',
  '50',
  '--quiet',
];

function checkpointEpochs(out: string): string | undefined {
  try {
    const bytes = readFileSync(out);
    const n = Number(bytes.readBigUInt64LE(0));
    return JSON.parse(bytes.subarray(8, 8 + n).toString('utf8')).__metadata__.epochs;
  } catch {
    return undefined;
  }
}

/** Spawns a run writing `out` and SIGKILLs it once `when` holds (polled every 2 ms). */
function killWhen(out: string, when: () => boolean): Promise<void> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [
      fromRoot('dist', 'src', 'cli', 'bin.js'),
      ...RUN,
      '--out',
      out,
    ]);
    const timer = setInterval(() => {
      if (when()) child.kill('SIGKILL');
    }, 2);
    child.on('exit', () => {
      clearInterval(timer);
      done();
    });
  });
}

describe('train killed at several points resumes to the bytes of an uninterrupted run', () => {
  const whole = join(dir, 'whole.safetensors');
  const first = runCli([...RUN, '--out', whole]);
  const wholeBytes = readFileSync(whole);

  it('the uninterrupted run', () => {
    expect([first.code, first.stderr]).toEqual([0, '']);
  });

  it.each([
    ['the first state appears', (f: string) => existsSync(join(f, 'net.train-state.safetensors'))],
    [
      'a temporary file is being written',
      (f: string) => readdirSync(f).some((n) => n.endsWith('.tmp')),
    ],
    ['the checkpoint reaches epoch 2', (_f: string, o: string) => checkpointEpochs(o) === '2'],
  ])('killed when %s', async (what, when) => {
    const folder = join(dir, what.replace(/ /g, '-'));
    mkdirSync(folder);
    const out = join(folder, 'net.safetensors');
    await killWhen(out, () => when(folder, out));
    const state = join(folder, 'net.train-state.safetensors');
    const hadState = existsSync(state);
    const resumed = runCli([...RUN, '--out', out, '--resume']);
    if (hadState) {
      expect([resumed.code, resumed.stderr]).toEqual([0, '']);
    } else {
      expect(resumed.stderr).toBe(
        `addersim: --resume needs the training state ${state}, which does not exist\n`,
      );
      expect(runCli([...RUN, '--out', out]).code).toBe(0);
    }
    expect(readFileSync(out).equals(wholeBytes)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['net.safetensors', 'net.train-state.safetensors']);
  });
});

describe('train --out refused before any epoch', () => {
  const args = ['train', '--net', 'lenet5', '--variant', 'cnn', '--epochs', '1'];
  it.each([
    [
      'a folder',
      () => dir,
      (p: string) => `--out ${p} must be a regular file or a new path, not a directory`,
    ],
    [
      'a file that is not a checkpoint',
      () => {
        const p = join(dir, 'notes.safetensors');
        writeFileSync(p, 'my notes\n');
        return p;
      },
      (p: string) =>
        `--out ${p} must be an addersim checkpoint to replace or a new path, not a file of another kind`,
    ],
    [
      'a path below a file',
      () => join(dir, 'notes.safetensors', 'x.safetensors'),
      (p: string) =>
        `--out ${p}: its folder cannot be written (expected a writable folder, found a file on the folder path)`,
    ],
  ])('%s', (_what, make, message) => {
    const out = make();
    const r = runCli([...args, '--out', out]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `addersim: ${message(out)}\n`]);
  });
  it('the foreign file is left as it was', () => {
    expect(readFileSync(join(dir, 'notes.safetensors'), 'utf8')).toBe('my notes\n');
  });
});
