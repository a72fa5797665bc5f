import type { LayerWork } from '../cost/layer-work.js';
import { mergeCounts, type OpCount } from '../cost/ops.js';
import { loadTable, tableNames } from '../cost/tables.js';
import { InputError } from '../errors.js';
import { type Checkpoint, loadCheckpoint, modelFromCheckpoint } from '../nn/checkpoint.js';
import { evaluateAccuracy } from '../nn/evaluate.js';
import type { Variant } from '../nn/graph.js';
import type { IntegerGraph, WeightNode } from '../quant/graph.js';
import type { QuantOptions, ResolvedQuantOptions } from '../quant/options.js';
import {
  buildFromCalibration,
  type Calibration,
  calibrateCheckpoint,
} from '../quant/quantize-checkpoint.js';
import { costOnTable, type PeArrayOptions, type TableCost } from './costs.js';
import { perImage } from './counters.js';
import { datasetFor } from './datasets.js';
import { specKey, weightLayerSpec } from './gate/netlists.js';
import type { Backend, Datapath } from './kernels/registry.js';
import { type LayerResult, layerResults } from './layers.js';
import { runParallel } from './parallel.js';
import { DEFAULT_DATAPATH, type RunResult } from './run.js';

/**
 * One network end to end: quantize a checkpoint (calibrated on the last training images), run
 * the integer graph over the first `limit` test images through a backend, count, and price one
 * inference on every requested cost table. The result is a plain JSON value.
 */
export interface InferOptions extends QuantOptions {
  readonly backend?: Backend;
  readonly datapath?: Partial<Datapath>;
  /** Test images (the first N); default all 10,000. */
  readonly limit?: number;
  /** Cost tables by name or path; default every shipped table. */
  readonly tables?: readonly string[];
  readonly array?: PeArrayOptions;
  /** Worker threads; default the machine's parallelism. */
  readonly threads?: number;
  readonly simd?: boolean;
  /** Also measure the float model's accuracy on the same images; default true. */
  readonly float?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface NetworkResult {
  readonly model: string;
  readonly architecture: string;
  readonly variant: Variant;
  readonly dataset: string;
  readonly bits: number;
  readonly backend: Backend;
  readonly datapath: Datapath;
  readonly quant: ResolvedQuantOptions;
  readonly images: number;
  readonly correct: number;
  readonly accuracy: number;
  readonly floatCorrect: number | null;
  readonly floatAccuracy: number | null;
  /** Compute primitives of one inference (exact). */
  readonly counts: readonly OpCount[];
  /** sram-read / sram-write of one inference. */
  readonly memory: readonly OpCount[];
  /** The AdderNet paper's convention over the weight layers (variant rule on every layer). */
  readonly paper: { readonly mul: number; readonly add: number; readonly xnor: number };
  /** Over the whole run: dot products accumulated and how many overflowed or saturated. */
  readonly accumulations: number;
  readonly overflowEvents: number;
  readonly layers: readonly LayerResult[];
  readonly work: readonly LayerWork[];
  readonly costs: readonly TableCost[];
}

/** A quantized checkpoint ready to run, with the calibration it came from. */
export interface PreparedNetwork {
  readonly path: string;
  readonly checkpoint: Checkpoint;
  readonly calibration: Calibration;
  readonly graph: IntegerGraph;
}

/** Loads, calibrates (the expensive part) and quantizes a checkpoint. */
export function prepareNetwork(path: string, options: QuantOptions = {}): PreparedNetwork {
  const checkpoint = loadCheckpoint(path);
  const train = datasetFor(checkpoint, 'train', path);
  const calibration = calibrateCheckpoint(checkpoint, train, options, path);
  return { path, checkpoint, calibration, graph: buildFromCalibration(calibration, options) };
}

/**
 * The same network quantized with other options, reusing the calibration when its quantile and
 * slice are unchanged (bits, BatchNorm mode, accumulator width and overflow only rebuild).
 */
export function requantize(prepared: PreparedNetwork, options: QuantOptions): PreparedNetwork {
  const cal = prepared.calibration;
  const same =
    (options.quantile ?? cal.quantile) === cal.quantile &&
    (options.calibrationImages ?? cal.calibrationImages) === cal.calibrationImages;
  if (!same) return prepareNetwork(prepared.path, options);
  return { ...prepared, graph: buildFromCalibration(cal, options) };
}

/** Top-1 accuracy of the float model on the first `limit` test images. */
export function floatAccuracy(
  prepared: PreparedNetwork,
  limit?: number,
): { correct: number; total: number } {
  const test = datasetFor(prepared.checkpoint, 'test', prepared.path);
  const r = evaluateAccuracy(modelFromCheckpoint(prepared.checkpoint, prepared.path), test, {
    limit,
  });
  return { correct: r.correct, total: r.total };
}

export async function inferCheckpoint(
  path: string,
  options: InferOptions = {},
): Promise<NetworkResult> {
  return runNetwork(prepareNetwork(path, options), options);
}

export async function runNetwork(
  prepared: PreparedNetwork,
  options: InferOptions = {},
): Promise<NetworkResult> {
  const { graph, checkpoint } = prepared;
  const test = datasetFor(checkpoint, 'test', prepared.path);
  const limit = options.limit ?? test.count;
  if (!Number.isInteger(limit) || limit < 1 || limit > test.count) {
    throw new InputError(`limit must be an integer from 1 to ${test.count}, not ${limit}`);
  }
  const backend = options.backend ?? 'functional';
  const datapath = { ...DEFAULT_DATAPATH, ...options.datapath };
  const tables = (options.tables ?? tableNames()).map((t) => loadTable(t, '--table'));
  const run = await runParallel(graph, test.images, limit, {
    backend,
    datapath,
    simd: options.simd,
    threads: options.threads,
    onProgress: (done) => options.onProgress?.(done, limit),
  });
  let correct = 0;
  for (let i = 0; i < limit; i++) if (run.predictions[i] === test.labels[i]) correct++;
  const float = options.float === false ? null : floatAccuracy(prepared, limit);
  return summarize(prepared, run, {
    correct,
    float,
    backend,
    datapath,
    tables,
    array: options.array,
  });
}

function summarize(
  prepared: PreparedNetwork,
  run: RunResult,
  s: {
    correct: number;
    float: { correct: number } | null;
    backend: Backend;
    datapath: Datapath;
    tables: ReturnType<typeof loadTable>[];
    array?: PeArrayOptions;
  },
): NetworkResult {
  const { graph } = prepared;
  const images = run.images;
  const counts = mergeCounts(
    perImage(
      run.nodes.flatMap((n) => n.ops),
      images,
    ),
  );
  const memory = mergeCounts(
    perImage(
      run.nodes.flatMap((n) => n.memory),
      images,
    ),
  );
  const weights = graph.nodes.filter((n): n is WeightNode => n.op === 'weight');
  const work: LayerWork[] = weights.map((w) => ({
    name: w.id,
    kind: w.kind,
    M: w.pixels,
    N: w.outChannels,
    K: w.taps,
    operandBits: w.operandBits,
    accBits: w.accBits,
  }));
  const taps = weights.reduce((sum, w) => sum + w.pixels * w.outChannels * w.taps, 0);
  const paper =
    graph.variant === 'cnn'
      ? { mul: taps, add: taps, xnor: 0 }
      : graph.variant === 'addernet'
        ? { mul: 0, add: 2 * taps, xnor: 0 }
        : { mul: 0, add: taps, xnor: taps };
  const peLayer = weights.find((w) => w.role === 'body') ?? weights[0];
  const netlists = s.backend === 'gate' ? run.nodes.flatMap((n) => n.netlists) : undefined;
  const costs = s.tables.map((table) =>
    costOnTable(table, {
      counts,
      memory,
      layers: work,
      peLayer,
      peSpecKey: specKey(weightLayerSpec(peLayer, s.datapath)),
      activity: netlists ? { netlists, images } : undefined,
      array: s.array,
    }),
  );
  return {
    model: prepared.path,
    architecture: graph.name,
    variant: graph.variant,
    dataset: graph.dataset,
    bits: graph.options.bits,
    backend: s.backend,
    datapath: s.datapath,
    quant: graph.options,
    images,
    correct: s.correct,
    accuracy: s.correct / images,
    floatCorrect: s.float?.correct ?? null,
    floatAccuracy: s.float ? s.float.correct / images : null,
    counts,
    memory,
    paper,
    accumulations: run.nodes.reduce(
      (a, n) => a + (weights.some((w) => w.id === n.id) ? n.accumulations : 0),
      0,
    ),
    overflowEvents: run.nodes.reduce((a, n) => a + n.overflowEvents, 0),
    layers: layerResults(graph, run),
    work,
    costs,
  };
}
