import { roundToInteger } from '../bits/fast-number.js';
import type { CellKind } from '../ir/gates.js';
import type { Netlist } from '../ir/netlist.js';
import { combinationalOrder } from '../ir/validate.js';
import type { AsicCellTable } from './table-types.js';

/**
 * Static timing of a netlist with one delay per cell output (zero-wire-load model):
 * arrival(input port bit) = 0, arrival(constant) = 0, arrival(register q) = clock-to-Q;
 * arrival(cell output k) = max over the cell's inputs of their arrival + delay(cell, k), where
 * delay(cell, k) is the table's outputDelayPs[k] when given, else delayPs;
 * endpoints are output port bits and register d pins (+ setup).
 * Returns the critical path in ps (0 for a netlist with no path). Cost: O(cells + pins).
 */
export function criticalPathPs(netlist: Netlist, table: AsicCellTable): number {
  const order = combinationalOrder(netlist);
  if (!order) throw new Error(`netlist ${netlist.name} has a combinational cycle`);
  const arrival = new Float64Array(netlist.netCount);
  for (const r of netlist.registers) arrival[r.q] = table.register.clockToQPs;
  const rows = new Map(table.cells.map((c) => [c.kind, c]));
  for (const ci of order) {
    const cell = netlist.cells[ci];
    const row = rows.get(cell.kind);
    if (!row) throw new Error(`cell table ${table.name} has no ${cell.kind} row`);
    let latest = 0;
    for (const x of cell.inputs) latest = Math.max(latest, arrival[x]);
    cell.outputs.forEach((o, k) => {
      arrival[o] = latest + (row.outputDelayPs?.[k] ?? row.delayPs);
    });
  }
  let worst = 0;
  for (const port of netlist.outputs)
    for (const b of port.bits) worst = Math.max(worst, arrival[b]);
  for (const r of netlist.registers) worst = Math.max(worst, arrival[r.d] + table.register.setupPs);
  return worst;
}

/**
 * The table's cell delays as whole picoseconds, the integer delays the timing-aware activity
 * simulator takes (src/sim/delays.ts): each row's `delayPs` rounded to the nearest integer, so
 * each gate is at most 0.5 ps off and path sums at most 0.5 ps per gate. Rows keep their
 * kind; the simulator expands fa and ha into gates and does not use their rows.
 */
export function cellDelaysPs(table: AsicCellTable): Partial<Record<CellKind, number>> {
  return Object.fromEntries(
    table.cells.map((row) => [row.kind, roundToInteger(row.delayPs, 'RND')]),
  );
}
