import type { LayerWork } from '../cost/layer-work.js';
import { type Accelerator, loadAccelerator, loadMemoryTable } from '../cost/memory-files.js';
import { mergeCounts, type OpCount } from '../cost/ops.js';
import { DEFAULT_ARRAY, type PeArrayOptions } from '../cost/price-inference.js';
import type { CostTable } from '../cost/table-types.js';
import {
  type Architecture,
  deriveVariant,
  type GraphNode,
  type LayerKind,
  type Role,
  VARIANTS,
  type Variant,
} from '../nn/graph.js';
import { type BudgetOptions, budgetConventions, resolveBudgetOptions } from './conventions.js';
import { countGraph } from './count-graph.js';
import { type BudgetEnergy, budgetEnergy } from './energy.js';
import { type NodeCount, OP_GROUPS, type OpGroup } from './node-count.js';

/**
 * Operation budget of one architecture as CNN, AdderNet and BNN: per node and in total, in
 * the AdderNet paper's convention and in explicit primitives by bit width. Everything here is
 * a sum over `countGraph`; the rules are in conventions.ts and travel with the result.
 */

/** Explicit compute counts of one primitive family, summed over bit widths. */
export interface ComputeCounts {
  readonly mul: number;
  readonly add: number;
  readonly sub: number;
  readonly abs: number;
  readonly xnor: number;
  /** Popcount additions: one per bit counted (= binary taps), Σ count·bits of popcount ops. */
  readonly popcount: number;
  /** Population counts performed: one per binary-layer output, each over its K XNOR bits. */
  readonly popcountWords: number;
  readonly cmp: number;
}

export interface CountSummary extends ComputeCounts {
  /** BatchNorm elements normalized (each 1 mul + 1 add, included in mul and add). */
  readonly bn: number;
  /** Values read / written (sram-read / sram-write), and the same in bits. */
  readonly memReads: number;
  readonly memWrites: number;
  readonly memReadBits: number;
  readonly memWriteBits: number;
  /** The parameter values among memReads. */
  readonly weightReads: number;
  readonly weightReadBits: number;
  readonly paperMul: number;
  readonly paperAdd: number;
  readonly paperXnor: number;
}

/** One node in one variant. */
export interface VariantLayer extends CountSummary {
  /** The node's op in this variant when it differs from the architecture's (BNN: hardtanh). */
  readonly op?: GraphNode['op'];
  readonly kind?: LayerKind;
  readonly work?: LayerWork;
  readonly outBits: number;
  readonly ops: readonly OpCount[];
  readonly memory: readonly OpCount[];
}

export interface LayerBudget {
  readonly id: string;
  readonly op: GraphNode['op'];
  readonly role?: Role;
  readonly inShape: readonly number[];
  readonly outShape: readonly number[];
  readonly params: number;
  readonly paddedTaps?: number;
  /** Convolution groups when above 1: a depthwise layer (one input channel per output). */
  readonly groups?: number;
  readonly cnn?: VariantLayer;
  readonly addernet?: VariantLayer;
  readonly bnn?: VariantLayer;
}

export interface VariantTotals extends CountSummary {
  readonly params: number;
  /** Explicit counts split by where they occur (see conventions `groups`). */
  readonly groups: Readonly<Record<OpGroup, ComputeCounts>>;
  readonly ops: readonly OpCount[];
  readonly memory: readonly OpCount[];
  /** Energy on the requested cost table (only when one is given). */
  readonly energy?: BudgetEnergy;
}

export interface BudgetReport {
  readonly net: string;
  readonly dataset: string;
  readonly source: string;
  readonly description?: string;
  readonly bits: number;
  readonly conventions: Record<string, string>;
  /** Variants whose per-layer records `layers` holds. */
  readonly variants: readonly Variant[];
  readonly layers: readonly LayerBudget[];
  readonly totals: Readonly<Record<Variant, VariantTotals>>;
}

export interface BudgetRequest extends BudgetOptions {
  /** Variants to keep per-layer records for; default all three (totals always have all). */
  readonly variants?: readonly Variant[];
  /** A cost table to price the totals on (op-level ASIC or FPGA). */
  readonly table?: CostTable;
  /**
   * The accelerator memory is priced on when the table prices memory (by buffer capacity and
   * the PE array's dataflow, cost/memory-hierarchy.ts); null: every access at the table's SRAM
   * row. Default: the shipped accelerator-default on a 32x32 weight-stationary array.
   */
  readonly accelerator?: Accelerator | null;
  readonly array?: PeArrayOptions;
}

export function budgetArchitecture(arch: Architecture, request: BudgetRequest = {}): BudgetReport {
  const { bits } = resolveBudgetOptions(request);
  const keep = request.variants ?? VARIANTS;
  const counts = Object.fromEntries(
    VARIANTS.map((v) => [v, countGraph(deriveVariant(arch, v), bits)]),
  ) as Record<Variant, NodeCount[]>;
  const layers = arch.nodes.map((node, i): LayerBudget => {
    const first = counts.cnn[i];
    const perVariant = Object.fromEntries(
      keep.map((v) => [v, variantLayer(counts[v][i], node.op)]),
    ) as Partial<Record<Variant, VariantLayer>>;
    return {
      id: node.id,
      op: node.op,
      ...(first.role ? { role: first.role } : {}),
      inShape: first.inShapes[0] ?? [],
      outShape: first.outShape,
      params: first.params,
      ...(first.paddedTaps === undefined ? {} : { paddedTaps: first.paddedTaps }),
      ...(node.op === 'conv' && (node.groups ?? 1) > 1 ? { groups: node.groups } : {}),
      ...perVariant,
    };
  });
  const totals = Object.fromEntries(
    VARIANTS.map((v) => {
      const t = variantTotals(counts[v]);
      const table = request.table;
      if (!table) return [v, t];
      const hierarchy = memoryInput(counts[v], request);
      return [v, { ...t, energy: budgetEnergy(table, t.ops, t.memory, hierarchy) }];
    }),
  ) as Record<Variant, VariantTotals>;
  return {
    net: arch.name,
    dataset: arch.dataset,
    source: arch.source,
    ...(arch.description ? { description: arch.description } : {}),
    bits,
    conventions: budgetConventions(bits),
    variants: [...keep],
    layers,
    totals,
  };
}

function computeCounts(ops: readonly OpCount[]): ComputeCounts {
  const sum = (op: OpCount['op'], perBit = false) =>
    ops.reduce((acc, c) => acc + (c.op === op ? c.count * (perBit ? c.bits : 1) : 0), 0);
  return {
    mul: sum('mul'),
    add: sum('add'),
    sub: sum('sub'),
    abs: sum('abs'),
    xnor: sum('xnor'),
    popcount: sum('popcount', true),
    popcountWords: sum('popcount'),
    cmp: sum('cmp'),
  };
}

function summary(
  ops: readonly OpCount[],
  memory: readonly OpCount[],
  rest: Pick<CountSummary, 'bn' | 'weightReads' | 'weightReadBits'> & {
    paper: { mul: number; add: number; xnor: number };
  },
): CountSummary {
  const mem = (op: OpCount['op'], bits: boolean) =>
    memory.reduce((acc, c) => acc + (c.op === op ? c.count * (bits ? c.bits : 1) : 0), 0);
  return {
    ...computeCounts(ops),
    bn: rest.bn,
    memReads: mem('sram-read', false),
    memWrites: mem('sram-write', false),
    memReadBits: mem('sram-read', true),
    memWriteBits: mem('sram-write', true),
    weightReads: rest.weightReads,
    weightReadBits: rest.weightReadBits,
    paperMul: rest.paper.mul,
    paperAdd: rest.paper.add,
    paperXnor: rest.paper.xnor,
  };
}

function variantLayer(c: NodeCount, archOp: GraphNode['op']): VariantLayer {
  return {
    ...(c.op !== archOp ? { op: c.op } : {}),
    ...(c.kind ? { kind: c.kind } : {}),
    ...(c.work ? { work: c.work } : {}),
    outBits: c.outBits,
    ...summary(c.ops, c.memory, c),
    ops: c.ops,
    memory: c.memory,
  };
}

function variantTotals(nodes: readonly NodeCount[]): VariantTotals {
  const ops = mergeCounts(nodes.flatMap((c) => c.ops));
  const memory = mergeCounts(nodes.flatMap((c) => c.memory));
  const total = (f: (c: NodeCount) => number) => nodes.reduce((acc, c) => acc + f(c), 0);
  const groups = Object.fromEntries(
    OP_GROUPS.map((g) => [
      g,
      computeCounts(nodes.filter((c) => c.group === g).flatMap((c) => c.ops)),
    ]),
  ) as Record<OpGroup, ComputeCounts>;
  return {
    params: total((c) => c.params),
    ...summary(ops, memory, {
      bn: total((c) => c.bn),
      weightReads: total((c) => c.weightReads),
      weightReadBits: total((c) => c.weightReadBits),
      paper: {
        mul: total((c) => c.paper.mul),
        add: total((c) => c.paper.add),
        xnor: total((c) => c.paper.xnor),
      },
    }),
    groups,
    ops,
    memory,
  };
}

/** The memory model's input of one variant: its GEMM layers, the other nodes' memory counts. */
function memoryInput(
  nodes: readonly NodeCount[],
  request: BudgetRequest,
): Parameters<typeof budgetEnergy>[3] {
  if (request.accelerator === null) return undefined;
  const accelerator = request.accelerator ?? loadAccelerator();
  return {
    accelerator,
    memory: loadMemoryTable(accelerator.memory),
    input: {
      works: nodes.flatMap((n) => (n.work ? [n.work] : [])),
      others: nodes.filter((n) => !n.work).map((n) => ({ layer: n.id, memory: n.memory })),
      array: request.array ?? DEFAULT_ARRAY,
    },
  };
}
