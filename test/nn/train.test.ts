import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveVariant, VARIANTS } from '../../src/nn/graph.js';
import { Model } from '../../src/nn/model.js';
import { DEFAULT_SGD, Sgd } from '../../src/nn/optim.js';
import { runTraining } from '../../src/nn/session.js';
import { trainEpoch } from '../../src/nn/train.js';
import { trainStatePath } from '../../src/nn/train-state.js';
import { syntheticDataset, TINY } from './synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'addersim-train-'));
const train = syntheticDataset(256, 1);
const test = syntheticDataset(128, 2);

function run(
  out: string,
  variant: (typeof VARIANTS)[number],
  extra: Partial<Parameters<typeof runTraining>[0]> = {},
) {
  return runTraining({
    modelName: `tiny-${variant}`,
    graph: deriveVariant(TINY, variant),
    out,
    resume: false,
    epochs: 2,
    seed: 7,
    batch: 32,
    lr: 0.05,
    shift: 1,
    train,
    test,
    ...extra,
  });
}

describe('training', () => {
  it.each(VARIANTS)('the %s variant lowers the loss on a learnable set', (variant) => {
    const model = new Model(deriveVariant(TINY, variant));
    model.initialise(1);
    const sgd = new Sgd(model.params(), { ...DEFAULT_SGD, lr: 0.05 });
    const settings = { seed: 1, batch: 32, lr: 0.05, epochs: 4, shift: 0 };
    const losses = [0, 1, 2, 3].map((e) => trainEpoch(model, sgd, train, settings, e).loss);
    expect(losses[3]).toBeLessThan(0.7 * losses[0]);
  });

  it('the same seed gives the same checkpoint bytes; another seed does not', () => {
    const a = join(dir, 'a.safetensors');
    const b = join(dir, 'b.safetensors');
    const c = join(dir, 'c.safetensors');
    run(a, 'addernet');
    run(b, 'addernet');
    run(c, 'addernet', { seed: 8 });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(readFileSync(a).equals(readFileSync(c))).toBe(false);
  });

  it('a run interrupted after an epoch and resumed ends with the same bytes', () => {
    const whole = join(dir, 'whole.safetensors');
    const parts = join(dir, 'parts.safetensors');
    run(whole, 'cnn');
    expect(() =>
      run(parts, 'cnn', {
        onEpoch: () => {
          throw new Error('interrupted');
        },
      }),
    ).toThrow('interrupted');
    const result = run(parts, 'cnn', { resume: true });
    expect(result.epochs).toBe(2);
    expect(readFileSync(parts).equals(readFileSync(whole))).toBe(true);
    expect(readFileSync(trainStatePath(parts)).length).toBeGreaterThan(0);
  });

  it('refuses to resume with other settings or without a state file', () => {
    const out = join(dir, 'r.safetensors');
    run(out, 'bnn', { epochs: 1 });
    expect(() => run(out, 'bnn', { epochs: 1, lr: 0.1, resume: true })).toThrow(
      /^--resume must use the settings of the interrupted run \(/,
    );
    const none = join(dir, 'none.safetensors');
    expect(() => run(none, 'bnn', { resume: true })).toThrow(
      `--resume needs the training state ${join(dir, 'none.train-state.safetensors')}, which does not exist`,
    );
  });
});
