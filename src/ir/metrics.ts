import { expandMacros } from './expand.js';
import { CELL_KINDS, type CellKind } from './gates.js';
import type { Netlist } from './netlist.js';
import { combinationalOrder } from './validate.js';

/**
 * Structural figures of a netlist.
 *
 * - `cells`, `cellsByType`: the netlist as built, a macro (fa, ha) counting as one cell;
 *   `cellsByType` lists the kinds present, in `CELL_KINDS` order.
 * - `primitiveCells`: cells after `expandMacros` (fa = 5 gates, ha = 2).
 * - `depth`: the critical path in gate levels, measured on the macro-expanded netlist: the
 *   largest number of cells on any path that starts at a source (input port, constant,
 *   register output). Every primitive gate counts one level, not and buf
 *   included; a full adder is 2 levels to its sum and 3 to its carry. It is the topological
 *   depth: false paths (as in a carry-skip adder) count.
 * - `maxFanout`: the most loads on one net of the macro-expanded netlist, loads being cell
 *   input pins and register inputs (output ports and the constant nets 0 and 1 are not loads).
 * - `registers`: flip-flops.
 * Cost: linear in the size of the netlist.
 */
export interface NetlistMetrics {
  readonly cells: number;
  readonly cellsByType: Readonly<Partial<Record<CellKind, number>>>;
  readonly primitiveCells: number;
  readonly depth: number;
  readonly maxFanout: number;
  readonly registers: number;
}

export function netlistMetrics(netlist: Netlist): NetlistMetrics {
  const counts = new Map<CellKind, number>();
  for (const cell of netlist.cells) counts.set(cell.kind, (counts.get(cell.kind) ?? 0) + 1);
  const cellsByType: Partial<Record<CellKind, number>> = {};
  for (const kind of CELL_KINDS) {
    const count = counts.get(kind);
    if (count !== undefined) cellsByType[kind] = count;
  }
  const flat = expandMacros(netlist);
  return {
    cells: netlist.cells.length,
    cellsByType,
    primitiveCells: flat.cells.length,
    depth: gateDepth(flat),
    maxFanout: maxFanout(flat),
    registers: netlist.registers.length,
  };
}

/** Longest path in cells, sources at level 0. Throws on a combinational cycle. */
export function gateDepth(netlist: Netlist): number {
  const order = combinationalOrder(netlist);
  if (order === undefined) throw new Error(`netlist ${netlist.name} has a combinational cycle`);
  const level = new Int32Array(netlist.netCount);
  let depth = 0;
  for (const ci of order) {
    const cell = netlist.cells[ci];
    let l = 0;
    for (const x of cell.inputs) l = Math.max(l, level[x]);
    for (const o of cell.outputs) level[o] = l + 1;
    depth = Math.max(depth, l + 1);
  }
  return depth;
}

function maxFanout(netlist: Netlist): number {
  const loads = new Int32Array(netlist.netCount);
  for (const cell of netlist.cells) for (const x of cell.inputs) loads[x]++;
  for (const r of netlist.registers) loads[r.d]++;
  let most = 0;
  for (let net = 2; net < loads.length; net++) most = Math.max(most, loads[net]);
  return most;
}
