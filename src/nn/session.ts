import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.js';
import type { Dataset } from './data/dataset.js';
import { evaluateAccuracy } from './evaluate.js';
import type { ModelGraph } from './graph.js';
import { Model } from './model.js';
import { DEFAULT_SGD, Sgd, type SgdSettings } from './optim.js';
import { decodeSafetensors, encodeSafetensors } from './safetensors.js';
import type { Tensor } from './tensor.js';
import { type BatchProgress, type EpochSettings, trainEpoch } from './train.js';

/**
 * A training run written to files: after every epoch the checkpoint (weights and BatchNorm
 * statistics, deterministic bytes: no timings in it) and, beside it, the training state
 * `<name>.train-state.safetensors` (momentum buffers as `<param>.momentum`; metadata: epochs
 * done, the run's settings, cumulative training seconds), both written atomically. `resume`
 * continues from the last completed epoch and requires the same settings; an epoch cut short
 * is redone from its start, so a resumed run ends with the same bytes as an uninterrupted one.
 */
export interface TrainRunOptions extends EpochSettings {
  readonly modelName: string;
  readonly graph: ModelGraph;
  readonly out: string;
  readonly resume: boolean;
  readonly train: Dataset;
  readonly test: Dataset;
  /** Evaluate on the first N test images only (quick runs); default all. */
  readonly testLimit?: number;
  readonly sgd?: Omit<SgdSettings, 'lr'>;
  readonly onBatch?: (p: BatchProgress) => void;
  readonly onEpoch?: (e: EpochSummary) => void;
}

export interface EpochSummary {
  readonly epoch: number;
  readonly epochs: number;
  readonly loss: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  readonly seconds: number;
  readonly imagesPerSecond: number;
}

export interface TrainRunResult {
  readonly epochs: number;
  readonly testAccuracy: number;
  /** Training seconds summed over all epochs (resumed parts included; evaluation excluded). */
  readonly trainSeconds: number;
  readonly imagesPerSecond: number;
}

export function trainStatePath(out: string): string {
  return `${out.replace(/\.safetensors$/, '')}.train-state.safetensors`;
}

export function runTraining(o: TrainRunOptions): TrainRunResult {
  const sgd: SgdSettings = { ...(o.sgd ?? DEFAULT_SGD), lr: o.lr };
  const settings = {
    model: o.modelName,
    epochs: o.epochs,
    seed: o.seed,
    batch: o.batch,
    shift: o.shift,
    limit: o.limit ?? null,
    ...sgd,
  };
  const model = new Model(o.graph);
  model.initialise(o.seed);
  const optimizer = new Sgd(model.params(), sgd);
  let done = 0;
  let seconds = 0;
  let images = 0;
  let accuracy = Number.NaN;
  if (o.resume) {
    const statePath = trainStatePath(o.out);
    if (!existsSync(statePath)) {
      throw new InputError(`--resume needs the training state ${statePath}, which does not exist`);
    }
    const state = decodeSafetensors(new Uint8Array(readFileSync(statePath)), statePath);
    const was = state.metadata.settings ?? '';
    if (was !== JSON.stringify(settings)) {
      throw new InputError(
        `--resume must use the settings of the interrupted run (${was}), not ${JSON.stringify(settings)}`,
      );
    }
    const checkpoint = loadCheckpoint(o.out);
    model.loadState(checkpoint.tensors, o.out);
    for (const [name, v] of optimizer.velocity) {
      const t = state.tensors.get(`${name}.momentum`);
      if (!t || t.data.length !== v.length) {
        throw new InputError(`${statePath}: missing tensor ${name}.momentum`);
      }
      v.set(t.data);
    }
    done = Number(state.metadata.epochs_done);
    if (checkpoint.metadata.epochs !== String(done)) {
      // The two files are written one after the other: a crash between them leaves them apart.
      throw new InputError(
        `${o.out}: epochs must be ${done} as in ${statePath}, not ${JSON.stringify(checkpoint.metadata.epochs ?? null)}; train again without --resume`,
      );
    }
    seconds = Number(state.metadata.train_seconds);
    images = Number(state.metadata.train_images);
    accuracy = Number(checkpoint.metadata.accuracy);
  }
  for (let epoch = done; epoch < o.epochs; epoch++) {
    const r = trainEpoch(model, optimizer, o.train, o, epoch, o.onBatch);
    seconds += r.seconds;
    images += r.images;
    accuracy = evaluateAccuracy(model, o.test, { limit: o.testLimit }).accuracy;
    saveCheckpoint(o.out, o.graph, model.stateTensors(), {
      model: o.modelName,
      dataset: o.train.name,
      accuracy: String(accuracy),
      seed: String(o.seed),
      epochs: String(epoch + 1),
      epochs_planned: String(o.epochs),
      optimizer: JSON.stringify({
        type: 'sgd',
        ...sgd,
        batch: o.batch,
        schedule: 'cosine per step',
        adaptive: 'adder layers: g*eta*sqrt(k)/max(|g|,1e-12)',
      }),
      augmentation: o.shift > 0 ? `random shift up to ${o.shift} px` : 'none',
      test_images: String(Math.min(o.testLimit ?? o.test.count, o.test.count)),
      normalisation: `(byte/255 - ${o.train.mean.join('/')}) / ${o.train.std.join('/')}`,
    });
    const momentum = new Map<string, Tensor>();
    for (const p of model.params()) {
      momentum.set(`${p.name}.momentum`, { shape: p.shape, data: optimizer.velocity.get(p.name)! });
    }
    writeFileAtomic(
      trainStatePath(o.out),
      encodeSafetensors(momentum, {
        settings: JSON.stringify(settings),
        epochs_done: String(epoch + 1),
        train_seconds: String(seconds),
        train_images: String(images),
      }),
    );
    o.onEpoch?.({
      epoch: epoch + 1,
      epochs: o.epochs,
      loss: r.loss,
      trainAccuracy: r.accuracy,
      testAccuracy: accuracy,
      seconds: r.seconds,
      imagesPerSecond: r.images / r.seconds,
    });
  }
  return {
    epochs: o.epochs,
    testAccuracy: accuracy,
    trainSeconds: seconds,
    imagesPerSecond: seconds > 0 ? images / seconds : 0,
  };
}
