import { formatNumber } from '../cost/estimate.js';
import { estimateNetlist } from '../cost/gate-estimator.js';
import type { AsicCellTable } from '../cost/table-types.js';
import { InputError } from '../errors.js';
import { type AdderArch, buildAdder } from '../gen/adders/index.js';
import type { WeightNode } from '../quant/graph.js';
import { simulateActivity } from '../sim/activity.js';
import { totalToggles } from '../sim/activity-summary.js';
import { datasetFor } from './datasets.js';
import type { PreparedNetwork } from './network.js';
import { fillPatches, patchRows } from './patches.js';
import { runIntegerGraph } from './run.js';
import type { IntTensor } from './tensor.js';

/**
 * Adder architectures measured on a network's real operands: the accumulator additions of one
 * weight layer (acc ← acc + addend, in tap order, output after output, as a PE performs them)
 * on the first few test images, streamed through each architecture's adder netlist at the
 * layer's accumulator width. Toggles are zero-delay counts (glitches are not modelled); energy,
 * area and delay come from a cell table.
 */
export interface AdderOperands {
  readonly layer: string;
  readonly kind: WeightNode['kind'];
  readonly width: number;
  readonly signed: boolean;
  readonly images: number;
  /** Running sum before each addition and the addend (|x − w| or x·w), as bit patterns. */
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly description: string;
}

export function accumulatorOperands(
  prepared: PreparedNetwork,
  options: { readonly layer?: string; readonly images?: number; readonly maxOps?: number } = {},
): AdderOperands {
  const graph = prepared.graph;
  const weights = graph.nodes.filter((n): n is WeightNode => n.op === 'weight');
  const node = options.layer
    ? weights.find((w) => w.id === options.layer)
    : (weights.find((w) => w.role === 'body') ?? weights[0]);
  if (!node) {
    throw new InputError(
      `layer must be one of ${weights.map((w) => w.id).join(', ')}, not ${JSON.stringify(options.layer)}`,
    );
  }
  if (node.kind === 'binary')
    throw new InputError(`layer ${node.id} is binary: it has one addition per output`);
  if (node.accBits > 32)
    throw new InputError(`layer ${node.id}: accumulators wider than 32 bits are not streamed`);
  const images = options.images ?? 4;
  const maxOps = options.maxOps ?? 2 ** 20;
  const test = datasetFor(prepared.checkpoint, 'test', prepared.path);
  let input: IntTensor | undefined;
  runIntegerGraph(graph, test.images, images, {
    batch: images,
    onNode: (n, out) => {
      if (n.id === node.input) input = out;
    },
  });
  if (!input) throw new Error(`layer ${node.id}: no input captured`);
  const rows = patchRows(node, images);
  const k = node.taps;
  const xRows = new Int32Array(rows * k);
  const a: number[] = [];
  const b: number[] = [];
  const mask = node.accBits === 32 ? -1 : 2 ** node.accBits - 1;
  for (let plane = 0; plane < input.planes && a.length < maxOps; plane++) {
    xRows.fill(0);
    fillPatches(node, input, plane, xRows, k);
    for (let o = 0; o < node.outChannels && a.length < maxOps; o++) {
      if (node.channelPlane[o] !== plane) continue;
      for (let q = 0; q < rows && a.length < maxOps; q++) {
        let acc = 0;
        for (let r = 0; r < k && a.length < maxOps; r++) {
          const x = xRows[q * k + r];
          const w = node.weights[o * k + r];
          const addend = node.kind === 'adder' ? Math.abs(x - w) : x * w;
          a.push(acc & mask);
          b.push(addend & mask);
          acc = (acc + addend) | 0;
        }
      }
    }
  }
  return {
    layer: node.id,
    kind: node.kind,
    width: node.accBits,
    signed: node.accSigned,
    images,
    a: Int32Array.from(a),
    b: Int32Array.from(b),
    description: `${node.id} accumulator additions (${node.kind === 'adder' ? '|x - w|' : 'x * w'} addends, ${node.accBits} bits) of the first ${images} test images, ${a.length} operations`,
  };
}

export interface AdderMeasurement {
  readonly name: AdderArch;
  readonly cells: number;
  readonly areaUm2: number;
  readonly delayNs: number;
  readonly togglesPerOp: number;
  readonly energyPerOpPj: number;
  readonly provenance: readonly string[];
}

export interface AdderStudy {
  readonly bits: number;
  readonly table: string;
  readonly operands: string;
  readonly vectors: number;
  readonly toggleModel: 'zero-delay';
  readonly architectures: readonly AdderMeasurement[];
}

/** Streams the operands through every architecture's adder and prices it on a cell table. */
export function measureAdders(
  operands: AdderOperands,
  archs: readonly AdderArch[],
  table: AsicCellTable,
): AdderStudy {
  const count = operands.a.length;
  if (count < 2)
    throw new InputError(`at least 2 operand pairs are needed to count toggles, not ${count}`);
  const architectures = archs.map((arch): AdderMeasurement => {
    const netlist = buildAdder(arch, operands.width, operands.signed);
    const activity = simulateActivity(netlist, {
      a: operands.a,
      b: operands.b,
      cin: new Int32Array(count),
    });
    const est = estimateNetlist(table, netlist, activity);
    return {
      name: arch,
      cells: netlist.cells.length,
      areaUm2: est.areaUm2 ?? 0,
      delayNs: (est.criticalPathPs ?? 0) / 1000,
      togglesPerOp: totalToggles(activity) / activity.transitions,
      energyPerOpPj: est.energyPj ?? 0,
      provenance: [
        `${netlist.name}: ${netlist.cells.length} cells; ${formatNumber(totalToggles(activity) / activity.transitions)} toggles per addition over ${activity.transitions} transitions (zero-delay)`,
        ...est.provenance(),
        ...est.notes,
      ],
    };
  });
  return {
    bits: operands.width,
    table: table.name,
    operands: operands.description,
    vectors: count,
    toggleModel: 'zero-delay',
    architectures,
  };
}
