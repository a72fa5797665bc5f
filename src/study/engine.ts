import type { CostTable } from '../cost/table-types.js';
import { DEFAULT_DATAPATH } from '../engine/run.js';
import { formatCount } from '../format.js';
import type { DataOptions } from '../pipeline/datasets.js';
import {
  type InferOptions,
  measureWithPredictions,
  type NetworkResult,
} from '../pipeline/measure.js';
import { type PreparedNetwork, prepareCheckpoint, requantize } from '../pipeline/prepare.js';
import type { WeightNode } from '../quant/graph.js';
import { type BnMode, DEFAULT_BN_MODE, resolveQuantOptions } from '../quant/options.js';
import { layerOperands } from './engine-operands.js';
import type {
  AccumulatorSetting,
  GateLevelSample,
  QuantizedEngine,
  QuantizedNetwork,
} from './inference.js';
import type { StudyNetwork } from './networks.js';

/**
 * The study's view of the one pipeline (src/pipeline): each network prepared once (calibrated
 * on the last training images, as `addersim infer` does), requantized at each bit width,
 * BatchNorm mode and accumulator setting, and measured through `measureNetwork`, which counts
 * and prices. So the report's accuracy and cost rows are the very values `infer` prints.
 *
 * Runs are cached by (network, bits, BatchNorm mode, accumulator, images), so the accuracy
 * sweep, the cost rows and the accumulator curve's full-width point share one inference pass.
 */

/**
 * Runs over fewer images stay on the calling thread: starting a worker (loading the engine,
 * compiling its WebAssembly) costs about 0.4 s, more than a thousand images of LeNet-5 take.
 */
export const PARALLEL_IMAGES = 4000;

/**
 * `tables`: what every measured run is priced on; `threads`: worker threads per inference run
 * (default: the machine's parallelism).
 */
export function integerEngine(
  tables: readonly CostTable[],
  threads?: number,
  data: DataOptions = {},
): QuantizedEngine {
  const prepared = new Map<string, PreparedNetwork>();
  const base = (net: StudyNetwork): PreparedNetwork => {
    let p = prepared.get(net.network);
    if (p === undefined) {
      p = prepareCheckpoint(net.checkpoint, net.ref.label, data);
      prepared.set(net.network, p);
    }
    return p;
  };
  const q = resolveQuantOptions({});
  return {
    backend: 'functional',
    scheme:
      `post-training, calibrated on the last ${formatCount(q.calibrationImages)} training images (activation ranges at the ${q.quantile} quantile of |x|); ` +
      'adder layers share one scale between activations and weights, with weights beyond the activation range clipped and the clipped amount added back per channel; ' +
      `multiply layers use per-channel weight scales; BatchNorm, activation and requantization run as an integer ${q.bn} after each accumulator (the default of every command); ` +
      `integer inference through the functional backend (bit-identical to the gate-level backend), datapath ${DEFAULT_DATAPATH.adder} adders, ${DEFAULT_DATAPATH.absdiff} |x − w|.`,
    quantize: (net, bits, bn = DEFAULT_BN_MODE) =>
      quantizedNetwork(net, bits, bn, base(net), tables, threads),
  };
}

function quantizedNetwork(
  net: StudyNetwork,
  bits: number,
  bn: BnMode,
  base: PreparedNetwork,
  tables: readonly CostTable[],
  threads: number | undefined,
): QuantizedNetwork {
  const preparedFor = new Map<string, PreparedNetwork>();
  const prepared = (acc?: AccumulatorSetting): PreparedNetwork => {
    const key = acc === undefined ? 'full' : `${acc.bits}/${acc.overflow}`;
    let p = preparedFor.get(key);
    if (p === undefined) {
      p = requantize(
        base,
        acc === undefined ? { bits, bn } : { bits, bn, accBits: acc.bits, overflow: acc.overflow },
      );
      preparedFor.set(key, p);
    }
    return p;
  };
  const runs = new Map<string, Promise<NetworkResult>>();
  const run = (images: number, acc?: AccumulatorSetting): Promise<NetworkResult> => {
    const key = `${images}/${acc === undefined ? 'full' : `${acc.bits}/${acc.overflow}`}`;
    let r = runs.get(key);
    if (r === undefined) {
      // Worker threads over contiguous image slices, merged in slice order: the same result
      // as one thread, whatever the scheduling.
      r = measureWithPredictions(prepared(acc), {
        limit: images,
        tables,
        float: false,
        threads: images >= PARALLEL_IMAGES ? threads : 1,
      }).then((m) => m.result);
      runs.set(key, r);
    }
    return r;
  };
  const graph = prepared().graph;
  const body = graph.nodes.filter((n): n is WeightNode => n.op === 'weight' && n.role === 'body');
  return {
    network: net,
    bits,
    fullAccumulatorBits: Math.max(...body.map((n) => n.naturalAccBits)),
    minAccumulatorBits: Math.max(...body.map(addendBits)),
    correct: async (images, acc) => (await run(images, acc)).correct,
    measured: (images) => run(images),
    operands: (layer, images) => layerOperands(prepared(), layer, images),
    async gateLevel(images, table): Promise<GateLevelSample> {
      const options: InferOptions = { images, float: false, threads };
      const gate = await measureWithPredictions(prepared(), {
        ...options,
        backend: 'gate',
        tables: [table],
      });
      const functional = await measureWithPredictions(prepared(), { ...options, tables: [] });
      let mismatches = 0;
      gate.predictions.forEach((p, i) => {
        if (p !== functional.predictions[i]) mismatches++;
      });
      const cost = gate.result.costs[0];
      return {
        images: images.length,
        mismatches,
        energyPj: cost.computePj,
        zeroDelayPj: cost.computeZeroDelayPj ?? null,
        notPriced: cost.notPriced,
      };
    },
  };
}

/**
 * Width of one addend of a layer's accumulator (the quantizer refuses narrower accumulators):
 * |x − w| of b-bit codes (b), a b×b product (2b), an XNOR bit (1).
 */
function addendBits(node: WeightNode): number {
  if (node.kind === 'adder') return node.operandBits;
  if (node.kind === 'binary') return 1;
  return 2 * node.operandBits;
}
