import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import type { Dataset } from './dataset.js';

/**
 * CIFAR-10 "binary version" batches from a folder the user names (data_batch_1..5.bin for
 * training, test_batch.bin for test). Each record is 3073 bytes: the label (0..9), then
 * 1024 red, 1024 green and 1024 blue bytes, row-major 32×32 — already [C, H, W].
 */
export const CIFAR10_MEAN = [0.4914, 0.4822, 0.4465];
export const CIFAR10_STD = [0.247, 0.2435, 0.2616];
const RECORD = 1 + 3 * 32 * 32;

export function loadCifar10(folder: string, split: 'train' | 'test'): Dataset {
  const files =
    split === 'train'
      ? [1, 2, 3, 4, 5].map((i) => join(folder, `data_batch_${i}.bin`))
      : [join(folder, 'test_batch.bin')];
  const chunks = files.map((f) => {
    if (!existsSync(f)) throw new InputError(`CIFAR-10 file ${f} does not exist`);
    const bytes = new Uint8Array(readFileSync(f));
    if (bytes.length === 0 || bytes.length % RECORD !== 0) {
      throw new InputError(
        `${f}: size must be a multiple of ${RECORD} bytes (one record each), not ${bytes.length}`,
      );
    }
    return { f, bytes };
  });
  const count = chunks.reduce((s, c) => s + c.bytes.length / RECORD, 0);
  const images = new Uint8Array(count * (RECORD - 1));
  const labels = new Uint8Array(count);
  let i = 0;
  for (const { f, bytes } of chunks) {
    for (let at = 0; at < bytes.length; at += RECORD, i++) {
      if (bytes[at] > 9) {
        throw new InputError(
          `${f}: labels must be 0 to 9, not ${bytes[at]} (record ${at / RECORD})`,
        );
      }
      labels[i] = bytes[at];
      images.set(bytes.subarray(at + 1, at + RECORD), i * (RECORD - 1));
    }
  }
  return {
    name: 'cifar10',
    split,
    images,
    labels,
    count,
    shape: [3, 32, 32],
    mean: CIFAR10_MEAN,
    std: CIFAR10_STD,
  };
}
