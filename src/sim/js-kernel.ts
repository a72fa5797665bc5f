import type { CellKind } from '../ir/gates.js';
import type { Net, Netlist } from '../ir/netlist.js';
import { combinationalOrder } from '../ir/validate.js';

/**
 * Generates the JavaScript kernel of the bit-parallel simulator: one function per netlist, with
 * one local per net and the vector loop inside the function (the layout that measured fastest:
 * V8 keeps the locals in registers, so a gate costs one to five word operations and no memory
 * traffic). The kernel never interprets the netlist; it is compiled once with `new Function`.
 *
 * Kernel signature: `(I, O, S, words, cycles, T, M)`.
 * - `I[b]`, `O[b]`: the plane of input / output bit b (ports in declaration order, LSB first),
 *   `words·cycles` words long, word `t·words + w` = cycle t of lanes 32w .. 32w+31.
 * - `S[r]`: register r's state, `words` words; read before the first cycle, written after the last.
 * - `T` (activity kernels only): Float64Array(netCount), toggle counts added in place.
 * - `M` (activity kernels only): Int32Array(words), the lanes whose toggles count.
 * A purely combinational eval kernel runs one flat loop over `words·cycles` words.
 *
 * Cell code (`CELL_SEMANTICS` is the spec; the conformance tests hold this to it):
 * fa = 5 ops (t = a^b; sum = t^c; cout = (a&b)|(t&c)), ha = 2, mux2 = 3 (d0 ^ (s & (d0^d1))),
 * nand/nor/xnor = 2, others 1.
 */
export type KernelMode = 'eval' | 'activity';

export type KernelFn = (
  I: readonly Int32Array[],
  O: readonly Int32Array[],
  S: readonly Int32Array[],
  words: number,
  cycles: number,
  T?: Float64Array,
  M?: Int32Array,
) => void;

export function ref(net: Net): string {
  if (net === 0) return '0';
  if (net === 1) return '-1';
  return `n${net}`;
}

/** The statements computing one cell's outputs from its inputs. */
export function cellCode(kind: CellKind, ins: readonly Net[], outs: readonly Net[]): string {
  const [a, b, c] = ins.map(ref);
  const y = ref(outs[0]);
  switch (kind) {
    case 'and':
      return `const ${y} = ${a} & ${b};`;
    case 'or':
      return `const ${y} = ${a} | ${b};`;
    case 'xor':
      return `const ${y} = ${a} ^ ${b};`;
    case 'nand':
      return `const ${y} = ~(${a} & ${b});`;
    case 'nor':
      return `const ${y} = ~(${a} | ${b});`;
    case 'xnor':
      return `const ${y} = ~(${a} ^ ${b});`;
    case 'not':
      return `const ${y} = ~${a};`;
    case 'buf':
      return `const ${y} = ${a};`;
    case 'mux2':
      // ins = s, d0, d1
      return `const ${y} = ${b} ^ (${a} & (${b} ^ ${c}));`;
    case 'ha':
      return `const ${y} = ${a} ^ ${b}, ${ref(outs[1])} = ${a} & ${b};`;
    case 'fa': {
      const t = `t${outs[0]}`;
      return `const ${t} = ${a} ^ ${b}, ${y} = ${t} ^ ${c}, ${ref(outs[1])} = (${a} & ${b}) | (${t} & ${c});`;
    }
  }
}

/** Every non-constant net a netlist drives, in id order: the nets whose toggles are counted. */
export function drivenNets(netlist: Netlist): Net[] {
  const nets: Net[] = [];
  for (const p of netlist.inputs) nets.push(...p.bits);
  for (const cell of netlist.cells) nets.push(...cell.outputs);
  for (const r of netlist.registers) nets.push(r.q);
  return nets.sort((x, y) => x - y);
}

/** Source text of the kernel body (for inspection and tests); `compileJsKernel` compiles it. */
export function jsKernelSource(netlist: Netlist, mode: KernelMode): string {
  const order = combinationalOrder(netlist);
  if (order === undefined) throw new Error(`netlist ${netlist.name} has a combinational cycle`);
  const inBits = netlist.inputs.flatMap((p) => p.bits);
  const outBits = netlist.outputs.flatMap((p) => p.bits);
  const regs = netlist.registers;
  const lines: string[] = ['"use strict";'];
  inBits.forEach((_, i) => {
    lines.push(`const i${i} = I[${i}];`);
  });
  outBits.forEach((_, i) => {
    lines.push(`const o${i} = O[${i}];`);
  });
  regs.forEach((_, i) => {
    lines.push(`const s${i} = S[${i}];`);
  });

  const body: string[] = [];
  inBits.forEach((net, i) => {
    body.push(`const ${ref(net)} = i${i}[k];`);
  });
  for (const ci of order) {
    const cell = netlist.cells[ci];
    body.push(cellCode(cell.kind, cell.inputs, cell.outputs));
  }
  outBits.forEach((net, i) => {
    body.push(`o${i}[k] = ${ref(net)};`);
  });

  const counted = mode === 'activity' ? drivenNets(netlist) : [];
  if (mode === 'activity') {
    lines.push(
      'const pc = (x) => { x = x - ((x >>> 1) & 0x55555555); x = (x & 0x33333333) + ((x >>> 2) & 0x33333333); return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24; };',
    );
    body.push('const m = t === 0 ? 0 : mw;');
    for (const net of counted)
      body.push(`c${net} += pc((${ref(net)} ^ p${net}) & m); p${net} = ${ref(net)};`);
  }
  if (regs.length > 0) {
    // All next states are read before any register is written (a register's d may be another
    // register's q).
    body.push(`const ${regs.map((r, i) => `d${i} = ${ref(r.d)}`).join(', ')};`);
    body.push(regs.map((r, i) => `n${r.q} = d${i};`).join(' '));
  }

  if (regs.length === 0 && mode === 'eval') {
    lines.push('for (let k = 0, end = words * cycles; k < end; k++) {');
    for (const line of body) lines.push(line);
    lines.push('}');
  } else {
    lines.push('for (let w = 0; w < words; w++) {');
    regs.forEach((r, i) => {
      lines.push(`let n${r.q} = s${i}[w];`);
    });
    if (mode === 'activity') {
      lines.push('const mw = M[w];');
      for (const net of counted) lines.push(`let p${net} = 0, c${net} = 0;`);
    }
    lines.push('for (let t = 0, k = w; t < cycles; t++, k += words) {');
    for (const line of body) lines.push(line);
    lines.push('}');
    regs.forEach((r, i) => {
      lines.push(`s${i}[w] = n${r.q};`);
    });
    for (const net of counted) lines.push(`T[${net}] += c${net};`);
    lines.push('}');
  }
  return lines.join('\n');
}

/** Compiles the kernel of `netlist` (validate the netlist first; this function does not). */
export function compileJsKernel(netlist: Netlist, mode: KernelMode): KernelFn {
  const source = jsKernelSource(netlist, mode);
  return new Function('I', 'O', 'S', 'words', 'cycles', 'T', 'M', source) as KernelFn;
}
