import { MNIST_MEAN, MNIST_STD } from './mnist.js';

/**
 * The normalisation an import writes into a checkpoint when the user gives no --mean/--std (and
 * says so): the datasets' usual statistics. CIFAR-10: per-channel mean and standard deviation of
 * the training images' byte/255 (0.4914/0.4822/0.4465, 0.247/0.2435/0.2616). Checkpoints then
 * carry their own normalisation; nothing downstream has a default for CIFAR-10.
 */
export const IMPORT_NORMALISATION: Readonly<
  Record<string, { readonly mean: readonly number[]; readonly std: readonly number[] }>
> = {
  mnist: { mean: [MNIST_MEAN], std: [MNIST_STD] },
  cifar10: { mean: [0.4914, 0.4822, 0.4465], std: [0.247, 0.2435, 0.2616] },
};
