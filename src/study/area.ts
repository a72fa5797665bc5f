import { formatNumber } from '../cost/estimate.js';
import { estimateOps } from '../cost/estimator.js';
import { estimateNetlist } from '../cost/gate-estimator.js';
import type { LayerWork } from '../cost/layer-work.js';
import type { OpCount } from '../cost/ops.js';
import type { AsicCellTable, AsicOpTable } from '../cost/table-types.js';
import { buildAdderPe, buildMacPe } from '../gen/pe/index.js';
import { buildXnorPopcount } from '../gen/popcount/index.js';
import type { Activity } from '../ir/activity.js';
import type { Netlist } from '../ir/netlist.js';
import type { Network, PeArea } from '../report/results.js';

/**
 * Area of the processing element of a network's first body layer (the layer the three
 * variants differ in), the same datapath the engine's gate-level backend simulates for it
 * (ripple-carry adders, ones'-complement |x − w|, array multiplier, no pipeline register):
 *
 * | network  | PE datapath                                              | taps per evaluation |
 * |----------|----------------------------------------------------------|---------------------|
 * | AdderNet | |x − w| of unsigned b-bit codes, then acc += (acc bits)  | 1                   |
 * | CNN      | x·w of signed b-bit codes, then acc += (acc bits)        | 1                   |
 * | BNN      | XNOR-popcount over the layer's K lanes (one output)      | K                   |
 *
 * On op-level tables: Σ one functional unit per op (sub b, abs b+1, add acc; mul b, add acc;
 * xnor K, popcount K), only on tables that give areas (Horowitz gives none). On cell tables:
 * the PE netlist from src/gen priced cell by cell, flip-flops included.
 */
export interface PeShape {
  readonly network: Network;
  readonly layer: string;
  readonly kind: LayerWork['kind'];
  readonly operandBits: number;
  readonly accBits: number;
  /** Taps per evaluation of the PE: 1, or K lanes for a binary layer. */
  readonly lanes: number;
}

/** The PE shape of a network's first body layer. */
export function peShape(network: Network, body: readonly LayerWork[]): PeShape {
  const first = body[0];
  return {
    network,
    layer: first.name,
    kind: first.kind,
    operandBits: first.operandBits,
    accBits: first.accBits,
    lanes: first.kind === 'binary' ? first.K : 1,
  };
}

export function peOps(pe: PeShape): OpCount[] {
  const b = pe.operandBits;
  switch (pe.kind) {
    case 'adder':
      return [
        { op: 'sub', bits: b, count: 1 },
        { op: 'abs', bits: b + 1, count: 1 },
        { op: 'add', bits: pe.accBits, count: 1 },
      ];
    case 'multiply':
      return [
        { op: 'mul', bits: b, count: 1 },
        { op: 'add', bits: pe.accBits, count: 1 },
      ];
    case 'binary':
      return [
        { op: 'xnor', bits: pe.lanes, count: 1 },
        { op: 'popcount', bits: pe.lanes, count: 1 },
      ];
  }
}

function lanesNote(pe: PeShape): string {
  return pe.lanes === 1
    ? `${pe.layer} PE, 1 tap per evaluation`
    : `${pe.layer} PE, ${pe.lanes} taps per evaluation (one output of the layer): divide by ${pe.lanes} for area per tap`;
}

/** PE area on an op-level table, or null when the table gives no area for some op. */
export function opTableArea(table: AsicOpTable, pe: PeShape, bits: number): PeArea | null {
  const estimate = estimateOps(table, peOps(pe));
  const areaUm2 = estimate.areaUm2;
  if (areaUm2 === undefined) return null;
  return {
    network: pe.network,
    table: table.name,
    bits,
    areaUm2,
    provenance: [`one functional unit per op (${lanesNote(pe)})`, ...estimate.provenance()],
  };
}

export function peNetlist(pe: PeShape): Netlist {
  const common = { accWidth: pe.accBits, adder: 'ripple-carry' as const };
  switch (pe.kind) {
    case 'adder':
      return buildAdderPe({ ...common, width: pe.operandBits, signed: false });
    case 'multiply':
      return buildMacPe({ ...common, width: pe.operandBits, signed: true });
    case 'binary':
      return buildXnorPopcount({ width: pe.lanes });
  }
}

/** PE area on a cell table: Σ cells × cell area + flip-flops × flip-flop area. */
export function cellTableArea(table: AsicCellTable, pe: PeShape, bits: number): PeArea {
  const netlist = peNetlist(pe);
  // Area does not depend on switching: price the netlist with a stream that toggles nothing.
  const still: Activity = {
    vectors: 2,
    transitions: 1,
    netToggles: new Float64Array(netlist.netCount),
  };
  const estimate = estimateNetlist(table, netlist, still);
  return {
    network: pe.network,
    table: table.name,
    bits,
    areaUm2: estimate.areaUm2 as number,
    provenance: [
      `netlist ${netlist.name}: ${netlist.cells.length} cells, ${netlist.registers.length} flip-flops (${lanesNote(pe)})`,
      ...estimate.items.map(
        (item) =>
          `${item.key} x ${item.count}: ${formatNumber(item.areaUm2 as number)} um2 <- ${item.table} ${item.row} (${item.source})`,
      ),
    ],
  };
}
