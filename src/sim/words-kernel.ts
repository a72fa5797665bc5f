import type { Netlist } from '../ir/netlist.js';
import { combinationalOrder } from '../ir/validate.js';
import { cellCode, ref } from './js-kernel.js';
import { firstRows, transposeCode } from './transpose-codegen.js';

/**
 * The fused word-vector kernel of a combinational netlist whose ports are all at most 32 bits
 * wide: for each group of 32 vectors it loads the port values, transposes them into bit planes
 * held in locals, evaluates the gates, transposes the outputs back and stores them. No plane
 * ever touches memory, so end to end costs little more than the gates plus the (pruned)
 * transposes — the path the engine uses for every add, |a−b|, multiply and popcount.
 *
 * Kernel signature: `(V, R, groups)`: `V[p]` the values of input port p (declaration order),
 * `R[q]` the result array of output port q, both at least 32·groups long. Outputs narrower
 * than 32 bits are zero-extended, or sign-extended for signed ports.
 */
export type WordsKernelFn = (
  V: readonly ArrayLike<number>[],
  R: readonly Int32Array[],
  groups: number,
) => void;

export function wordsKernelSource(netlist: Netlist): string {
  const order = combinationalOrder(netlist);
  if (order === undefined) throw new Error(`netlist ${netlist.name} has a combinational cycle`);
  const lines: string[] = ['"use strict";'];
  netlist.inputs.forEach((_, p) => {
    lines.push(`const v${p} = V[${p}];`);
  });
  netlist.outputs.forEach((_, q) => {
    lines.push(`const r${q} = R[${q}];`);
  });
  lines.push('for (let g = 0, base = 0; g < groups; g++, base += 32) {');
  netlist.inputs.forEach((port, p) => {
    const loads = Array.from({ length: 32 }, (_, r) => `x${p}_${r}`);
    lines.push(`const ${loads.map((x, r) => `${x} = v${p}[base + ${r}]`).join(', ')};`);
    const t = transposeCode(loads, firstRows(port.bits.length), `i${p}_`);
    lines.push(...t.lines);
    port.bits.forEach((net, c) => {
      lines.push(`const ${ref(net)} = ${t.rows[c]};`);
    });
  });
  for (const ci of order) {
    const cell = netlist.cells[ci];
    lines.push(cellCode(cell.kind, cell.inputs, cell.outputs));
  }
  netlist.outputs.forEach((port, q) => {
    const width = port.bits.length;
    const rows = Array.from({ length: 32 }, (_, c) => (c < width ? ref(port.bits[c]) : '0'));
    const t = transposeCode(rows, firstRows(32), `o${q}_`);
    lines.push(...t.lines);
    const shift = 32 - width;
    t.rows.forEach((row, r) => {
      const value = port.signed && shift > 0 ? `(${row} << ${shift}) >> ${shift}` : row;
      lines.push(`r${q}[base + ${r}] = ${value};`);
    });
  });
  lines.push('}');
  return lines.join('\n');
}

/** Compiles the fused kernel (the caller has validated the netlist and checked port widths). */
export function compileWordsKernel(netlist: Netlist): WordsKernelFn {
  return new Function('V', 'R', 'groups', wordsKernelSource(netlist)) as WordsKernelFn;
}
