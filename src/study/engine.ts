import type { LayerWork } from '../cost/layer-work.js';
import { mergeCounts } from '../cost/ops.js';
import { specKey, weightLayerSpec } from '../engine/gate/netlists.js';
import {
  costOnTable,
  DEFAULT_DATAPATH,
  perImage,
  type RunResult,
  runIntegerGraph,
  runParallel,
} from '../engine/index.js';
import { modelFromCheckpoint } from '../nn/checkpoint.js';
import type { Dataset } from '../nn/data/dataset.js';
import { nodeInputs } from '../nn/graph.js';
import { type ActivationRange, calibrateRanges } from '../quant/calibrate.js';
import type { IntegerGraph, WeightNode } from '../quant/graph.js';
import { type QuantOptions, resolveQuantOptions } from '../quant/options.js';
import { buildIntegerGraph } from '../quant/quantize.js';
import { formatCount } from '../report/format.js';
import type { LayerCounts, NetworkCounts } from './counts.js';
import { gatherImages, layerOperands } from './engine-operands.js';
import type {
  AccumulatorSetting,
  QuantizedEngine,
  QuantizedNetwork,
  Requantization,
} from './inference.js';
import type { StudyNetwork } from './networks.js';

/**
 * The study's view of src/quant + src/engine: post-training quantization (calibrated once per
 * network on the last images of the training set, then built at each bit width and
 * accumulator setting) and integer inference through the functional backend, whose counters
 * give the exact operation counts of one inference.
 *
 * Runs are cached by (network, bits, accumulator, images), so the accuracy sweep, the counts
 * and the accumulator curve's full-width point share one inference pass.
 */
export const CALIBRATION_IMAGES = 1000;
/**
 * Runs over fewer images stay on the calling thread: starting a worker (loading the engine,
 * compiling its WebAssembly) costs about 0.4 s, more than a thousand images of LeNet-5 take.
 */
export const PARALLEL_IMAGES = 4000;

/** A network quantized by src/quant, with its integer graph at full accumulator width. */
export interface IntegerQuantizedNetwork extends QuantizedNetwork {
  readonly graph: IntegerGraph;
}

export interface IntegerEngine extends QuantizedEngine {
  quantize(
    network: StudyNetwork,
    bits: number,
    test: Dataset,
    requantization?: Requantization,
  ): IntegerQuantizedNetwork;
}

/** `threads`: worker threads per inference run (default: the machine's parallelism). */
export function integerEngine(train: Dataset, threads?: number): IntegerEngine {
  const ranges = new Map<string, Map<string, ActivationRange>>();
  const calibrated = (net: StudyNetwork) => {
    let r = ranges.get(net.network);
    if (r === undefined) {
      const { graph } = net;
      const wanted = new Set<string>();
      graph.nodes.forEach((node, i) => {
        if (node.op === 'conv' || node.op === 'linear') wanted.add(nodeInputs(graph.nodes, i)[0]);
      });
      wanted.add(graph.nodes[graph.nodes.length - 1].id);
      const options = resolveQuantOptions({ calibrationImages: CALIBRATION_IMAGES });
      r = calibrateRanges(modelFromCheckpoint(net.checkpoint, net.ref.label), train, [...wanted], {
        count: options.calibrationImages,
        quantile: options.quantile,
      });
      ranges.set(net.network, r);
    }
    return r;
  };
  const q = resolveQuantOptions({});
  return {
    backend: 'functional',
    scheme:
      `post-training, calibrated on the last ${formatCount(CALIBRATION_IMAGES)} training images (activation ranges at the ${q.quantile} quantile of |x|); ` +
      'adder layers share one scale between activations and weights, with weights beyond the activation range clipped and the clipped amount added back per channel; ' +
      'multiply layers use per-channel weight scales; BatchNorm, activation and requantization run as an integer multiply-shift after each accumulator; ' +
      `integer inference through the functional backend (bit-identical to the gate-level backend), datapath ${DEFAULT_DATAPATH.adder} adders, ${DEFAULT_DATAPATH.absdiff} |x − w|.`,
    quantize: (net, bits, test, requantization = 'multiply-shift') =>
      quantizedNetwork(net, bits, requantization, test, calibrated(net), threads),
  };
}

function quantizedNetwork(
  net: StudyNetwork,
  bits: number,
  bn: Requantization,
  test: Dataset,
  ranges: Map<string, ActivationRange>,
  threads: number | undefined,
): IntegerQuantizedNetwork {
  const graphs = new Map<string, IntegerGraph>();
  const graphFor = (acc?: AccumulatorSetting): IntegerGraph => {
    const key = acc === undefined ? 'full' : `${acc.bits}/${acc.overflow}`;
    let g = graphs.get(key);
    if (g === undefined) {
      const options: QuantOptions =
        acc === undefined ? { bits, bn } : { bits, bn, accBits: acc.bits, overflow: acc.overflow };
      g = buildIntegerGraph({
        graph: net.graph,
        tensors: net.checkpoint.tensors,
        ranges,
        options: resolveQuantOptions(options),
        dataset: { name: test.name, mean: test.mean, std: test.std },
      });
      graphs.set(key, g);
    }
    return g;
  };
  const runs = new Map<string, Promise<RunResult>>();
  const run = (images: number, acc?: AccumulatorSetting): Promise<RunResult> => {
    const key = `${images}/${acc === undefined ? 'full' : `${acc.bits}/${acc.overflow}`}`;
    let r = runs.get(key);
    if (r === undefined) {
      // Worker threads over contiguous image slices, merged in slice order: the same result
      // as one thread, whatever the scheduling.
      r = runParallel(graphFor(acc), test.images, images, {
        threads: images >= PARALLEL_IMAGES ? threads : 1,
      });
      runs.set(key, r);
    }
    return r;
  };
  const base = graphFor();
  const body = base.nodes.filter((n): n is WeightNode => n.op === 'weight' && n.role === 'body');
  return {
    network: net,
    bits,
    graph: base,
    fullAccumulatorBits: Math.max(...body.map((n) => n.naturalAccBits)),
    minAccumulatorBits: Math.max(...body.map(addendBits)),
    async correct(images, acc) {
      const r = await run(images, acc);
      let correct = 0;
      for (let i = 0; i < images; i++) if (r.predictions[i] === test.labels[i]) correct++;
      return correct;
    },
    counts() {
      // Counts do not depend on the data: one image gives the counts of one inference.
      return networkCounts(net, bits, base, runIntegerGraph(base, test.images, 1));
    },
    operands(layer, images) {
      return layerOperands(base, layer, test, images);
    },
    async gateLevel(images, table) {
      const bytes = gatherImages(test, images);
      const options = { threads };
      const [gate, functional] = [
        await runParallel(base, bytes, images.length, { ...options, backend: 'gate' }),
        await runParallel(base, bytes, images.length, { ...options, backend: 'functional' }),
      ];
      let mismatches = 0;
      gate.predictions.forEach((p, i) => {
        if (p !== functional.predictions[i]) mismatches++;
      });
      const counts = mergeCounts(
        perImage(
          gate.nodes.flatMap((n) => n.ops),
          images.length,
        ),
      );
      const memory = mergeCounts(
        perImage(
          gate.nodes.flatMap((n) => n.memory),
          images.length,
        ),
      );
      const peLayer = body[0] ?? (base.nodes.find((n) => n.op === 'weight') as WeightNode);
      const cost = costOnTable(table, {
        counts,
        memory,
        layers: networkCounts(net, bits, base, gate).works,
        peLayer,
        peSpecKey: specKey(weightLayerSpec(peLayer, DEFAULT_DATAPATH)),
        activity: { netlists: gate.nodes.flatMap((n) => n.netlists), images: images.length },
      });
      return {
        images: images.length,
        mismatches,
        energyPj: cost.computePj as number,
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

function networkCounts(
  net: StudyNetwork,
  bits: number,
  graph: IntegerGraph,
  r: RunResult,
): NetworkCounts {
  const layers = graph.nodes.flatMap((node, i): LayerCounts[] => {
    const c = r.nodes[i];
    if (c.ops.length === 0 && c.memory.length === 0) return [];
    return [
      {
        layer: node.id,
        kind: node.op === 'weight' ? node.kind : 'other',
        ops: perImage(c.ops, r.images),
        memory: perImage(c.memory, r.images),
      },
    ];
  });
  const works = graph.nodes.flatMap((n): LayerWork[] =>
    n.op === 'weight'
      ? [
          {
            name: n.id,
            kind: n.kind,
            M: n.pixels,
            N: n.outChannels,
            K: n.taps,
            operandBits: n.operandBits,
            accBits: n.accBits,
          },
        ]
      : [],
  );
  return { network: net.network, bits, layers, works };
}
