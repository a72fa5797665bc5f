import type { CellKind } from '../ir/gates.js';
import type { Net } from '../ir/netlist.js';
import { slotAt, type TimingPlan } from './timing-plan.js';

/**
 * Generated code of the timing-aware activity simulator. One lane is one transition (vector i
 * to vector i+1); 32 lanes per Int32 word. For every net the code computes its value in each
 * waveform slot (slot 0 before the change, slot k after its (k-1)-th change time, see
 * timing-plan.ts) as a word operation on the input slots current at that time minus the cell's
 * delay, then adds the popcount of each pair of consecutive slots (old XOR new) to the net's
 * toggle count: every transition of the net, glitches included.
 *
 * The plan's events are cut, in topological order, into functions of about CHUNK_EVENTS
 * events (V8 optimises no function much bigger; one local per slot keeps values in registers
 * or the stack frame). A slot read by a later function passes through a scratch plane of
 * BLOCK words; each function runs BLOCK words at a time, so the scratch stays in cache.
 *
 * Kernel signature: `(OLD, NEW, T, words)`: `OLD[b]`, `NEW[b]` are the planes of input bit b
 * (ports in declaration order) before and after the change, `words` long; `T` the toggle counts
 * per net (Float64Array(netCount)), added in place.
 */
export type TimingKernel = (
  OLD: readonly Int32Array[],
  NEW: readonly Int32Array[],
  T: Float64Array,
  words: number,
) => void;

/**
 * Events per generated function: each event is about 2.5 statements (its value, its change
 * word, its share of the carry-save toggle count). Measured on an 8x8 array multiplier, the
 * time per event doubles from 200 to 400 events per function and quadruples by 800, when the
 * functions outgrow what V8's optimising compiler takes (60 KB of bytecode).
 */
export const CHUNK_EVENTS = 150;
const BLOCK = 256;

type ChunkFn = (
  OLD: readonly Int32Array[],
  NEW: readonly Int32Array[],
  X: readonly Int32Array[],
  T: Float64Array,
  start: number,
  end: number,
) => void;

/** The word expression of a primitive cell (`CELL_SEMANTICS` is the spec). */
function expression(kind: CellKind, ins: readonly string[]): string {
  const [a, b, c] = ins;
  switch (kind) {
    case 'and':
      return `${a} & ${b}`;
    case 'or':
      return `${a} | ${b}`;
    case 'xor':
      return `${a} ^ ${b}`;
    case 'nand':
      return `~(${a} & ${b})`;
    case 'nor':
      return `~(${a} | ${b})`;
    case 'xnor':
      return `~(${a} ^ ${b})`;
    case 'not':
      return `~${a}`;
    case 'buf':
      return a;
    case 'mux2':
      return `${b} ^ (${a} & (${b} ^ ${c}))`;
    default:
      throw new Error(`timing kernel: ${kind} cells must be expanded first`);
  }
}

const POPCOUNT =
  'const pc = (x) => { x = x - ((x >>> 1) & 0x55555555); x = (x & 0x33333333) + ((x >>> 2) & 0x33333333); return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24; };';

/**
 * Statements adding the total popcount of the words `diffs` to `counter`. Three words of one
 * weight are first compressed into one of that weight and one of twice it by a word-wide full
 * adder (carry-save, 5 operations), until at most two words of each weight remain; those are
 * popcounted (about 12 operations each) and weighted. m words cost about 5m + 12·log2(m)
 * operations instead of 12m. `prefix` names the temporaries.
 */
export function toggleCount(counter: string, diffs: readonly string[], prefix: string): string[] {
  const lines: string[] = [];
  const byWeight = new Map<number, string[]>([[1, []]]);
  let fresh = 0;
  const name = () => `${prefix}${fresh++}`;
  for (const d of diffs) {
    const v = name();
    lines.push(`const ${v} = ${d};`);
    byWeight.get(1)!.push(v);
  }
  for (let w = 1; byWeight.has(w); w *= 2) {
    const here = byWeight.get(w)!;
    while (here.length >= 3) {
      const [a, b, c] = here.splice(0, 3);
      const [t, sum, carry] = [name(), name(), name()];
      lines.push(
        `const ${t} = ${a} ^ ${b}, ${sum} = ${t} ^ ${c}, ${carry} = (${a} & ${b}) | (${t} & ${c});`,
      );
      here.push(sum);
      byWeight.set(2 * w, [...(byWeight.get(2 * w) ?? []), carry]);
    }
  }
  const terms = [...byWeight].flatMap(([w, words]) =>
    words.map((v) => (w === 1 ? `pc(${v})` : `${w} * pc(${v})`)),
  );
  if (terms.length > 0) lines.push(`${counter} += ${terms.join(' + ')};`);
  return lines;
}

/** Source of every chunk function (for inspection and tests); `compileTimingKernel` runs them. */
export function timingKernelSources(
  plan: TimingPlan,
  chunkEvents = CHUNK_EVENTS,
): { sources: string[]; scratchPlanes: number } {
  const { netlist, times } = plan;
  const inputBit = new Map<Net, number>();
  netlist.inputs.flatMap((p) => p.bits).forEach((net, b) => inputBit.set(net, b));

  // Cut the cells into chunks; remember which chunk produces each net.
  const chunks: number[][] = [[]];
  let size = 0;
  for (const ci of plan.order) {
    const cell = plan.netlist.cells[ci];
    const cost = (times[cell.outputs[0]].length + 1) * cell.outputs.length;
    if (size > 0 && size + cost > chunkEvents) {
      chunks.push([]);
      size = 0;
    }
    chunks[chunks.length - 1].push(ci);
    size += cost;
  }
  const producer = new Int32Array(netlist.netCount).fill(-1);
  chunks.forEach((cells, k) => {
    for (const ci of cells) for (const o of netlist.cells[ci].outputs) producer[o] = k;
  });

  const slotName = (net: Net, slot: number) => `v${net}_${slot}`;
  /** Slots read by a later chunk than the one producing them: name -> scratch plane, net. */
  const scratch = new Map<string, { id: number; net: Net }>();
  const bodies = chunks.map((cells, k) => {
    const loads = new Map<string, string>();
    /** Planes the chunk reads or writes, hoisted out of its loop: local name -> expression. */
    const planes = new Map<string, string>();
    const body: string[] = [];
    const counted: Net[] = [];
    /** A reference to the value of `net` at time `t` (-1: before the change). */
    const valueAt = (net: Net, t: number): string => {
      if (net === 0) return '0';
      if (net === 1) return '-1';
      const slot = t < 0 ? 0 : slotAt(times[net], t);
      const name = slotName(net, slot);
      const b = inputBit.get(net);
      if (b !== undefined) {
        const plane = slot === 0 ? `po${b}` : `pn${b}`;
        planes.set(plane, `${slot === 0 ? 'OLD' : 'NEW'}[${b}]`);
        loads.set(name, `const ${name} = ${plane}[k];`);
      } else if (producer[net] !== k) {
        let entry = scratch.get(name);
        if (entry === undefined) {
          entry = { id: scratch.size, net };
          scratch.set(name, entry);
        }
        planes.set(`px${entry.id}`, `X[${entry.id}]`);
        loads.set(name, `const ${name} = px${entry.id}[x];`);
      }
      return name;
    };
    const count = (net: Net, slots: number) => {
      if (slots < 2) return;
      const diffs: string[] = [];
      for (let s = 1; s < slots; s++) diffs.push(`${slotName(net, s - 1)} ^ ${slotName(net, s)}`);
      body.push(...toggleCount(`c${net}`, diffs, `t${net}_`));
      counted.push(net);
    };
    if (k === 0) {
      for (const net of inputBit.keys()) {
        valueAt(net, -1);
        valueAt(net, 0);
        count(net, 2);
      }
    }
    for (const ci of cells) {
      const cell = netlist.cells[ci];
      const d = plan.cellDelay[ci];
      const y = cell.outputs[0];
      const at = times[y];
      body.push(
        `const ${slotName(y, 0)} = ${expression(
          cell.kind,
          cell.inputs.map((x) => valueAt(x, -1)),
        )};`,
      );
      for (let s = 0; s < at.length; s++) {
        const ins = cell.inputs.map((x) => valueAt(x, at[s] - d));
        body.push(`const ${slotName(y, s + 1)} = ${expression(cell.kind, ins)};`);
      }
      count(y, at.length + 1);
    }
    return { loads, planes, body, counted };
  });

  // Stores: every scratch slot is written by the chunk producing its net.
  const stores: string[][] = chunks.map(() => []);
  for (const [name, { id, net }] of scratch) {
    stores[producer[net]].push(`px${id}[x] = ${name};`);
    bodies[producer[net]].planes.set(`px${id}`, `X[${id}]`);
  }

  const sources = bodies.map(({ loads, planes, body, counted }, k) => {
    const lines = ['"use strict";', POPCOUNT];
    for (const [local, plane] of planes) lines.push(`const ${local} = ${plane};`);
    if (counted.length > 0) lines.push(`let ${counted.map((n) => `c${n} = 0`).join(', ')};`);
    lines.push('for (let k = start, x = 0; k < end; k++, x++) {');
    lines.push(...loads.values(), ...body, ...stores[k]);
    lines.push('}');
    for (const n of counted) lines.push(`T[${n}] += c${n};`);
    return lines.join('\n');
  });
  return { sources, scratchPlanes: scratch.size };
}

/** Compiles the plan's kernel (the plan's netlist must be valid; this function does not check). */
export function compileTimingKernel(
  plan: TimingPlan,
  chunkEvents = CHUNK_EVENTS,
  block = BLOCK,
): TimingKernel {
  const { sources, scratchPlanes } = timingKernelSources(plan, chunkEvents);
  const functions = sources.map(
    (source) => new Function('OLD', 'NEW', 'X', 'T', 'start', 'end', source) as ChunkFn,
  );
  return (OLD, NEW, T, words) => {
    const X = Array.from({ length: scratchPlanes }, () => new Int32Array(block));
    for (let w = 0; w < words; w += block) {
      const end = Math.min(words, w + block);
      for (const f of functions) f(OLD, NEW, X, T, w, end);
    }
  };
}
