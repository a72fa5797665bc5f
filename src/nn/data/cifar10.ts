import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import type { Dataset } from './dataset.js';

/**
 * CIFAR-10 "binary version" batches from a folder the user names (data_batch_1..5.bin for
 * training, test_batch.bin for test). Each record is 3073 bytes: the label (0..9), then
 * 1024 red, 1024 green and 1024 blue bytes, row-major 32×32 — already [C, H, W].
 *
 * The normalisation is not a property of the files but of the network that reads them (the
 * official AdderNet code uses std 0.2023/0.1994/0.2010, other code 0.247/0.2435/0.2616), so the
 * caller passes it: the checkpoint's own metadata.
 */
const RECORD = 1 + 3 * 32 * 32;

export interface Normalisation {
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** The training batch files of a folder that exist (data_batch_1..5.bin, in order). */
export function cifar10TrainFiles(folder: string): string[] {
  return [1, 2, 3, 4, 5]
    .map((i) => join(folder, `data_batch_${i}.bin`))
    .filter((f) => existsSync(f));
}

/**
 * Loads one split. Train reads every data_batch_N.bin present (at least one); test reads
 * test_batch.bin. Every file is checked: a regular file, a whole number of records, labels 0–9.
 */
export function loadCifar10(folder: string, split: 'train' | 'test', norm: Normalisation): Dataset {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new InputError(`--data cifar10: ${folder} must be a folder of CIFAR-10 binary batches`);
  }
  const files = split === 'train' ? cifar10TrainFiles(folder) : [join(folder, 'test_batch.bin')];
  if (files.length === 0) {
    throw new InputError(
      `CIFAR-10 folder ${folder} has no training batch (data_batch_1.bin .. data_batch_5.bin)`,
    );
  }
  const chunks = files.map((f) => {
    if (!existsSync(f)) throw new InputError(`CIFAR-10 file ${f} does not exist`);
    if (!statSync(f).isFile()) throw new InputError(`CIFAR-10 file ${f} must be a regular file`);
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
    mean: [...norm.mean],
    std: [...norm.std],
  };
}
