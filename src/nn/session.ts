import { InputError } from '../errors.js';
import { checkTensors } from './check-tensors.js';
import { saveCheckpoint } from './checkpoint.js';
import type { Dataset } from './data/dataset.js';
import { evaluateAccuracy } from './evaluate.js';
import type { ModelGraph } from './graph.js';
import { Model } from './model.js';
import { DEFAULT_SGD, Sgd, type SgdSettings } from './optim.js';
import type { Tensor } from './tensor.js';
import { type BatchProgress, type EpochSettings, trainEpoch } from './train.js';
import { readTrainState, trainStatePath, writeTrainState } from './train-state.js';

/**
 * A training run written to files: after every epoch the training state
 * `<name>.train-state.safetensors` (train-state.ts: the checkpoint's content, momentum buffers,
 * the run's settings and counters; the one unit --resume reads), then the checkpoint (weights
 * and BatchNorm statistics, deterministic bytes: no timings in it), both atomically. `resume`
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
  /** Called between the state and checkpoint writes of an epoch (tests interrupt there). */
  readonly onStateWritten?: () => void;
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

export function runTraining(o: TrainRunOptions): TrainRunResult {
  const sgd: SgdSettings = { ...(o.sgd ?? DEFAULT_SGD), lr: o.lr };
  const settings = JSON.stringify({
    model: o.modelName,
    epochs: o.epochs,
    seed: o.seed,
    batch: o.batch,
    shift: o.shift,
    limit: o.limit ?? null,
    ...sgd,
  });
  const model = new Model(o.graph);
  model.initialise(o.seed);
  const optimizer = new Sgd(model.params(), sgd);
  const statePath = trainStatePath(o.out);
  let done = 0;
  let seconds = 0;
  let images = 0;
  let accuracy = Number.NaN;
  if (o.resume) {
    const state = readTrainState(statePath, o.epochs);
    if (state.settings !== settings) {
      throw new InputError(
        `--resume must use the settings of the interrupted run (${state.settings}), not ${settings}`,
      );
    }
    model.loadState(state.weights, statePath);
    checkTensors(o.graph, state.weights, statePath);
    for (const [name, v] of optimizer.velocity) {
      const t = state.momentum.get(name);
      if (!t || t.data.length !== v.length) {
        throw new InputError(`${statePath}: missing tensor ${name}.momentum`);
      }
      v.set(t.data);
    }
    done = state.epochsDone;
    seconds = state.trainSeconds;
    images = state.trainImages;
    accuracy = Number(state.checkpoint.accuracy);
    // The state is written before the checkpoint: a run killed between the two left the
    // checkpoint an epoch behind (or half-written). Rewriting it from the state gives the bytes
    // the uninterrupted run wrote.
    if (done > 0) saveCheckpoint(o.out, o.graph, model.stateTensors(), state.checkpoint);
  }
  for (let epoch = done; epoch < o.epochs; epoch++) {
    const r = trainEpoch(model, optimizer, o.train, o, epoch, o.onBatch);
    seconds += r.seconds;
    images += r.images;
    accuracy = evaluateAccuracy(model, o.test, { limit: o.testLimit }).accuracy;
    const checkpoint = {
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
    };
    const momentum = new Map<string, Tensor>();
    for (const p of model.params()) {
      momentum.set(p.name, { shape: p.shape, data: optimizer.velocity.get(p.name)! });
    }
    // One unit: the state holds the checkpoint too, and is written first (see train-state.ts).
    writeTrainState(statePath, {
      settings,
      epochsDone: epoch + 1,
      trainSeconds: seconds,
      trainImages: images,
      checkpoint,
      weights: model.stateTensors(),
      momentum,
    });
    o.onStateWritten?.();
    saveCheckpoint(o.out, o.graph, model.stateTensors(), checkpoint);
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
