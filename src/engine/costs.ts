import { cpuLayerCycles } from '../cost/cpu.js';
import { formatNumber } from '../cost/estimate.js';
import { estimateOps } from '../cost/estimator.js';
import { estimateNetlist } from '../cost/gate-estimator.js';
import { costOfInference } from '../cost/inference.js';
import type { LayerWork } from '../cost/layer-work.js';
import { priceOp } from '../cost/op-pricing.js';
import { type OpCount, opKey } from '../cost/ops.js';
import type { Dataflow } from '../cost/pe-array.js';
import type { AsicCellTable, CostTable } from '../cost/table-types.js';
import { InputError } from '../errors.js';
import type { WeightNode } from '../quant/graph.js';
import type { NetlistActivity } from './counters.js';
import { netlistFor, parseSpecKey } from './gate/netlists.js';

/**
 * Per-table cost of one inference, from the run's exact counts, its layers (GEMM view) and, on
 * the gate backend, the measured switching activity:
 *
 * | table kind | energy                                         | cycles               | PE        |
 * |------------|------------------------------------------------|----------------------|-----------|
 * | asic-op    | counts × energy per op; memory where priced    | PE array (SCALE-Sim) | op areas  |
 * | asic-cell  | Σ netlists (toggles × cell energy) — gate only | PE array (SCALE-Sim) | cell area |
 * | fpga       | the table's LUT energy estimate                | PEs that fit, clock  | LUTs/DSPs |
 * | cpu        | none                                           | tap sequences        | -         |
 *
 * A total is given only when every part is priced: `energyPj` = compute + memory, null when
 * either is missing (the parts and `notPriced` say which). On a cell table, comparisons
 * (activations, pooling, thresholds) and memory are not simulated at gate level, so only
 * `computePj` of the simulated datapath is given, with the comparisons listed as not priced.
 * A table that cannot price something (an op it has no row for, an operand wider than a CPU
 * sequence takes) records the reason instead of failing the run.
 */
export interface PeArrayOptions {
  readonly rows: number;
  readonly cols: number;
  readonly dataflow: Dataflow;
}

export const DEFAULT_ARRAY: PeArrayOptions = { rows: 32, cols: 32, dataflow: 'ws' };

export interface PeCost {
  /** The weight layer whose PE this is (the first body layer, the one the variants differ in). */
  readonly layer: string;
  readonly kind: LayerWork['kind'];
  readonly areaUm2: number | null;
  /** FPGA: one PE's resources, and how many of them fit the device for this layer. */
  readonly luts?: number;
  readonly carryCells?: number;
  readonly dsps?: number;
  readonly pes?: number;
  readonly clockMhz?: number;
  /** CPU: the instruction sequence the layer's taps run as, and its cycles per tap. */
  readonly sequence?: string;
  readonly cyclesPerTap?: number;
  readonly provenance: readonly string[];
}

export interface TableCost {
  readonly table: string;
  readonly kind: CostTable['kind'];
  /** Energy per inference, pJ: compute + memory; null unless both are priced. */
  readonly energyPj: number | null;
  readonly computePj: number | null;
  readonly memoryPj: number | null;
  /** Cycles per inference (PE array, CPU core or FPGA design). */
  readonly cycles: number | null;
  readonly clockMhz?: number;
  readonly timeUs?: number;
  readonly pe: PeCost | null;
  readonly notPriced: readonly string[];
  readonly provenance: readonly string[];
}

export interface CostInput {
  /** Compute and memory counts of one inference. */
  readonly counts: readonly OpCount[];
  readonly memory: readonly OpCount[];
  readonly layers: readonly LayerWork[];
  /** The body PE's layer (first body weight layer, else the first weight layer). */
  readonly peLayer: WeightNode;
  /** Gate backend: every netlist's activity over the run, and the images it covered. */
  readonly activity?: { readonly netlists: readonly NetlistActivity[]; readonly images: number };
  /** The netlist spec key of the PE of `peLayer` (for cell-table area). */
  readonly peSpecKey: string;
  readonly array?: PeArrayOptions;
}

export function costOnTable(table: CostTable, input: CostInput): TableCost {
  const notPriced: string[] = [];
  const provenance: string[] = [];
  const attempt = <T>(what: string, f: () => T): T | undefined => {
    try {
      return f();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      notPriced.push(`${what}: ${err.message}`);
      return undefined;
    }
  };
  let computePj: number | null = null;
  let memoryPj: number | null = null;
  let cycles: number | null = null;
  let clockMhz: number | undefined;
  let timeUs: number | undefined;
  const array = input.array ?? DEFAULT_ARRAY;
  if (table.kind === 'asic-op' || table.kind === 'fpga') {
    const compute = attempt('compute', () => estimateOps(table, input.counts));
    if (compute) {
      computePj = compute.energyPj ?? null;
      provenance.push(...compute.provenance(), ...compute.notes);
      if (compute.energyPj === undefined)
        notPriced.push(`compute energy: ${compute.notes.join('; ')}`);
    }
    const missing = (['sram-read', 'sram-write'] as const).filter(
      (op) => !table.ops.some((r) => r.op === op),
    );
    if (missing.length > 0) {
      notPriced.push(`memory: ${table.name} has no ${missing.join(' or ')} row`);
    } else {
      const mem = attempt('memory', () => estimateOps(table, input.memory));
      if (mem) {
        memoryPj = mem.energyPj ?? null;
        provenance.push(...mem.provenance());
      }
    }
  }
  if (table.kind === 'asic-cell') {
    if (!input.activity) {
      notPriced.push(
        `energy: ${table.name} prices netlists with switching activity; run the gate backend`,
      );
    } else {
      computePj = gateEnergy(table, input.activity, provenance, notPriced);
      const cmps = input.counts.filter((c) => c.op === 'cmp');
      if (cmps.length > 0) {
        notPriced.push(
          `comparisons (${cmps.map((c) => `${opKey(c)} x ${c.count}`).join(', ')}): not simulated at gate level`,
        );
      }
    }
    notPriced.push(`memory: ${table.name} has no memory cells`);
  }
  const inference = attempt('cycles', () =>
    costOfInference(table, {
      layers: input.layers,
      array: table.kind === 'asic-op' || table.kind === 'asic-cell' ? array : undefined,
    }),
  );
  if (inference) {
    cycles = inference.cycles ?? null;
    clockMhz = inference.clockMhz;
    timeUs = inference.timeUs;
    provenance.push(...inference.provenance);
    notPriced.push(...inference.notPriced.filter((n) => !n.startsWith('operation counts')));
  }
  const pe = attempt('PE', () => peCost(table, input));
  return {
    table: table.name,
    kind: table.kind,
    energyPj: computePj !== null && memoryPj !== null ? computePj + memoryPj : null,
    computePj,
    memoryPj,
    cycles,
    ...(clockMhz === undefined ? {} : { clockMhz }),
    ...(timeUs === undefined ? {} : { timeUs }),
    pe: pe ?? null,
    notPriced,
    provenance,
  };
}

/**
 * Gate-level energy per inference: for every netlist the run used, the cell estimate per
 * evaluation (toggles / counted transitions, zero-delay) times its evaluations, over images.
 */
function gateEnergy(
  table: AsicCellTable,
  activity: NonNullable<CostInput['activity']>,
  provenance: string[],
  notPriced: string[],
): number | null {
  let total: number | null = 0;
  for (const a of activity.netlists) {
    const netlist = netlistFor(parseSpecKey(a.key));
    if (a.transitions === 0) {
      notPriced.push(`${netlist.name}: evaluated once, no transition to measure its toggles on`);
      total = null;
      continue;
    }
    const est = estimateNetlist(table, netlist, {
      vectors: a.transitions + 1,
      transitions: a.transitions,
      netToggles: a.netToggles,
    });
    const perEvaluation = est.energyPj ?? 0;
    const perImage = (perEvaluation * a.evaluations) / activity.images;
    if (total !== null) total += perImage;
    provenance.push(
      `${netlist.name}: ${formatNumber(perEvaluation)} pJ per evaluation x ${formatNumber(a.evaluations / activity.images)} evaluations per image = ${formatNumber(perImage)} pJ <- ${table.name} cells, ${formatNumber(a.transitions)} transitions measured (zero-delay toggles)`,
    );
  }
  return total;
}

/** The PE of the body layer on this table: op-level areas, cell area, or FPGA resources. */
function peCost(table: CostTable, input: CostInput): PeCost | null {
  const w = input.peLayer;
  const work = input.layers.find((l) => l.name === w.id) as LayerWork;
  const base = { layer: w.id, kind: work.kind };
  if (table.kind === 'asic-op') {
    const ops: { op: OpCount['op']; bits: number; bitsB?: number }[] =
      work.kind === 'adder'
        ? [
            { op: 'sub', bits: w.operandBits },
            { op: 'abs', bits: w.operandBits + 1 },
            { op: 'add', bits: w.accBits },
          ]
        : work.kind === 'multiply'
          ? [
              { op: 'mul', bits: w.operandBits },
              { op: 'add', bits: w.accBits },
            ]
          : [
              { op: 'xnor', bits: w.taps },
              { op: 'popcount', bits: w.taps },
            ];
    const prices = ops.map((o) => ({ o, p: priceOp(table, o) }));
    const known = prices.every(({ p }) => p.areaUm2 !== undefined);
    return {
      ...base,
      areaUm2: known ? prices.reduce((s, { p }) => s + (p.areaUm2 as number), 0) : null,
      provenance: prices.map(
        ({ o, p }) =>
          `${opKey(o)}: ${p.areaUm2 === undefined ? 'no area' : `${formatNumber(p.areaUm2)} um2`} <- ${table.name} ${p.row} (${p.source})`,
      ),
    };
  }
  if (table.kind === 'asic-cell') {
    const netlist = netlistFor(parseSpecKey(input.peSpecKey));
    const est = estimateNetlist(table, netlist, {
      vectors: 2,
      transitions: 1,
      netToggles: new Float64Array(netlist.netCount),
    });
    return {
      ...base,
      areaUm2: est.areaUm2 ?? null,
      provenance: [
        `${netlist.name}: ${netlist.cells.length} cells, ${netlist.registers.length} registers`,
        ...est.items.map(
          (item) =>
            `${item.key} x ${item.count}: ${formatNumber(item.areaUm2 ?? 0)} um2 <- ${item.table} ${item.row} (${item.source})`,
        ),
      ],
    };
  }
  if (table.kind === 'fpga') {
    const inference = costOfInference(table, { layers: [work] });
    const layer = inference.fpga?.[0];
    if (!layer) return null;
    return {
      ...base,
      areaUm2: null,
      luts: layer.pe.luts,
      carryCells: layer.pe.carryCells,
      dsps: layer.pe.dsps,
      pes: layer.pes,
      ...(layer.clockMhz === undefined ? {} : { clockMhz: layer.clockMhz }),
      provenance: [...layer.steps],
    };
  }
  const cpu = cpuLayerCycles(table, work);
  return {
    ...base,
    areaUm2: null,
    sequence: cpu.tap.sequence,
    cyclesPerTap: cpu.tap.cyclesPerTap,
    provenance: [...cpu.tap.steps],
  };
}
