import { estimateOps } from '../cost/estimator.js';
import { mergeCounts, type OpCount } from '../cost/ops.js';
import type { AsicOpTable } from '../cost/table-types.js';
import type {
  AsicEnergy,
  EnergyBreakdown,
  LayerEnergy,
  PrimitiveEnergy,
} from '../report/results.js';
import type { LayerCounts, NetworkCounts } from './counts.js';

/**
 * Energy per inference on an op-level ASIC table: Σ count × energy per op at its width (the
 * table's row and scaling steps on every provenance line), compute and on-chip memory traffic
 * together. A table without SRAM rows (Aladdin's functional-unit table) prices compute only:
 * the row says so in its provenance, and the same holds for all three networks on that table,
 * so they stay comparable. An op the table cannot price is an InputError from the estimator.
 */
export interface AsicEnergyResult {
  readonly energy: AsicEnergy;
  readonly breakdown: EnergyBreakdown;
}

const MEMORY_OPS = ['sram-read', 'sram-write'] as const;

/** Whether the table prices on-chip memory traffic (has both SRAM rows). */
export function pricesMemory(table: AsicOpTable): boolean {
  return MEMORY_OPS.every((op) => table.ops.some((r) => r.op === op));
}

function priced(table: AsicOpTable, layer: LayerCounts): readonly OpCount[] {
  return pricesMemory(table) ? [...layer.ops, ...layer.memory] : layer.ops;
}

export function asicEnergy(table: AsicOpTable, counts: NetworkCounts): AsicEnergyResult {
  const all = mergeCounts(counts.layers.flatMap((l) => priced(table, l)));
  const estimate = estimateOps(table, all);
  const byPrimitive = all.map((c): PrimitiveEnergy => {
    const energyPj = estimateOps(table, [c]).energyPj as number;
    return {
      op: c.op,
      bits: c.bits,
      ...(c.bitsB !== undefined && c.bitsB !== c.bits ? { bitsB: c.bitsB } : {}),
      count: c.count,
      energyPj,
    };
  });
  const byLayer = counts.layers.flatMap((l): LayerEnergy[] => {
    const ops = priced(table, l);
    if (ops.length === 0) return [];
    return [{ layer: l.layer, kind: l.kind, energyPj: estimateOps(table, ops).energyPj as number }];
  });
  const provenance = [...estimate.provenance(), ...estimate.notes];
  if (!pricesMemory(table)) {
    const memory = mergeCounts(counts.layers.flatMap((l) => l.memory));
    const accesses = memory.reduce((s, c) => s + c.count, 0);
    provenance.push(
      `memory traffic not priced: ${table.name} has no sram-read / sram-write row (${accesses} on-chip accesses per inference left out, for every network alike)`,
    );
  }
  const energyPj = estimate.energyPj as number;
  return {
    energy: { network: counts.network, table: table.name, bits: counts.bits, energyPj, provenance },
    breakdown: {
      network: counts.network,
      table: table.name,
      bits: counts.bits,
      byPrimitive,
      byLayer,
    },
  };
}
