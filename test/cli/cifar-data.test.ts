import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cifarRecords, resnetFixture } from '../../bench/resnet20-fixture.js';
import { loadArchitecture } from '../../src/nn/architectures.js';
import { loadCheckpoint, saveCheckpoint } from '../../src/nn/checkpoint.js';
import { deriveVariant } from '../../src/nn/graph.js';
import { Model } from '../../src/nn/model.js';
import { fromRoot } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';

/** --data cifar10:DIR on eval and infer, on a random-weight ResNet-20 and synthetic batches. */
const fx = resnetFixture('addernet', { testImages: 12 });
const lenet = fromRoot('models', 'lenet5-bn-adder.safetensors');

describe('--data cifar10:DIR', () => {
  it('eval prints the float accuracy of a CIFAR-10 folder as JSON', () => {
    const r = runCli(['eval', '--model', fx.checkpoint, '--data', `cifar10:${fx.dir}`, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.data).toBe(`cifar10:${fx.dir}`);
    expect(out.total).toBe(12);
    expect(out.accuracy).toBe(out.correct / 12);
  });

  it('infer --bits 8 prints accuracy, and says that the test images calibrated it', () => {
    const r = runCli([
      'infer',
      '--model',
      fx.checkpoint,
      '--data',
      `cifar10:${fx.dir}`,
      '--bits',
      '8',
      '--table',
      'asic-45nm-horowitz',
      '--json',
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `note: cifar10:${fx.dir} has no training batches: calibration uses the last 6 test images, and accuracy is counted on the first 6 only\n`,
    );
    const out = JSON.parse(r.stdout);
    expect(out.images).toBe(6);
    expect(out.accuracy).toBe(out.correct / 6);
    expect(out.data).toEqual({
      source: `cifar10:${fx.dir}`,
      calibration: 'test-holdout',
      calibrationImages: 6,
      note: `cifar10:${fx.dir} has no training batches: calibration uses the last 6 test images, and accuracy is counted on the first 6 only`,
    });
  }, 300_000);

  it('sweep runs its points on the folder and records the data in every record', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'addersim-cifar-sweep-')), 'sweep.jsonl');
    const r = runCli([
      'sweep',
      '--model',
      fx.checkpoint,
      '--data',
      `cifar10:${fx.dir}`,
      '--bits',
      '8',
      '--limit',
      '4',
      '--table',
      'asic-45nm-horowitz',
      '--out',
      out,
      '--json',
      '--quiet',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const records = JSON.parse(r.stdout);
    expect(records).toHaveLength(1);
    expect(records[0].settings.data).toBe(`cifar10:${fx.dir}`);
    expect(records[0].images).toBe(4);
  }, 300_000);

  it('refuses bad data with one line and exit 2', () => {
    const bad = mkdtempSync(join(tmpdir(), 'addersim-cifar-bad-'));
    writeFileSync(join(bad, 'test_batch.bin'), new Uint8Array(3073 * 2 + 5));
    const labels = mkdtempSync(join(tmpdir(), 'addersim-cifar-labels-'));
    const records = cifarRecords(3, 9);
    records[3073] = 10;
    writeFileSync(join(labels, 'test_batch.bin'), records);
    const bare = join(fx.dir, 'no-normalisation.safetensors');
    const ck = loadCheckpoint(fx.checkpoint);
    const { normalisation: _, ...rest } = ck.metadata;
    saveCheckpoint(bare, ck.graph, ck.tensors, rest);
    const cases: [string[], string][] = [
      [
        ['eval', '--model', lenet, '--data', `cifar10:${fx.dir}`],
        `--data cifar10: images are 3x32x32, but ${lenet} takes 1x28x28 inputs`,
      ],
      [
        ['eval', '--model', fx.checkpoint],
        `--data is needed: ${fx.checkpoint} is a "cifar10" checkpoint (give --data cifar10:DIR for CIFAR-10 binary batches)`,
      ],
      [
        ['eval', '--model', fx.checkpoint, '--data', 'imagenet'],
        '--data must be mnist or cifar10:DIR, not "imagenet"',
      ],
      [
        ['eval', '--model', fx.checkpoint, '--data', `cifar10:${bad}`],
        `${join(bad, 'test_batch.bin')}: size must be a multiple of 3073 bytes (one record each), not 6151`,
      ],
      [
        ['eval', '--model', fx.checkpoint, '--data', `cifar10:${labels}`],
        `${join(labels, 'test_batch.bin')}: labels must be 0 to 9, not 10 (record 1)`,
      ],
      [
        ['eval', '--model', fx.checkpoint, '--data', `cifar10:${join(fx.dir, 'none')}`],
        `--data cifar10: ${join(fx.dir, 'none')} must be a folder of CIFAR-10 binary batches`,
      ],
      [
        ['eval', '--model', bare, '--data', `cifar10:${fx.dir}`],
        `${bare}: __metadata__.normalisation is missing; a cifar10 checkpoint must carry its mean and std (import it with --mean and --std)`,
      ],
      [
        [
          'infer',
          '--model',
          fx.checkpoint,
          '--data',
          `cifar10:${fx.dir}`,
          '--calibration',
          'train',
        ],
        `CIFAR-10 folder ${fx.dir} has no training batch (data_batch_1.bin .. data_batch_5.bin)`,
      ],
      [
        ['infer', '--model', fx.checkpoint, '--data', `cifar10:${fx.dir}`, '--calibration', 'x'],
        '--calibration must be one of train, test-holdout, not "x"',
      ],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.stderr, args.join(' ')).toBe(`addersim: ${message}\n`);
      expect(r.code).toBe(2);
    }
  }, 300_000);

  it('mnist stays the default for MNIST checkpoints and a random MNIST model evaluates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'addersim-mnist-'));
    const graph = deriveVariant(loadArchitecture('lenet5'), 'cnn');
    const model = new Model(graph);
    model.initialise(3);
    const path = join(dir, 'cnn.safetensors');
    saveCheckpoint(path, graph, model.stateTensors(), { dataset: 'mnist' });
    const a = runCli(['eval', '--model', path, '--limit', '20', '--json']);
    const b = runCli(['eval', '--model', path, '--limit', '20', '--json', '--data', 'mnist']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
  });
});
