import type { NetlistBuilder } from './builder.js';
import { NET_ONE, NET_ZERO, type Net, type Netlist } from './netlist.js';

/**
 * Copies a combinational netlist into a builder as an anonymous sub-circuit: every cell is
 * re-created on fresh nets, `inputs` (one bus per input port, by name, each as wide as the
 * port) drive its input bits, and its output ports come back by name. Cells are copied in
 * dependency order, so a netlist whose cells are listed in any order (an imported one) embeds
 * the same. Registers are refused: a slot of a processing element is one combinational unit.
 */
export function embedNetlist(
  b: NetlistBuilder,
  netlist: Netlist,
  inputs: Readonly<Record<string, readonly Net[]>>,
): Record<string, Net[]> {
  if (netlist.registers.length > 0)
    throw new Error(`${netlist.name}: only a combinational netlist can be embedded`);
  const map = new Map<Net, Net>([
    [NET_ZERO, b.zero],
    [NET_ONE, b.one],
  ]);
  for (const port of netlist.inputs) {
    const bus = inputs[port.name];
    if (bus === undefined || bus.length !== port.bits.length)
      throw new Error(`${netlist.name}: input ${port.name} needs ${port.bits.length} nets`);
    port.bits.forEach((net, i) => map.set(net, bus[i]));
  }
  // Kahn's order over the cells: a cell is copied once all of its inputs have a new net.
  const users = new Map<Net, number[]>();
  const waiting = netlist.cells.map((cell, index) => {
    let missing = 0;
    for (const net of cell.inputs) {
      if (map.has(net)) continue;
      missing++;
      const list = users.get(net) ?? [];
      list.push(index);
      users.set(net, list);
    }
    return missing;
  });
  const ready = waiting.flatMap((missing, index) => (missing === 0 ? [index] : []));
  let copied = 0;
  while (ready.length > 0) {
    const index = ready.pop() as number;
    const cell = netlist.cells[index];
    const outs = b.cell(cell.kind, ...cell.inputs.map((net) => map.get(net) as Net));
    copied++;
    cell.outputs.forEach((net, k) => {
      map.set(net, outs[k]);
      for (const user of users.get(net) ?? []) if (--waiting[user] === 0) ready.push(user);
    });
  }
  if (copied !== netlist.cells.length)
    throw new Error(`${netlist.name}: cells with undriven inputs or a cycle cannot be embedded`);
  const outputs: Record<string, Net[]> = {};
  for (const port of netlist.outputs) {
    outputs[port.name] = port.bits.map((net) => {
      const mapped = map.get(net);
      if (mapped === undefined) throw new Error(`${netlist.name}: output ${port.name} is undriven`);
      return mapped;
    });
  }
  return outputs;
}
