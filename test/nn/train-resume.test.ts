import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { deriveVariant } from '../../src/nn/graph.js';
import { decodeSafetensors, encodeSafetensors } from '../../src/nn/safetensors.js';
import { runTraining } from '../../src/nn/session.js';
import { checkTrainOutputs, trainStatePath } from '../../src/nn/train-state.js';
import { syntheticDataset, TINY } from './synthetic.js';

/**
 * Training resume is atomic: whatever moment a run is killed at — between the state and the
 * checkpoint writes, in the middle of either write (a temporary file left beside it), after the
 * last epoch's state but before its checkpoint — `--resume` finishes the run, and the checkpoint
 * it ends with has the bytes of an uninterrupted run.
 */
const dir = mkdtempSync(join(tmpdir(), 'addersim-train-resume-'));
const train = syntheticDataset(256, 1);
const test = syntheticDataset(128, 2);
// 4194305 is above Linux's largest pid: a process that cannot be alive.
const DEAD = 4194305;

function run(out: string, extra: Partial<Parameters<typeof runTraining>[0]> = {}) {
  return runTraining({
    modelName: 'tiny-cnn',
    graph: deriveVariant(TINY, 'cnn'),
    out,
    resume: false,
    epochs: 3,
    seed: 5,
    batch: 32,
    lr: 0.05,
    shift: 0,
    train,
    test,
    ...extra,
  });
}

const whole = join(dir, 'whole.safetensors');
run(whole);
const wholeBytes = readFileSync(whole);

/** Interrupts a run by throwing at the n-th call of the hook named. */
function killAt(n: number): () => void {
  let calls = 0;
  return () => {
    if (++calls === n) throw new Error('killed');
  };
}

describe('a run killed between its two writes resumes to the same bytes', () => {
  it.each([1, 2, 3])('killed after the state of epoch %i, before its checkpoint', (epoch) => {
    const out = join(dir, `between-${epoch}.safetensors`);
    expect(() => run(out, { onStateWritten: killAt(epoch) })).toThrow('killed');
    // The checkpoint is an epoch behind the state (or absent after the first epoch).
    const before = existsSync(out) ? decodeSafetensors(readFileSync(out), out) : undefined;
    expect(before?.metadata.epochs).toBe(epoch === 1 ? undefined : String(epoch - 1));
    expect(run(out, { resume: true }).epochs).toBe(3);
    expect(readFileSync(out).equals(wholeBytes)).toBe(true);
  });

  it('killed in the middle of writing the checkpoint and the state (temporary files left)', () => {
    const out = join(dir, 'torn.safetensors');
    const state = trainStatePath(out);
    expect(() => run(out, { onStateWritten: killAt(2) })).toThrow('killed');
    // What a kill inside writeFileAtomic leaves: a half-written temporary file beside each
    // target, and the checkpoint itself truncated by something else entirely.
    const partial = readFileSync(state).subarray(0, 100);
    writeFileSync(`${state}.${DEAD}.1.tmp`, partial);
    writeFileSync(`${out}.${DEAD}.2.tmp`, partial);
    writeFileSync(out, readFileSync(out).subarray(0, 50));
    expect(run(out, { resume: true }).epochs).toBe(3);
    expect(readFileSync(out).equals(wholeBytes)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('torn') && f.endsWith('.tmp'))).toEqual([]);
  });

  it('killed after the last epoch: resume only rewrites the checkpoint', () => {
    const out = join(dir, 'last.safetensors');
    expect(() => run(out, { onStateWritten: killAt(3) })).toThrow('killed');
    rmSync(out);
    let epochs = 0;
    run(out, { resume: true, onEpoch: () => epochs++ });
    expect(epochs).toBe(0);
    expect(readFileSync(out).equals(wholeBytes)).toBe(true);
  });

  it('killed during an epoch (after its checkpoint): the epoch is redone', () => {
    const out = join(dir, 'during.safetensors');
    expect(() => run(out, { onEpoch: killAt(1) })).toThrow('killed');
    run(out, { resume: true });
    expect(readFileSync(out).equals(wholeBytes)).toBe(true);
  });
});

describe('damaged or foreign training states are refused in one line', () => {
  const out = join(dir, 'state.safetensors');
  const state = trainStatePath(out);
  run(out, { epochs: 1 });
  const good = decodeSafetensors(readFileSync(state), state);
  const write = (meta: Record<string, string>, tensors = good.tensors) =>
    writeFileSync(state, encodeSafetensors(tensors, meta));

  it.each([
    [
      'no checkpoint in it (a state of an older layout)',
      () => {
        const { checkpoint: _, ...meta } = good.metadata;
        write(meta);
      },
      `${state}: __metadata__.checkpoint: missing (expected a training state written by addersim train, found none)`,
    ],
    [
      'epochs done beyond the run',
      () => write({ ...good.metadata, epochs_done: '7' }),
      `${state}: __metadata__.epochs_done: bad value (expected a number from 0 to 1, found "7")`,
    ],
    [
      'training seconds not a number',
      () => write({ ...good.metadata, train_seconds: 'NaN' }),
      `${state}: __metadata__.train_seconds: bad value (expected a number from 0 to ${Number.MAX_VALUE}, found "NaN")`,
    ],
    [
      'a NaN momentum',
      () => {
        const tensors = new Map(good.tensors);
        const name = [...tensors.keys()].find((k) => k.endsWith('.momentum'))!;
        const data = tensors.get(name)!.data.slice();
        data[0] = Number.NaN;
        tensors.set(name, { shape: tensors.get(name)!.shape, data });
        write(good.metadata, tensors);
      },
      `${state}: tensor ${[...good.tensors.keys()].find((k) => k.endsWith('.momentum'))}[0]: bad value (expected a finite number, found NaN)`,
    ],
  ])('%s', (_what, damage, message) => {
    damage();
    expect(() => run(out, { epochs: 1, resume: true })).toThrow(new InputError(message));
  });
});

describe('train --out is checked before any epoch', () => {
  it('refuses a folder, a foreign file, a foreign state and an unwritable folder', () => {
    const folder = join(dir, 'a-folder');
    rmSync(folder, { recursive: true, force: true });
    writeFileSync(join(dir, 'plain.txt'), 'x');
    expect(() => checkTrainOutputs(dir)).toThrow(
      new InputError(`--out ${dir} must be a regular file or a new path, not a directory`),
    );
    const notes = join(dir, 'notes.safetensors');
    writeFileSync(notes, 'my notes');
    expect(() => checkTrainOutputs(notes)).toThrow(
      new InputError(
        `--out ${notes} must be an addersim checkpoint to replace or a new path, not a file of another kind`,
      ),
    );
    const other = join(dir, 'other.safetensors');
    writeFileSync(trainStatePath(other), encodeSafetensors(new Map(), { format: 'x' }));
    expect(() => checkTrainOutputs(other)).toThrow(
      new InputError(
        `--out (its training state) ${trainStatePath(other)} must be a training state of addersim train to replace or a new path, not a file of another kind`,
      ),
    );
    const below = join(dir, 'plain.txt', 'm.safetensors');
    expect(() => checkTrainOutputs(below)).toThrow(
      new InputError(
        `--out ${below}: its folder cannot be written (expected a writable folder, found a file on the folder path)`,
      ),
    );
    // With --resume the state is read, and readTrainState names what is wrong with it.
    expect(() => checkTrainOutputs(other, true)).not.toThrow();
    // A checkpoint and a state of an earlier run are ours to replace.
    expect(() => checkTrainOutputs(whole)).not.toThrow();
  });
});
