import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { InputError, show } from '../errors.js';
import {
  checkOutputCreatable,
  checkOutputFile,
  readInputFile,
  writeFileAtomic,
} from '../fsutil.js';
import { CHECKPOINT_FORMAT } from './checkpoint.js';
import { decodeSafetensors, encodeSafetensors } from './safetensors.js';
import type { Tensor } from './tensor.js';

/**
 * The training state `<name>.train-state.safetensors` is the one unit a resumed run reads. It
 * holds everything the checkpoint holds (its tensors under their own names, its metadata as
 * JSON in `checkpoint`) plus the momentum buffers (`<param>.momentum`), the run's settings,
 * the epochs done and the cumulative training seconds and images. After every epoch it is
 * written first, atomically; the checkpoint at --out is then derived from it. A kill at any
 * moment therefore leaves a state complete for some epoch, and --resume rewrites the checkpoint
 * from it (the same bytes an uninterrupted run wrote), so the two files can never disagree in a
 * way that makes resuming impossible. The checkpoint stays readable on its own.
 */
export interface TrainState {
  /** JSON of the run's settings; --resume requires the same. */
  readonly settings: string;
  readonly epochsDone: number;
  readonly trainSeconds: number;
  readonly trainImages: number;
  /** The checkpoint's metadata (without the graph keys saveCheckpoint adds). */
  readonly checkpoint: Record<string, string>;
  /** Weights and BatchNorm statistics: the checkpoint's tensors. */
  readonly weights: ReadonlyMap<string, Tensor>;
  /** Momentum buffers by parameter name. */
  readonly momentum: ReadonlyMap<string, Tensor>;
}

const MOMENTUM = '.momentum';

export function trainStatePath(out: string): string {
  return `${out.replace(/\.safetensors$/, '')}.train-state.safetensors`;
}

export function writeTrainState(path: string, s: TrainState): void {
  const tensors = new Map(s.weights);
  for (const [name, t] of s.momentum) tensors.set(`${name}${MOMENTUM}`, t);
  writeFileAtomic(
    path,
    encodeSafetensors(tensors, {
      settings: s.settings,
      epochs_done: String(s.epochsDone),
      train_seconds: String(s.trainSeconds),
      train_images: String(s.trainImages),
      checkpoint: JSON.stringify(s.checkpoint),
    }),
    '--out (its training state)',
  );
}

/**
 * Reads a training state, refusing in one line anything a damaged or foreign file can get
 * wrong: numbers not finite, metadata missing, values not finite. Shapes are checked by the
 * model that loads the weights.
 */
export function readTrainState(path: string, epochs: number): TrainState {
  if (!existsSync(path)) {
    throw new InputError(`--resume needs the training state ${path}, which does not exist`);
  }
  const { tensors, metadata } = decodeSafetensors(
    new Uint8Array(readInputFile(path, `training state ${path}`)),
    path,
  );
  const field = (key: string) => {
    const v = metadata[key];
    if (v === undefined) {
      throw new InputError(
        `${path}: __metadata__.${key}: missing (expected a training state written by addersim train, found none)`,
      );
    }
    return v;
  };
  const number = (key: string, max: number) => {
    const v = Number(field(key));
    if (!(Number.isFinite(v) && v >= 0 && v <= max)) {
      throw new InputError(
        `${path}: __metadata__.${key}: bad value (expected a number from 0 to ${max}, found ${show(metadata[key])})`,
      );
    }
    return v;
  };
  const epochsDone = number('epochs_done', epochs);
  if (!Number.isInteger(epochsDone)) {
    throw new InputError(
      `${path}: __metadata__.epochs_done: bad value (expected a whole number of epochs, found ${epochsDone})`,
    );
  }
  const checkpointJson = field('checkpoint');
  let checkpoint: unknown;
  try {
    checkpoint = JSON.parse(checkpointJson);
  } catch {
    checkpoint = undefined;
  }
  if (
    typeof checkpoint !== 'object' ||
    checkpoint === null ||
    Array.isArray(checkpoint) ||
    !Object.values(checkpoint).every((v) => typeof v === 'string')
  ) {
    throw new InputError(
      `${path}: __metadata__.checkpoint: bad value (expected a JSON object of strings, found ${show(metadata.checkpoint)})`,
    );
  }
  const weights = new Map<string, Tensor>();
  const momentum = new Map<string, Tensor>();
  for (const [name, t] of tensors) {
    const bad = t.data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw new InputError(
        `${path}: tensor ${name}[${bad}]: bad value (expected a finite number, found ${t.data[bad]})`,
      );
    }
    if (name.endsWith(MOMENTUM)) momentum.set(name.slice(0, -MOMENTUM.length), t);
    else weights.set(name, t);
  }
  return {
    settings: field('settings'),
    epochsDone,
    trainSeconds: number('train_seconds', Number.MAX_VALUE),
    trainImages: number('train_images', Number.MAX_SAFE_INTEGER),
    checkpoint: checkpoint as Record<string, string>,
    weights,
    momentum,
  };
}

/**
 * The `__metadata__` of a safetensors file, read from its header only (the file may be large
 * and is not ours until this says so), or undefined when the file is not safetensors.
 */
function safetensorsMetadata(path: string): Record<string, unknown> | undefined {
  const fd = openSync(path, 'r');
  try {
    const length = Buffer.alloc(8);
    if (readSync(fd, length, 0, 8, 0) !== 8) return undefined;
    const n = length.readBigUInt64LE(0);
    if (n > 100n * 2n ** 20n) return undefined;
    const header = Buffer.alloc(Number(n));
    if (readSync(fd, header, 0, header.length, 8) !== header.length) return undefined;
    const json: unknown = JSON.parse(header.toString('utf8'));
    const meta = (json as { __metadata__?: unknown } | null)?.__metadata__;
    return typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {};
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses, before the data is even loaded, outputs training could not write or must not
 * replace: --out and its state must each be a new path or a file of their own kind (a
 * checkpoint; a training state), never a link, device, FIFO, folder or someone else's file,
 * and their folder must be writable. With --resume the state is read, not replaced, and
 * readTrainState names whatever is wrong with it.
 */
export function checkTrainOutputs(out: string, resume = false): void {
  const state = trainStatePath(out);
  const own: [string, string, string, (m: Record<string, unknown>) => boolean][] = [
    ['--out', out, 'an addersim checkpoint', (m) => m.format === CHECKPOINT_FORMAT],
    [
      '--out (its training state)',
      state,
      'a training state of addersim train',
      (m) => typeof m.settings === 'string',
    ],
  ];
  for (const [flag, path, kind, ours] of own) {
    checkOutputFile(flag, path);
    if (!existsSync(path) || (resume && path === state)) continue;
    const meta = safetensorsMetadata(path);
    if (meta === undefined || !ours(meta)) {
      throw new InputError(
        `${flag} ${path} must be ${kind} to replace or a new path, not a file of another kind`,
      );
    }
  }
  checkOutputCreatable('--out', out);
}
