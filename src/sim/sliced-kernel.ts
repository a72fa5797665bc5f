import type { Net, Netlist } from '../ir/netlist.js';
import { combinationalOrder } from '../ir/validate.js';
import { cellCode, type KernelFn, ref } from './js-kernel.js';

/**
 * The kernel for netlists too large for one function with a local per net (V8 runs out of stack
 * for a frame of ~10^5 locals, and optimises no function that big): the cells, in topological
 * order, are cut into slices of SLICE_CELLS, each its own generated function with locals for the
 * nets it produces and uses. Nets read by a later slice, by an output or by a register pass
 * through scratch planes of BLOCK words, and the words are processed BLOCK at a time so the
 * scratch stays small and in cache. Same signature and semantics as the eval kernel of
 * js-kernel.ts; a few times slower per gate (the crossing nets go through memory).
 */
export const SLICE_CELLS = 6000;
const BLOCK = 64;

type SliceFn = (
  I: readonly Int32Array[],
  O: readonly Int32Array[],
  X: readonly Int32Array[],
  S: readonly Int32Array[],
  start: number,
  end: number,
  base: number,
) => void;

export function compileSlicedKernel(netlist: Netlist, sliceCells = SLICE_CELLS): KernelFn {
  const order = combinationalOrder(netlist);
  if (order === undefined) throw new Error(`netlist ${netlist.name} has a combinational cycle`);
  const slices: number[][] = [];
  for (let i = 0; i < order.length; i += sliceCells) slices.push(order.slice(i, i + sliceCells));

  // Where each net comes from: an input bit, a register, or the slice producing it.
  const inputBit = new Map<Net, number>();
  netlist.inputs.flatMap((p) => p.bits).forEach((net, b) => inputBit.set(net, b));
  const register = new Map<Net, number>();
  netlist.registers.forEach((r, i) => register.set(r.q, i));
  const producer = new Map<Net, number>();
  slices.forEach((cells, s) => {
    for (const ci of cells) for (const o of netlist.cells[ci].outputs) producer.set(o, s);
  });
  // Crossing nets: produced by one slice and read elsewhere (later slices, outputs, registers).
  const scratch = new Map<Net, number>();
  const cross = (net: Net, reader: number) => {
    const s = producer.get(net);
    if (s !== undefined && s !== reader && !scratch.has(net)) scratch.set(net, scratch.size);
  };
  slices.forEach((cells, s) => {
    for (const ci of cells) for (const x of netlist.cells[ci].inputs) cross(x, s);
  });
  const final = slices.length;
  for (const p of netlist.outputs) for (const net of p.bits) cross(net, final);
  for (const r of netlist.registers) cross(r.d, final);

  /** Loads of the external nets a slice reads, as const declarations. */
  const load = (net: Net): string | undefined => {
    if (net < 2) return undefined;
    const b = inputBit.get(net);
    if (b !== undefined) return `const ${ref(net)} = I[${b}][k];`;
    const r = register.get(net);
    if (r !== undefined) return `const ${ref(net)} = S[${r}][k - base];`;
    return `const ${ref(net)} = X[${scratch.get(net)}][k - start];`;
  };
  const sliceSource = (body: string[], reads: Iterable<Net>) => {
    const lines = ['"use strict";', 'for (let k = start; k < end; k++) {'];
    for (const net of reads) {
      const l = load(net);
      if (l) lines.push(l);
    }
    for (const line of body) lines.push(line);
    lines.push('}');
    return lines.join('\n');
  };
  const compileSlice = (source: string) =>
    new Function('I', 'O', 'X', 'S', 'start', 'end', 'base', source) as SliceFn;

  const functions: SliceFn[] = slices.map((cells, s) => {
    const reads = new Set<Net>();
    const body: string[] = [];
    for (const ci of cells) {
      const cell = netlist.cells[ci];
      for (const x of cell.inputs) if (producer.get(x) !== s) reads.add(x);
      body.push(cellCode(cell.kind, cell.inputs, cell.outputs));
    }
    for (const ci of cells) {
      for (const o of netlist.cells[ci].outputs) {
        const x = scratch.get(o);
        if (x !== undefined) body.push(`X[${x}][k - start] = ${ref(o)};`);
      }
    }
    return compileSlice(sliceSource(body, reads));
  });

  // The last function writes the outputs and clocks the registers of its lanes.
  const reads = new Set<Net>();
  const body: string[] = [];
  netlist.outputs
    .flatMap((p) => p.bits)
    .forEach((net, b) => {
      reads.add(net);
      body.push(`O[${b}][k] = ${ref(net)};`);
    });
  if (netlist.registers.length > 0) {
    for (const r of netlist.registers) reads.add(r.d);
    body.push(`const ${netlist.registers.map((r, i) => `d${i} = ${ref(r.d)}`).join(', ')};`);
    netlist.registers.forEach((_, i) => {
      body.push(`S[${i}][k - base] = d${i};`);
    });
  }
  functions.push(compileSlice(sliceSource(body, reads)));

  const crossing = scratch.size;
  return (I, O, S, words, cycles) => {
    const X = Array.from({ length: crossing }, () => new Int32Array(BLOCK));
    for (let t = 0; t < cycles; t++) {
      const base = t * words;
      for (let w = 0; w < words; w += BLOCK) {
        const start = base + w;
        const end = base + Math.min(words, w + BLOCK);
        for (const f of functions) f(I, O, X, S, start, end, base);
      }
    }
  };
}
