import type { Activity } from '../ir/activity.js';
import type { Netlist } from '../ir/netlist.js';
import { cpuLayerCycles } from './cpu.js';
import { formatNumber } from './estimate.js';
import { estimateNetlist } from './estimate-netlist.js';
import { estimateOps } from './estimate-ops.js';
import { fpgaLayerCycles } from './fpga.js';
import type { LayerWork } from './layer-work.js';
import type { OpCount } from './ops.js';
import type { CostTable } from './table-types.js';

/**
 * The processing element of one layer (the first body layer: the one the CNN, AdderNet and BNN
 * variants differ in) on one table, in the one place PE cost is computed:
 *
 * | table kind | PE figure                                                                    |
 * |------------|------------------------------------------------------------------------------|
 * | asic-op    | Σ one functional unit per tap op (`tapOps`); null where the table has no area |
 * | asic-cell  | the PE netlist priced cell by cell, flip-flops included                      |
 * | fpga       | LUTs, carry cells and DSPs of one PE, and how many fit the device            |
 * | cpu        | the instruction sequence the layer's taps run as, and its cycles per tap     |
 */
export interface PeCost {
  readonly layer: string;
  readonly kind: LayerWork['kind'];
  readonly areaUm2: number | null;
  readonly luts?: number;
  readonly carryCells?: number;
  readonly dsps?: number;
  readonly pes?: number;
  readonly clockMhz?: number;
  readonly sequence?: string;
  readonly cyclesPerTap?: number;
  readonly provenance: readonly string[];
}

/**
 * The primitive ops one evaluation of a layer's PE performs: |x − w| of b-bit codes and an
 * accumulate; x·w and an accumulate; or an XNOR-popcount over the layer's K lanes (one output).
 */
export function tapOps(work: LayerWork): OpCount[] {
  const b = work.operandBits;
  switch (work.kind) {
    case 'adder':
      return [
        { op: 'sub', bits: b, count: 1 },
        { op: 'abs', bits: b + 1, count: 1 },
        { op: 'add', bits: work.accBits, count: 1 },
      ];
    case 'multiply':
      return [
        { op: 'mul', bits: b, count: 1 },
        { op: 'add', bits: work.accBits, count: 1 },
      ];
    case 'binary':
      return [
        { op: 'xnor', bits: work.K, count: 1 },
        { op: 'popcount', bits: work.K, count: 1 },
      ];
  }
}

function lanesNote(work: LayerWork): string {
  return work.kind !== 'binary'
    ? `${work.name} PE, 1 tap per evaluation`
    : `${work.name} PE, ${work.K} taps per evaluation (one output of the layer): divide by ${work.K} for area per tap`;
}

export function peCost(
  table: CostTable,
  works: readonly LayerWork[],
  pe: { readonly layer: string; readonly netlist: Netlist },
): PeCost | null {
  const work = works.find((l) => l.name === pe.layer);
  if (!work) throw new Error(`PE layer ${pe.layer} is not among the layers`);
  const base = { layer: work.name, kind: work.kind };
  if (table.kind === 'asic-op') {
    const estimate = estimateOps(table, tapOps(work));
    return {
      ...base,
      areaUm2: estimate.areaUm2 ?? null,
      provenance: [`one functional unit per op (${lanesNote(work)})`, ...estimate.provenance()],
    };
  }
  if (table.kind === 'asic-cell') {
    // Area does not depend on switching: price the netlist with a stream that toggles nothing.
    const still: Activity = {
      vectors: 2,
      transitions: 1,
      netToggles: new Float64Array(pe.netlist.netCount),
    };
    const est = estimateNetlist(table, pe.netlist, still);
    return {
      ...base,
      areaUm2: est.areaUm2 ?? null,
      provenance: [
        `netlist ${pe.netlist.name}: ${pe.netlist.cells.length} cells, ${pe.netlist.registers.length} flip-flops (${lanesNote(work)})`,
        ...est.items.map(
          (item) =>
            `${item.key} x ${item.count}: ${formatNumber(item.areaUm2 ?? 0)} um2 <- ${item.table} ${item.row} (${item.source})`,
        ),
      ],
    };
  }
  if (table.kind === 'fpga') {
    const layer = fpgaLayerCycles(table, work);
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
  const others = cpu.tap.alternatives
    .slice(1)
    .map((a) => `${a.sequence} (${a.cyclesPerTap} cycles per tap)`);
  return {
    ...base,
    areaUm2: null,
    sequence: cpu.tap.sequence,
    cyclesPerTap: cpu.tap.cyclesPerTap,
    provenance: [
      ...cpu.tap.steps,
      ...(others.length > 0
        ? [`${work.name}: the cheapest ${cpu.tap.kind} sequence; the others: ${others.join(', ')}`]
        : []),
    ],
  };
}
