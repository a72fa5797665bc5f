import type { Cell, Net, Netlist } from './netlist.js';

/**
 * Replaces the macro cells by primitive gates, keeping every existing net id (ports and
 * registers are untouched) and appending new nets for the internal wires:
 *
 * | macro         | expansion                                              | gates | depth (sum / cout) |
 * |---------------|--------------------------------------------------------|-------|--------------------|
 * | fa(a, b, c)   | t = a⊕b; sum = t⊕c; cout = (a·b) + (t·c)               | 2 xor + 2 and + 1 or | 2 / 3 |
 * | ha(a, b)      | sum = a⊕b; cout = a·b                                  | 1 xor + 1 and        | 1 / 1 |
 *
 * This is the textbook full adder (two half adders and an or), the form gate counts and
 * depths in this project refer to. Cells keep their order; a macro's gates replace it in place.
 */
export function expandMacros(netlist: Netlist): Netlist {
  let next = netlist.netCount;
  const fresh = (): Net => next++;
  const cells: Cell[] = [];
  for (const cell of netlist.cells) {
    if (cell.kind === 'fa') {
      const [a, b, c] = cell.inputs;
      const [sum, cout] = cell.outputs;
      const t = fresh();
      const ab = fresh();
      const tc = fresh();
      cells.push({ kind: 'xor', inputs: [a, b], outputs: [t] });
      cells.push({ kind: 'xor', inputs: [t, c], outputs: [sum] });
      cells.push({ kind: 'and', inputs: [a, b], outputs: [ab] });
      cells.push({ kind: 'and', inputs: [t, c], outputs: [tc] });
      cells.push({ kind: 'or', inputs: [ab, tc], outputs: [cout] });
    } else if (cell.kind === 'ha') {
      const [a, b] = cell.inputs;
      const [sum, cout] = cell.outputs;
      cells.push({ kind: 'xor', inputs: [a, b], outputs: [sum] });
      cells.push({ kind: 'and', inputs: [a, b], outputs: [cout] });
    } else {
      cells.push(cell);
    }
  }
  return { ...netlist, netCount: next, cells };
}
