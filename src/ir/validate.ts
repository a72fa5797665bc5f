import { CELL_ARITY, CELL_KINDS } from './gates.js';
import type { Net, Netlist } from './netlist.js';

/**
 * Checks a netlist and changes nothing. Every simulator, estimator and exporter calls
 * `assertValidNetlist` on entry. Problems found:
 * - a net out of range, undriven (used but never driven) or driven more than once;
 * - a cell of unknown kind or with the wrong number of inputs or outputs;
 * - a combinational cycle (a loop that does not pass through a register);
 * - duplicate port names.
 */
export function validateNetlist(netlist: Netlist): string[] {
  const problems: string[] = [];
  const n = netlist.netCount;
  const driven = new Uint8Array(n);
  driven[0] = 1;
  driven[1] = 1;
  const inRange = (net: Net, where: string): boolean => {
    if (!Number.isInteger(net) || net < 0 || net >= n) {
      problems.push(`${where}: net ${net} is out of range 0..${n - 1}`);
      return false;
    }
    return true;
  };
  const drive = (net: Net, where: string) => {
    if (!inRange(net, where)) return;
    if (net < 2) problems.push(`${where}: drives constant net ${net}`);
    else if (driven[net]) problems.push(`${where}: net ${net} is driven more than once`);
    driven[net] = 1;
  };
  const names = new Set<string>();
  for (const port of [...netlist.inputs, ...netlist.outputs]) {
    if (names.has(port.name)) problems.push(`port ${port.name} is declared twice`);
    names.add(port.name);
  }
  for (const port of netlist.inputs)
    port.bits.forEach((b, i) => drive(b, `input ${port.name}[${i}]`));
  netlist.cells.forEach((cell, ci) => {
    const arity = CELL_ARITY[cell.kind];
    if (!(CELL_KINDS as readonly string[]).includes(cell.kind) || !arity) {
      problems.push(`cell ${ci}: unknown kind ${String(cell.kind)}`);
      return;
    }
    if (cell.inputs.length !== arity.inputs) {
      problems.push(
        `cell ${ci} (${cell.kind}): ${cell.inputs.length} inputs, expected ${arity.inputs}`,
      );
    }
    if (cell.outputs.length !== arity.outputs) {
      problems.push(
        `cell ${ci} (${cell.kind}): ${cell.outputs.length} outputs, expected ${arity.outputs}`,
      );
    }
    for (const o of cell.outputs) drive(o, `cell ${ci} (${cell.kind})`);
  });
  netlist.registers.forEach((r, ri) => {
    drive(r.q, `register ${ri}`);
  });
  const used = (net: Net, where: string) => {
    if (inRange(net, where) && !driven[net]) problems.push(`${where}: net ${net} is undriven`);
  };
  netlist.cells.forEach((cell, ci) =>
    cell.inputs.forEach((x) => used(x, `cell ${ci} (${cell.kind})`)),
  );
  netlist.registers.forEach((r, ri) => {
    used(r.d, `register ${ri}`);
  });
  for (const port of netlist.outputs)
    port.bits.forEach((b, i) => used(b, `output ${port.name}[${i}]`));
  if (problems.length === 0) {
    const order = combinationalOrder(netlist);
    if (order === undefined)
      problems.push('combinational cycle: a loop of cells without a register');
  }
  return problems;
}

export function assertValidNetlist(netlist: Netlist): void {
  const problems = validateNetlist(netlist);
  if (problems.length > 0) {
    throw new Error(`netlist ${netlist.name} is invalid: ${problems.slice(0, 5).join('; ')}`);
  }
}

/**
 * Cell indices in an order where every cell comes after the cells driving its inputs (register
 * outputs and input ports count as sources). Undefined when there is a combinational cycle.
 */
export function combinationalOrder(netlist: Netlist): number[] | undefined {
  const driverCell = new Int32Array(netlist.netCount).fill(-1);
  netlist.cells.forEach((cell, ci) => {
    for (const o of cell.outputs) driverCell[o] = ci;
  });
  const pending = new Int32Array(netlist.cells.length);
  const fanout: number[][] = netlist.cells.map(() => []);
  netlist.cells.forEach((cell, ci) => {
    for (const x of cell.inputs) {
      const d = driverCell[x];
      if (d >= 0) {
        pending[ci]++;
        fanout[d].push(ci);
      }
    }
  });
  const order: number[] = [];
  for (let ci = 0; ci < netlist.cells.length; ci++) if (pending[ci] === 0) order.push(ci);
  for (let k = 0; k < order.length; k++) {
    for (const next of fanout[order[k]]) if (--pending[next] === 0) order.push(next);
  }
  return order.length === netlist.cells.length ? order : undefined;
}
