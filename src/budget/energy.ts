import { estimateOps } from '../cost/estimate-ops.js';
import type { Accelerator, MemoryTable } from '../cost/memory-files.js';
import {
  type MemoryHierarchyCost,
  type MemoryInput,
  priceMemoryHierarchy,
} from '../cost/memory-hierarchy.js';
import type { OpCount } from '../cost/ops.js';
import type { CostTable } from '../cost/table-types.js';

/**
 * Energy of a budget's explicit counts on one cost table: compute (every `ops` entry) and
 * memory (the sram-read / sram-write entries) priced separately, so a reader sees which part
 * dominates. A table that has no SRAM rows leaves memory unpriced (null, with a note) rather
 * than zero; a table that cannot price operation counts at all (cell-level, CPU) is an
 * InputError from the estimator. Every priced item keeps its provenance line.
 */
export interface BudgetEnergy {
  readonly table: string;
  /** pJ per inference; null when the table gives no energy for some op (see notes). */
  readonly computePj: number | null;
  readonly memoryPj: number | null;
  readonly totalPj: number | null;
  readonly notes: readonly string[];
  /** Memory by level on the accelerator, when one is given and the table prices memory. */
  readonly memoryLevels?: MemoryHierarchyCost;
  /** One line per priced op and width: count, energy, table row and scaling steps. */
  readonly provenance: readonly string[];
}

/** Whether a table has a row for `op` (op-level ASIC and FPGA tables list their rows in `ops`). */
function hasRow(table: CostTable, op: OpCount['op']): boolean {
  return 'ops' in table && (table.ops as readonly { op: string }[]).some((r) => r.op === op);
}

/**
 * With `hierarchy` (the accelerator, its memory table, the layers as GEMMs with the other nodes'
 * memory counts, and the PE array), a table that prices memory prices it by buffer capacity and
 * dataflow (cost/memory-hierarchy.ts) instead of every access at its one SRAM row.
 */
export function budgetEnergy(
  table: CostTable,
  ops: readonly OpCount[],
  memory: readonly OpCount[],
  hierarchy?: {
    readonly accelerator: Accelerator;
    readonly memory: MemoryTable;
    readonly input: MemoryInput;
  },
): BudgetEnergy {
  const compute = estimateOps(table, ops);
  const notes = [...compute.notes];
  const provenance = [...compute.provenance()];
  let memoryPj: number | null = null;
  let levels: MemoryHierarchyCost | undefined;
  const missing = (['sram-read', 'sram-write'] as const).filter((op) => !hasRow(table, op));
  if (memory.length > 0 && missing.length > 0) {
    notes.push(`${table.name} has no ${missing.join(' or ')} row: memory energy is not priced`);
  } else if (hierarchy && table.kind === 'asic-op') {
    levels = priceMemoryHierarchy(hierarchy.accelerator, hierarchy.memory, hierarchy.input);
    memoryPj = levels.energyPj;
    provenance.push(...levels.provenance);
  } else {
    const mem = estimateOps(table, memory);
    memoryPj = mem.energyPj ?? null;
    notes.push(...mem.notes.filter((n) => !notes.includes(n)));
    provenance.push(...mem.provenance());
  }
  const computePj = compute.energyPj ?? null;
  return {
    table: table.name,
    computePj,
    memoryPj,
    totalPj: computePj === null || memoryPj === null ? null : computePj + memoryPj,
    notes,
    provenance,
    ...(levels ? { memoryLevels: levels } : {}),
  };
}
