import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSafetensors } from '../../src/nn/safetensors.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'addersim-cli-train-'));

describe('addersim train', () => {
  it('trains a short run, writes a checkpoint with its metadata and reports as JSON', () => {
    const out = join(dir, 'cnn.safetensors');
    const r = runCli([
      'train',
      '--net',
      'lenet5',
      '--variant',
      'cnn',
      '--epochs',
      '1',
      '--batch',
      '64',
      '--limit',
      '256',
      '--test-limit',
      '200',
      '--seed',
      '3',
      '--out',
      out,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ model: 'lenet5-bn-cnn', out, epochs: 1 });
    expect(summary.testAccuracy).toBeGreaterThan(0.2); // 256 images already beat chance (0.1)
    const { metadata, tensors } = decodeSafetensors(new Uint8Array(readFileSync(out)), out);
    expect(metadata).toMatchObject({ variant: 'cnn', dataset: 'mnist', seed: '3', epochs: '1' });
    expect(tensors.get('conv1.weight')!.shape).toEqual([6, 1, 5, 5]);
    expect(existsSync(join(dir, 'cnn.train-state.safetensors'))).toBe(true);
  });

  it.each([
    [
      ['--net', 'resnet20', '--variant', 'cnn'],
      '--net must be one of lenet5 (the architectures train has a recipe for), not "resnet20"',
    ],
    [
      ['--net', 'lenet5', '--variant', 'snn'],
      '--variant must be one of addernet, cnn, bnn, not "snn"',
    ],
    [
      ['--model', 'lenet5-bn-cnn'],
      '--model is now --net for train (addersim train --help describes it)',
    ],
    [
      ['--net', 'lenet5', '--variant', 'cnn', '--epochs', '0'],
      '--epochs must be an integer from 1 to 1000, not 0',
    ],
    [
      ['--net', 'lenet5', '--variant', 'cnn', '--lr', '-1'],
      '--lr must be a number above 0 and at most 10, not -1',
    ],
    [
      ['--net', 'lenet5', '--variant', 'cnn', '--resume'],
      `--resume needs the training state ${join(dir, 'x.train-state.safetensors')}, which does not exist`,
    ],
  ])('rejects %j with one line and exit 2', (args, message) => {
    const r = runCli(['train', ...args, '--out', join(dir, 'x.safetensors')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`addersim: ${message}\n`);
  });
});
