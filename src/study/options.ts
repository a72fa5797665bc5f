import type { MulImpl } from '../cost/table-types.js';
import { InputError, show } from '../errors.js';
import { fromRoot } from '../paths.js';
import type { DataOptions } from '../pipeline/datasets.js';
import type { Network } from './results.js';

/**
 * What a study runs. One typed object; every field has a documented default, and the bounds are
 * checked here, where options enter (messages name the option as the CLI flag that sets it).
 */
export interface StudyOptions {
  /** Report title; default `<architecture>-<dataset>` (e.g. `lenet5-mnist`). */
  readonly title?: string;
  /** Checkpoint file per network; default the shipped models/lenet5-bn-{adder,cnn,bnn}.safetensors. */
  readonly checkpoints?: Partial<Record<Network, string>>;
  /** Bit width of activations and weights that costs and the verdict are quoted at; default 8. */
  readonly bits?: number;
  /** Seed of every random choice (which test images feed the adder toggles); default 1. */
  readonly seed?: number;
  /**
   * Test images every accuracy figure is counted over (the first N of the test set); default:
   * all of them (10,000 for MNIST).
   */
  readonly limit?: number;
  /**
   * Longer sweeps: every bit width from 8 down to 2, every accumulator width down to 4 bits,
   * and more images for the adder toggles (see resolveStudyOptions).
   */
  readonly full?: boolean;
  /** Where FPGA tables put multiplies (default `dsp`; `lut`: LUTs and carry chains only). */
  readonly mulImpl?: MulImpl;
  /**
   * Worker threads per inference run; default: the machine's parallelism. Results do not
   * depend on it (image slices are merged in order).
   */
  readonly threads?: number;
  /** Progress of each stage (the CLI draws bars); default: silent. */
  readonly progress?: StudyProgress;
  /** Images to calibrate and evaluate on (`--data`, `--calibration`; pipeline/datasets.ts). */
  readonly data?: DataOptions;
}

/** Called as the study goes: one `stage` per section, `tick` as its work advances. */
export interface StudyProgress {
  stage(name: string, total: number): void;
  tick(done: number): void;
  done(): void;
}

export const NETWORK_CHECKPOINTS: Readonly<Record<Network, string>> = {
  addernet: 'models/lenet5-bn-adder.safetensors',
  cnn: 'models/lenet5-bn-cnn.safetensors',
  bnn: 'models/lenet5-bn-bnn.safetensors',
};

export const DEFAULT_BITS = 8;
export const MIN_BITS = 2;
export const MAX_BITS = 16;
export const DEFAULT_SEED = 1;

/** Bit widths of the accuracy sweep (the default width is always included). */
export const SWEEP_BITS = [8, 6, 5, 4, 3] as const;
export const FULL_SWEEP_BITS = [8, 7, 6, 5, 4, 3, 2] as const;
/** Accumulator widths tried below the never-overflowing width: down by 1 bit, this many. */
export const ACC_STEPS = 8;
export const FULL_ACC_STEPS = 14;
/**
 * Accumulator sweep: test images counted (the first N of those the accuracy counts) and the
 * networks swept. Signed (CNN) accumulators narrower than their natural width are simulated
 * tap by tap, about 50× the cost of an unsigned or binary one, so the default sweeps AdderNet
 * and the BNN only; --full adds the CNN.
 */
export const ACC_IMAGES = 1000;
export const FULL_ACC_IMAGES = 2000;
export const ACC_NETWORKS: readonly Network[] = ['addernet', 'bnn'];
export const FULL_ACC_NETWORKS: readonly Network[] = ['addernet', 'cnn', 'bnn'];
/** Test images whose adder-layer additions are simulated through every adder netlist. */
export const ADDER_IMAGES = 4;
export const FULL_ADDER_IMAGES = 32;

/** A checkpoint to load (`file`) and how results name it (`label`: the shipped path or as given). */
export interface CheckpointRef {
  readonly file: string;
  readonly label: string;
}

function checkpointRef(given: string | undefined, shipped: string): CheckpointRef {
  return given === undefined
    ? { file: fromRoot(shipped), label: shipped }
    : { file: given, label: given };
}

export interface ResolvedStudyOptions {
  readonly title: string | undefined;
  readonly checkpoints: Readonly<Record<Network, CheckpointRef>>;
  readonly bits: number;
  readonly sweepBits: readonly number[];
  readonly seed: number;
  readonly limit: number | undefined;
  readonly accSteps: number;
  readonly accImages: number;
  readonly accNetworks: readonly Network[];
  readonly adderImages: number;
  readonly full: boolean;
  readonly threads: number | undefined;
  readonly progress: StudyProgress;
  readonly data: DataOptions;
}

const SILENT: StudyProgress = { stage() {}, tick() {}, done() {} };

function checkInt(flag: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`--${flag} must be an integer from ${min} to ${max}, not ${show(value)}`);
  }
  return value;
}

export function resolveStudyOptions(options: StudyOptions = {}): ResolvedStudyOptions {
  const bits = checkInt('bits', options.bits ?? DEFAULT_BITS, MIN_BITS, MAX_BITS);
  const seed = checkInt('seed', options.seed ?? DEFAULT_SEED, 0, 2 ** 32 - 1);
  const limit =
    options.limit === undefined ? undefined : checkInt('limit', options.limit, 1, 1_000_000);
  const full = options.full ?? false;
  const sweep = new Set<number>(full ? FULL_SWEEP_BITS : SWEEP_BITS);
  sweep.add(bits);
  return {
    title: options.title,
    checkpoints: {
      addernet: checkpointRef(options.checkpoints?.addernet, NETWORK_CHECKPOINTS.addernet),
      cnn: checkpointRef(options.checkpoints?.cnn, NETWORK_CHECKPOINTS.cnn),
      bnn: checkpointRef(options.checkpoints?.bnn, NETWORK_CHECKPOINTS.bnn),
    },
    bits,
    sweepBits: [...sweep].sort((a, b) => b - a),
    seed,
    limit,
    accSteps: full ? FULL_ACC_STEPS : ACC_STEPS,
    accImages: full ? FULL_ACC_IMAGES : ACC_IMAGES,
    accNetworks: full ? FULL_ACC_NETWORKS : ACC_NETWORKS,
    adderImages: full ? FULL_ADDER_IMAGES : ADDER_IMAGES,
    full,
    threads:
      options.threads === undefined ? undefined : checkInt('threads', options.threads, 1, 64),
    progress: options.progress ?? SILENT,
    data: options.data ?? {},
  };
}
