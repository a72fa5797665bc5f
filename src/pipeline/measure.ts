import { type PaperCounts, paperCounts } from '../budget/conventions.js';
import type { LayerWork } from '../cost/layer-work.js';
import { type Accelerator, loadAccelerator, loadMemoryTable } from '../cost/memory-files.js';
import { mergeCounts, type OpCount } from '../cost/ops.js';
import {
  type InferenceCounts,
  type LayerCounts,
  type PeArrayOptions,
  priceInference,
  type TableCost,
} from '../cost/price-inference.js';
import type { CostTable } from '../cost/table-types.js';
import { loadTable, tableNames } from '../cost/tables.js';
import { netlistFor, parseSpecKey, weightLayerSpec } from '../engine/gate/netlists.js';
import type { Backend, Datapath } from '../engine/kernels/registry.js';
import { runParallel, threadsFor } from '../engine/parallel.js';
import { DEFAULT_DATAPATH, type RunResult } from '../engine/run.js';
import { InputError } from '../errors.js';
import type { ImportedCircuit } from '../gen/approx/slots.js';
import type { Variant } from '../nn/graph.js';
import type { WeightNode } from '../quant/graph.js';
import type { QuantOptions, ResolvedQuantOptions } from '../quant/options.js';
import type { DataOptions } from './datasets.js';
import { checkGateTime } from './gate-time.js';
import { glitchFactor } from './glitch.js';
import { type LayerResult, layerResults } from './layers.js';
import { floatAccuracy, type PreparedNetwork, prepareNetwork } from './prepare.js';
import { checkSlots } from './slots.js';

/**
 * The one path from a checkpoint to a counted, priced result. `infer`, `sweep` and the report's
 * studies all call `measureNetwork`: quantize (prepare.ts), run the integer graph over test
 * images through a backend, count every operation exactly, and price one inference on every
 * requested cost table (src/cost/price-inference.ts). The result is a plain JSON value.
 */
export interface InferOptions extends QuantOptions, DataOptions {
  readonly backend?: Backend;
  readonly datapath?: Partial<Datapath>;
  /** Imported slot circuits the datapath's `sub` / `mul` keys name (gen/approx/slots.ts). */
  readonly circuits?: readonly ImportedCircuit[];
  /** Test images: the first N; default all. */
  readonly limit?: number;
  /** Test images by index instead of the first `limit` (ascending, distinct). */
  readonly images?: readonly number[];
  /** Cost tables by name or path, or loaded; default every shipped table. */
  readonly tables?: readonly (string | CostTable)[];
  readonly array?: PeArrayOptions;
  /**
   * The accelerator whose buffers memory is priced on (cost/memory-hierarchy.ts); default the
   * shipped accelerator-default. null prices every access at the table's one SRAM row.
   */
  readonly accelerator?: Accelerator | null;
  /** Worker threads; default the machine's parallelism. */
  readonly threads?: number;
  /**
   * Refuse a gate-backend run estimated to take longer (seconds; gate-time.ts), before it
   * starts; default no limit (the CLI gives one).
   */
  readonly maxSeconds?: number;
  readonly simd?: boolean;
  /** Also count the float model's correct predictions on the same images; default true. */
  readonly float?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface NetworkResult {
  readonly model: string;
  readonly architecture: string;
  readonly variant: Variant;
  readonly dataset: string;
  /** Where the images came from and which of them calibrated the network (datasets.ts). */
  readonly data: {
    readonly source: string;
    readonly calibration: string;
    readonly calibrationImages: number;
    readonly note: string | null;
  };
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
  readonly paper: PaperCounts;
  /** Over the whole run: dot products accumulated and how many overflowed or saturated. */
  readonly accumulations: number;
  readonly overflowEvents: number;
  readonly layers: readonly LayerResult[];
  readonly work: readonly LayerWork[];
  /** The layer whose processing element the tables' PE figures describe. */
  readonly peLayer: string;
  readonly costs: readonly TableCost[];
}

export async function inferCheckpoint(
  path: string,
  options: InferOptions = {},
): Promise<NetworkResult> {
  return measureNetwork(prepareNetwork(path, options), options);
}

export async function measureNetwork(
  prepared: PreparedNetwork,
  options: InferOptions = {},
): Promise<NetworkResult> {
  return (await measureWithPredictions(prepared, options)).result;
}

/** `measureNetwork`, also returning the predicted class of every image it ran. */
export async function measureWithPredictions(
  prepared: PreparedNetwork,
  options: InferOptions = {},
): Promise<{ result: NetworkResult; predictions: Int32Array }> {
  const { graph } = prepared;
  const test = prepared.data.test;
  const chosen = chooseImages(test.count, options);
  const backend = options.backend ?? 'functional';
  const datapath = { ...DEFAULT_DATAPATH, ...options.datapath };
  checkSlots(graph, datapath, options.circuits, backend, prepared.path);
  if (backend === 'gate' && options.maxSeconds !== undefined) {
    const count = chooseImages(test.count, options).indices.length;
    const threads = threadsFor(options.threads, count);
    checkGateTime(graph, datapath, count, threads, options.maxSeconds, prepared.path);
  }
  const tables = (options.tables ?? tableNames()).map((t) =>
    typeof t === 'string' ? loadTable(t, '--table') : t,
  );
  const size = test.shape[0] * test.shape[1] * test.shape[2];
  const images = chosen.first ? test.images : gather(test.images, size, chosen.indices);
  const count = chosen.indices.length;
  const run = await runParallel(graph, images, count, {
    backend,
    datapath,
    circuits: options.circuits,
    simd: options.simd,
    threads: options.threads,
    onProgress: (done) => options.onProgress?.(done, count),
  });
  let correct = 0;
  chosen.indices.forEach((img, i) => {
    if (run.predictions[i] === test.labels[img]) correct++;
  });
  let float: number | null = null;
  if (options.float !== false) {
    if (!chosen.first) {
      throw new InputError(
        'float must be false when images are chosen by index (the float model is counted over the first images only)',
      );
    }
    float = floatAccuracy(prepared, count).correct;
  }
  const layers = layerResults(graph, run);
  const weights = graph.nodes.filter((n): n is WeightNode => n.op === 'weight');
  const work = weights.map(layerWork);
  const peNode = weights.find((w) => w.role === 'body') ?? weights[0];
  const input: InferenceCounts = {
    layers: layers.flatMap((l): LayerCounts[] =>
      l.ops.length > 0 || l.memory.length > 0
        ? [
            {
              layer: l.id,
              kind: (l.kind as LayerWork['kind']) ?? 'other',
              ops: l.ops,
              memory: l.memory,
            },
          ]
        : [],
    ),
    works: work,
    pe: { layer: peNode.id, netlist: netlistFor(weightLayerSpec(peNode, datapath)) },
    activity: backend === 'gate' ? measured(run) : undefined,
    array: options.array,
    ...memoryModel(options.accelerator),
  };
  const taps = work.reduce((sum, w) => sum + w.M * w.N * w.K, 0);
  const result: NetworkResult = {
    model: prepared.path,
    architecture: graph.name,
    variant: graph.variant,
    dataset: graph.dataset,
    data: {
      source: prepared.data.source,
      calibration: prepared.data.calibration,
      calibrationImages: prepared.data.calibrationImages,
      note: prepared.data.note,
    },
    bits: graph.options.bits,
    backend,
    datapath,
    quant: graph.options,
    images: count,
    correct,
    accuracy: correct / count,
    floatCorrect: float,
    floatAccuracy: float === null ? null : float / count,
    counts: mergeCounts(input.layers.flatMap((l) => l.ops)),
    memory: mergeCounts(input.layers.flatMap((l) => l.memory)),
    paper: paperCounts(graph.variant, taps),
    accumulations: run.nodes.reduce(
      (a, n) => a + (weights.some((w) => w.id === n.id) ? n.accumulations : 0),
      0,
    ),
    overflowEvents: run.nodes.reduce((a, n) => a + n.overflowEvents, 0),
    layers,
    work,
    peLayer: peNode.id,
    costs: tables.map((table) => priceInference(table, input)),
  };
  return { result, predictions: run.predictions };
}

/** A weight layer as a GEMM (the cycle models' view). */
function layerWork(w: WeightNode): LayerWork {
  return {
    name: w.id,
    kind: w.kind,
    M: w.pixels,
    N: w.outChannels,
    K: w.taps,
    operandBits: w.operandBits,
    accBits: w.accBits,
    inputElements: w.inShape.reduce((a, b) => a * b, 1),
  };
}

function chooseImages(
  available: number,
  options: InferOptions,
): { first: boolean; indices: readonly number[] } {
  if (options.images !== undefined) {
    const ok =
      options.images.length > 0 &&
      options.images.every(
        (img, i) =>
          Number.isInteger(img) &&
          img >= 0 &&
          img < available &&
          (i === 0 || img > options.images![i - 1]),
      );
    if (!ok) {
      throw new InputError(
        `images must be ascending distinct test image indices below ${available}`,
      );
    }
    const first = options.images.every((img, i) => img === i);
    return { first, indices: options.images };
  }
  const limit = options.limit ?? available;
  if (!Number.isInteger(limit) || limit < 1 || limit > available) {
    throw new InputError(`limit must be an integer from 1 to ${available}, not ${limit}`);
  }
  return { first: true, indices: Array.from({ length: limit }, (_, i) => i) };
}

/** The raw bytes of chosen test images, one after another. */
export function gather(all: Uint8Array, size: number, indices: readonly number[]): Uint8Array {
  const out = new Uint8Array(indices.length * size);
  indices.forEach((img, k) => {
    out.set(all.subarray(img * size, (img + 1) * size), k * size);
  });
  return out;
}

function measured(run: RunResult): InferenceCounts['activity'] {
  return {
    netlists: run.nodes.flatMap((n) =>
      n.netlists.map((a) => ({
        netlist: netlistFor(parseSpecKey(a.key)),
        evaluations: a.evaluations,
        transitions: a.transitions,
        netToggles: a.netToggles,
      })),
    ),
    images: run.images,
    glitch: glitchFactor,
  };
}

/** The accelerator and memory table memory is priced on (the default unless told otherwise). */
function memoryModel(
  accelerator: Accelerator | null | undefined,
): Pick<InferenceCounts, 'memoryModel'> {
  if (accelerator === null) return {};
  const a = accelerator ?? loadAccelerator();
  return { memoryModel: { accelerator: a, table: loadMemoryTable(a.memory) } };
}
