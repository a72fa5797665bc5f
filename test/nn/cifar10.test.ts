import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCifar10 } from '../../src/nn/data/cifar10.js';

const NORM = { mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] };

/** CIFAR-10 binary batches written by hand: record = label byte + 3072 pixel bytes (R, G, B planes). */
function record(label: number, fill: (i: number) => number): Uint8Array {
  const r = new Uint8Array(3073);
  r[0] = label;
  for (let i = 0; i < 3072; i++) r[1 + i] = fill(i);
  return r;
}

describe('CIFAR-10 binary batches', () => {
  it('reads test_batch.bin through the same Dataset interface as MNIST', () => {
    const dir = mkdtempSync(join(tmpdir(), 'addersim-cifar-'));
    const a = record(3, (i) => i % 256);
    const b = record(9, (i) => (i < 1024 ? 255 : 0)); // pure red
    writeFileSync(join(dir, 'test_batch.bin'), Buffer.concat([a, b]));
    const ds = loadCifar10(dir, 'test', NORM);
    expect(ds.count).toBe(2);
    expect(ds.shape).toEqual([3, 32, 32]);
    expect([...ds.labels]).toEqual([3, 9]);
    expect(ds.images[3072 + 0]).toBe(255);
    expect(ds.images[3072 + 1024]).toBe(0);
    expect(ds.images[5]).toBe(5);
  });

  it('names the file that is missing, has a partial record or a bad label', () => {
    const dir = mkdtempSync(join(tmpdir(), 'addersim-cifar-'));
    expect(() => loadCifar10(dir, 'test', NORM)).toThrow(
      `CIFAR-10 file ${join(dir, 'test_batch.bin')} does not exist`,
    );
    writeFileSync(join(dir, 'test_batch.bin'), new Uint8Array(3000));
    expect(() => loadCifar10(dir, 'test', NORM)).toThrow(
      `${join(dir, 'test_batch.bin')}: size must be a multiple of 3073 bytes (one record each), not 3000`,
    );
    writeFileSync(
      join(dir, 'test_batch.bin'),
      record(12, () => 0),
    );
    expect(() => loadCifar10(dir, 'test', NORM)).toThrow(
      `${join(dir, 'test_batch.bin')}: labels must be 0 to 9, not 12 (record 0)`,
    );
  });
});
