import { InputError } from '../errors.js';
import type { Netlist } from '../ir/netlist.js';
import { cpuCannotRun } from './cpu.js';
import { estimateOps } from './estimate-ops.js';
import { type GlitchModel, gateEnergy, type MeasuredNetlist } from './gate-energy.js';
import { costOfInference } from './inference.js';
import type { LayerWork } from './layer-work.js';
import type { Accelerator, MemoryTable } from './memory-files.js';
import { type MemoryHierarchyCost, priceMemoryHierarchy } from './memory-hierarchy.js';
import { mergeCounts, type OpCount, opKey, type Primitive } from './ops.js';
import type { Dataflow } from './pe-array.js';
import { type PeCost, peCost } from './price-pe.js';
import type { AsicOpTable, CostTable, FpgaTable } from './table-types.js';

/**
 * The one pricing of one counted inference on one cost table: every number `infer`, `sweep`
 * and the report quote comes out of `priceInference`, so they cannot drift apart.
 *
 * | table kind | energy                                         | cycles               | PE        |
 * |------------|------------------------------------------------|----------------------|-----------|
 * | asic-op    | counts × energy per op; memory where priced    | PE array (SCALE-Sim) | op areas  |
 * | asic-cell  | Σ netlists (toggles × cell energy × glitch)    | PE array (SCALE-Sim) | cell area |
 * | fpga       | the table's LUT energy estimate                | PEs that fit, clock  | LUTs/DSPs |
 * | cpu        | none                                           | tap sequences        | sequence  |
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

/** The counts of one node of one inference (compute primitives and on-chip memory traffic). */
export interface LayerCounts {
  /** Node id in the model graph (`conv2`, `bn3`). */
  readonly layer: string;
  /** The weight layer's kind, or `other` (BatchNorm, activations, pooling). */
  readonly kind: LayerWork['kind'] | 'other';
  readonly ops: readonly OpCount[];
  readonly memory: readonly OpCount[];
}

export interface InferenceCounts {
  /** Nodes that perform any operation, in graph order, counts of one inference. */
  readonly layers: readonly LayerCounts[];
  /** The conv and linear layers as GEMMs (the input of the cycle models), in graph order. */
  readonly works: readonly LayerWork[];
  /** The processing element a table describes: a body layer's, with its netlist. */
  readonly pe: { readonly layer: string; readonly netlist: Netlist };
  /** Gate backend: every netlist's activity over the run, and the images it covered. */
  readonly activity?: {
    readonly netlists: readonly MeasuredNetlist[];
    readonly images: number;
    /** Scales the measured zero-delay energy of each netlist to timing-aware (see gate-energy.ts). */
    readonly glitch?: GlitchModel;
  };
  readonly array?: PeArrayOptions;
  /**
   * Price memory by capacity and dataflow on this accelerator (memory-hierarchy.ts) instead of
   * every access at the table's one SRAM row; used on op-level ASIC tables that price memory.
   */
  readonly memoryModel?: { readonly accelerator: Accelerator; readonly table: MemoryTable };
}

export interface PrimitiveEnergy {
  readonly op: Primitive;
  readonly bits: number;
  /** Second operand width of a multiplication, when it differs from `bits`. */
  readonly bitsB?: number;
  /** Exact count per inference. */
  readonly count: number;
  readonly energyPj: number;
}

export interface LayerEnergy {
  /** Node id in the architecture graph (e.g. `conv2`). */
  readonly layer: string;
  readonly kind: LayerCounts['kind'];
  readonly energyPj: number;
}

export interface TableCost {
  readonly table: string;
  readonly kind: CostTable['kind'];
  /** Energy per inference, pJ: compute + memory; null unless both are priced. */
  readonly energyPj: number | null;
  readonly computePj: number | null;
  /**
   * Cell tables: the same datapath energy from zero-delay toggles (no glitches), beside
   * `computePj`, which is timing-aware (each netlist's zero-delay energy x its glitch factor).
   */
  readonly computeZeroDelayPj?: number | null;
  readonly memoryPj: number | null;
  /**
   * Memory by level (weight buffer, activation buffer, DRAM) when the inference names an
   * accelerator (`memoryModel`) and the table prices memory: `memoryPj` is its total.
   */
  readonly memoryLevels?: MemoryHierarchyCost;
  /** Op-level ASIC tables: the priced energy (compute, and memory where priced) split two ways. */
  readonly breakdown: {
    readonly byPrimitive: readonly PrimitiveEnergy[];
    readonly byLayer: readonly LayerEnergy[];
  } | null;
  /** Cycles per inference (PE array, CPU core or FPGA design). */
  readonly cycles: number | null;
  readonly clockMhz?: number;
  readonly timeUs?: number;
  readonly pe: PeCost | null;
  readonly notPriced: readonly string[];
  /** Energy: the table rows and scaling steps behind every energy figure. */
  readonly energyProvenance: readonly string[];
  /** Cycles: the model's steps per layer. */
  readonly cyclesProvenance: readonly string[];
}

const MEMORY_OPS = ['sram-read', 'sram-write'] as const;

/** Whether an op-level table prices on-chip memory traffic (has both SRAM rows). */
export function pricesMemory(table: AsicOpTable | FpgaTable): boolean {
  return MEMORY_OPS.every((op) => table.ops.some((r) => r.op === op));
}

export function priceInference(table: CostTable, input: InferenceCounts): TableCost {
  const notPriced: string[] = [];
  const energyProvenance: string[] = [];
  const cyclesProvenance: string[] = [];
  const attempt = <T>(what: string, f: () => T): T | undefined => {
    try {
      return f();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      notPriced.push(`${what}: ${err.message}`);
      return undefined;
    }
  };
  const ops = mergeCounts(input.layers.flatMap((l) => l.ops));
  const memory = mergeCounts(input.layers.flatMap((l) => l.memory));
  let computePj: number | null = null;
  let memoryPj: number | null = null;
  let computeZeroDelayPj: number | null | undefined;
  let hierarchy: MemoryHierarchyCost | undefined;
  let breakdown: TableCost['breakdown'] = null;
  if (table.kind === 'asic-op' || table.kind === 'fpga') {
    const compute = attempt('compute', () => estimateOps(table, ops));
    if (compute) {
      computePj = compute.energyPj ?? null;
      energyProvenance.push(...compute.provenance(), ...compute.notes);
      if (compute.energyPj === undefined)
        notPriced.push(`compute energy: ${compute.notes.join('; ')}`);
    }
    if (!pricesMemory(table)) {
      const accesses = memory.reduce((s, c) => s + c.count, 0);
      notPriced.push(
        `memory: ${table.name} has no sram-read / sram-write row (${accesses} on-chip accesses per inference)`,
      );
    } else if (input.memoryModel && table.kind === 'asic-op') {
      const works = new Set(input.works.map((w) => w.name));
      const model = input.memoryModel;
      hierarchy = attempt('memory', () =>
        priceMemoryHierarchy(model.accelerator, model.table, {
          works: input.works,
          others: input.layers.filter((l) => !works.has(l.layer)),
          array: input.array ?? DEFAULT_ARRAY,
        }),
      );
      if (hierarchy) {
        memoryPj = hierarchy.energyPj;
        energyProvenance.push(...hierarchy.provenance);
      }
    } else {
      const mem = attempt('memory', () => estimateOps(table, memory));
      if (mem) {
        memoryPj = mem.energyPj ?? null;
        energyProvenance.push(...mem.provenance());
      }
    }
    if (table.kind === 'asic-op' && computePj !== null)
      breakdown = split(table, input.layers, hierarchy);
  }
  if (table.kind === 'asic-cell') {
    if (!input.activity) {
      notPriced.push(
        `energy: ${table.name} prices netlists with switching activity; run the gate backend`,
      );
    } else {
      const gate = gateEnergy(table, input.activity, energyProvenance, notPriced);
      // Timing-aware when the caller gives a glitch model, with the zero-delay figure beside it.
      computePj = input.activity.glitch ? gate.timedPj : gate.zeroPj;
      if (input.activity.glitch) computeZeroDelayPj = gate.zeroPj;
      const cmps = ops.filter((c) => c.op === 'cmp');
      if (cmps.length > 0) {
        notPriced.push(
          `comparisons (${cmps.map((c) => `${opKey(c)} x ${c.count}`).join(', ')}): not simulated at gate level`,
        );
      }
    }
    notPriced.push(`memory: ${table.name} has no memory cells`);
  }
  const cannot = table.kind === 'cpu' ? cpuCannotRun(table, input.works) : null;
  if (cannot !== null) notPriced.push(`cycles: ${cannot}`);
  const array = input.array ?? DEFAULT_ARRAY;
  const inference =
    cannot === null
      ? attempt('cycles', () =>
          costOfInference(table, {
            layers: input.works,
            array: table.kind === 'asic-op' || table.kind === 'asic-cell' ? array : undefined,
          }),
        )
      : undefined;
  if (inference) {
    cyclesProvenance.push(...inference.provenance);
    notPriced.push(...inference.notPriced);
  }
  const pe = attempt('PE', () => peCost(table, input.works, input.pe));
  return {
    table: table.name,
    kind: table.kind,
    energyPj: computePj !== null && memoryPj !== null ? computePj + memoryPj : null,
    computePj,
    ...(computeZeroDelayPj === undefined ? {} : { computeZeroDelayPj }),
    memoryPj,
    ...(hierarchy ? { memoryLevels: hierarchy } : {}),
    breakdown,
    cycles: inference?.cycles ?? null,
    ...(inference?.clockMhz === undefined ? {} : { clockMhz: inference.clockMhz }),
    ...(inference?.timeUs === undefined ? {} : { timeUs: inference.timeUs }),
    pe: pe ?? null,
    notPriced,
    energyProvenance,
    cyclesProvenance,
  };
}

/** The priced energy by primitive and by layer (compute, and memory where the table prices it). */
function split(
  table: AsicOpTable,
  layers: readonly LayerCounts[],
  hierarchy: MemoryHierarchyCost | undefined,
): NonNullable<TableCost['breakdown']> {
  const flat = pricesMemory(table) && !hierarchy;
  const priced = (l: LayerCounts) => (flat ? [...l.ops, ...l.memory] : l.ops);
  const byPrimitive = mergeCounts(layers.flatMap(priced)).map(
    (c): PrimitiveEnergy => ({
      op: c.op,
      bits: c.bits,
      ...(c.bitsB !== undefined && c.bitsB !== c.bits ? { bitsB: c.bitsB } : {}),
      count: c.count,
      energyPj: estimateOps(table, [c]).energyPj as number,
    }),
  );
  const memoryOf = (layer: string) =>
    hierarchy?.byLayer.find((m) => m.layer === layer)?.energyPj ?? 0;
  const byLayer = layers.flatMap((l): LayerEnergy[] => {
    const ops = priced(l);
    const mem = memoryOf(l.layer);
    if (ops.length === 0 && mem === 0) return [];
    const compute = ops.length === 0 ? 0 : (estimateOps(table, ops).energyPj as number);
    return [{ layer: l.layer, kind: l.kind, energyPj: compute + mem }];
  });
  return {
    byPrimitive: [...byPrimitive, ...(hierarchy ? levelPrimitives(hierarchy) : [])],
    byLayer,
  };
}

/**
 * Memory levels as primitive entries of the breakdown, counted in bits (bits: 1): buffer reads
 * and writes as sram-read / sram-write (both buffers), DRAM as dram-read / dram-write.
 */
function levelPrimitives(h: MemoryHierarchyCost): PrimitiveEnergy[] {
  const out: PrimitiveEnergy[] = [];
  for (const [op, sram] of [
    ['sram-read', true],
    ['sram-write', true],
    ['dram-read', false],
    ['dram-write', false],
  ] as const) {
    const read = op.endsWith('read');
    let count = 0;
    let energyPj = 0;
    for (const l of h.levels) {
      if ((l.level !== 'DRAM') !== sram) continue;
      count += read ? l.readBits : l.writeBits;
      energyPj += read ? l.readPj : l.writePj;
    }
    if (count > 0) out.push({ op, bits: 1, count, energyPj });
  }
  return out;
}
