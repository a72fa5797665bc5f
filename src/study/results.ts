import type { Primitive } from '../cost/ops.js';
import type { LayerEnergy, PrimitiveEnergy } from '../cost/price-inference.js';
import type { TableKind } from '../cost/table-types.js';
import type { Backend } from '../engine/kernels/registry.js';
import type { Variant } from '../nn/graph.js';

/**
 * The one input of the report: every number the report shows, as a plain JSON value.
 *
 * The study (which runs the engine, budget counter, cost models and simulators) fills it; the
 * report only renders it and derives the verdict from it. It is written out as results.json, so
 * it holds no timestamps or wall times: the same seed and inputs give a byte-identical file.
 *
 * Conventions used throughout:
 * - energies are picojoules (`...Pj`), areas square micrometres (`...Um2`), delays nanoseconds,
 *   clocks megahertz; counts are exact integers (safe JavaScript integers);
 * - accuracy is stored as exact counts (`correct` of `testImages`), never as a rounded percentage;
 * - `table` fields name a cost table by the `id` listed in `tables`;
 * - `provenance` lists, one line each, the table rows that priced a cost and every scaling step
 *   applied (for example `add:8 x 1,204,224 at asic-45nm-horowitz row add 8 bit = 0.03 pJ`);
 *   it is never empty, because costs never default to zero.
 * - arrays keep the order the study gives; the report lists networks in `NETWORKS` order.
 */
export const RESULTS_SCHEMA_VERSION = 1;

/** The three networks the report compares, in display order (the `Variant`s of src/nn). */
export const NETWORKS: readonly Variant[] = ['addernet', 'cnn', 'bnn'];
export type Network = Variant;

/**
 * The kinds of cost table (the same names as src/cost's table kinds): asic-op prices op counts,
 * asic-cell prices netlists per cell, fpga and cpu give resources and cycles.
 */
export { TABLE_KINDS, type TableKind } from '../cost/table-types.js';

/** The engine's backends, by the engine's names. */
export { BACKENDS, type Backend } from '../engine/kernels/registry.js';

/** Layer rows of the per-layer breakdown: the graph's weight-layer kinds, or `other` (BN, pooling). */
export const LAYER_ROW_KINDS = ['multiply', 'adder', 'binary', 'other'] as const;

export interface ReportResults {
  readonly schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  readonly meta: ReportMeta;
  /** Every cost table any cost below cites. */
  readonly tables: readonly CostTableRef[];
  readonly accuracy: AccuracySection;
  /** Energy per inference at the default bit width, one row per network and ASIC table. */
  readonly energy: readonly AsicEnergy[];
  /** One row per network and FPGA table. */
  readonly fpga: readonly FpgaCost[];
  /** One row per network and CPU table. */
  readonly cpu: readonly CpuCost[];
  /** Processing-element area, one row per network and table (asic-op or asic-cell). */
  readonly area: readonly PeArea[];
  /** Energy by primitive and by layer, one entry per network and ASIC table. */
  readonly breakdown: readonly EnergyBreakdown[];
  /**
   * Memory energy by level (weight buffer, activation buffer, DRAM) on the accelerator the
   * ASIC tables that price memory assumed, one entry per network and such table.
   */
  readonly memory?: readonly MemoryByLevel[];
  readonly adders: AdderSection;
  readonly accumulator: AccumulatorSection;
  readonly budgets: BudgetSection;
  readonly verdictInputs: VerdictInputs;
}

export interface ReportMeta {
  /** Report title, e.g. `lenet5-mnist`. */
  readonly name: string;
  /** Architecture name (models/arch/<name>.json). */
  readonly architecture: string;
  readonly dataset: string;
  readonly seed: number;
  /** The bit width of activations and weights that costs and the verdict are quoted at. */
  readonly defaultBits: number;
  /** addersim version that produced the results. */
  readonly toolVersion: string;
  /** Free-form statements the study wants in the report (e.g. "counts are exact, not sampled"). */
  readonly notes: readonly string[];
}

export interface CostTableRef {
  /** File stem of cost-tables/<id>.json. */
  readonly id: string;
  /** Short human name, e.g. `Horowitz 45 nm`. */
  readonly title: string;
  readonly kind: TableKind;
  /** Process node or part, e.g. `45 nm, 0.9 V`, `Skylake client`, `XCZU9EG`. */
  readonly technology: string;
  /** Where the numbers come from (paper, file), cited by the verdict. */
  readonly source: string;
}

export interface AccuracySection {
  readonly dataset: string;
  /** Test images every accuracy figure is counted over. */
  readonly testImages: number;
  /** Which engine backend produced the quantized, bit-accurate results. */
  readonly backend: Backend;
  readonly networks: readonly NetworkAccuracy[];
}

export interface NetworkAccuracy {
  readonly network: Network;
  /** Checkpoint file the weights come from. */
  readonly checkpoint: string;
  /** Correct predictions of the float model. */
  readonly floatCorrect: number;
  /** Quantized, bit-accurate accuracy per bit width (activations and weights). */
  readonly points: readonly { readonly bits: number; readonly correct: number }[];
}

export interface AsicEnergy {
  readonly network: Network;
  readonly table: string;
  readonly bits: number;
  readonly energyPj: number;
  readonly provenance: readonly string[];
}

export interface FpgaCost {
  readonly network: Network;
  readonly table: string;
  readonly bits: number;
  /**
   * LUTs and DSPs of one PE of the body layers (the layers the three variants differ in: adder,
   * multiply or binary); stem and classifier PEs are in the provenance lines.
   */
  readonly lutsPerPe: number;
  readonly dspsPerPe: number;
  /** Body-layer processing elements that fit the table's LUT/DSP budget. */
  readonly pes: number;
  /** Clock from the PE's critical path, MHz. */
  readonly clockMhz: number;
  /** Cycles per inference. */
  readonly cycles: number;
  /** Energy per inference, or null when the table cannot price it (no public FPGA energy table). */
  readonly energyPj: number | null;
  readonly provenance: readonly string[];
}

export interface CpuCost {
  readonly network: Network;
  readonly table: string;
  readonly bits: number;
  /** The body layers' instruction sequence, e.g. `vpsadbw` or `vpmaddubsw + vpmaddwd`. */
  readonly kernel: string;
  /** Cycles per body-layer tap (one |x-w| + accumulate, one multiply-accumulate, one XNOR-popcount step). */
  readonly cyclesPerTap: number;
  /** Cycles per inference, every layer included (stem and classifier run their own kernels). */
  readonly cycles: number;
  /** Energy per inference, or null when the table gives no energies. */
  readonly energyPj: number | null;
  readonly provenance: readonly string[];
}

export interface PeArea {
  readonly network: Network;
  readonly table: string;
  readonly bits: number;
  readonly areaUm2: number;
  readonly provenance: readonly string[];
}

/** Energy of one primitive or one layer in a breakdown (src/cost's pricing gives them). */
export type { LayerEnergy, PrimitiveEnergy } from '../cost/price-inference.js';

export interface EnergyBreakdown {
  readonly network: Network;
  readonly table: string;
  readonly bits: number;
  readonly byPrimitive: readonly PrimitiveEnergy[];
  readonly byLayer: readonly LayerEnergy[];
}

export interface MemoryLevelRow {
  /** weight buffer, activation buffer or DRAM. */
  readonly level: string;
  /** Buffer size assumed, KiB; null for DRAM. */
  readonly capacityKiB: number | null;
  /** Energy of one 64-bit access at this level, pJ. */
  readonly accessPj: number;
  readonly readBits: number;
  readonly writeBits: number;
  readonly energyPj: number;
}

export interface MemoryByLevel {
  readonly network: Network;
  readonly table: string;
  readonly bits: number;
  /** The accelerator description and memory table (cost-tables/memory/). */
  readonly accelerator: string;
  readonly memoryTable: string;
  readonly dataflow: string;
  /** Whether every weight stays in the weight buffer across inferences. */
  readonly weights: 'resident' | 'loaded from DRAM';
  readonly levels: readonly MemoryLevelRow[];
}

export interface AdderSection {
  /** Operand width of the adders compared. */
  readonly bits: number;
  /** Cell table (kind `asic-cell`) pricing area, delay and switching energy. */
  readonly table: string;
  /** Where the operands came from, e.g. `conv2 accumulator inputs of 100 MNIST test images`. */
  readonly operands: string;
  /** Operand vectors simulated to count toggles. */
  readonly vectors: number;
  /**
   * Toggle model: zero-delay simulation counts each net's settled value changes per vector;
   * glitches (transient toggles from unequal path delays) are not modelled.
   */
  readonly toggleModel: 'zero-delay';
  readonly architectures: readonly AdderArchitecture[];
}

export interface AdderArchitecture {
  /** Generator name, e.g. `ripple-carry`, `kogge-stone`. */
  readonly name: string;
  readonly cells: number;
  readonly areaUm2: number;
  /** Critical-path delay. */
  readonly delayNs: number;
  /** Mean net toggles per operation, measured on the operands above. */
  readonly togglesPerOp: number;
  readonly energyPerOpPj: number;
  readonly provenance: readonly string[];
}

export interface AccumulatorSection {
  readonly testImages: number;
  readonly curves: readonly AccumulatorCurve[];
}

export interface AccumulatorCurve {
  readonly network: Network;
  /** Activation/weight bit width of the run. */
  readonly bits: number;
  /** Accumulator width that can never overflow for this network (no accuracy loss). */
  readonly fullWidthBits: number;
  /** Correct predictions when the accumulator wraps (WRAP) or saturates (SAT) at `accBits`. */
  readonly points: readonly {
    readonly accBits: number;
    readonly wrapCorrect: number;
    readonly satCorrect: number;
  }[];
}

export interface BudgetSection {
  /** Bit width the explicit primitive counts are given at. */
  readonly bits: number;
  readonly architectures: readonly ArchitectureBudget[];
}

export interface ArchitectureBudget {
  /** e.g. `resnet20`. */
  readonly name: string;
  readonly dataset: string;
  readonly networks: readonly NetworkBudget[];
}

export interface NetworkBudget {
  readonly network: Network;
  /**
   * The AdderNet paper's convention (Table columns #Mul, #Add, #XNOR): CNN = 1 mul + 1 add per
   * tap, AdderNet = 2 adds per tap, BNN = 1 XNOR + 1 add per tap.
   */
  readonly paper: { readonly mul: number; readonly add: number; readonly xnor: number };
  /** Explicit primitive counts per inference, multiply layers (stem, classifier, BN) included. */
  readonly explicit: readonly {
    readonly op: Primitive;
    readonly bits: number;
    readonly bitsB?: number;
    readonly count: number;
  }[];
}

export interface VerdictInputs {
  /** Two costs within this relative difference are called about equal (0.05 = 5 %). */
  readonly tieTolerance: number;
  /** Accuracy differences up to this many percentage points are called about equal. */
  readonly accuracyTolerancePoints: number;
  /** ASIC table whose breakdown explains the energy verdict; null: the first with a breakdown. */
  readonly breakdownTable: string | null;
}
