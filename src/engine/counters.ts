import { mergeCounts, type OpCount, opKey, type Primitive } from '../cost/ops.js';

/**
 * Exact counters of one node over a run: primitive operations and memory traffic by width
 * (the budget's vocabulary, src/cost/ops.ts), accumulations and how many of them overflowed
 * (WRAP) or saturated (SAT), and, on the gate backend, the switching activity of every netlist
 * the node ran. Kernels count what they execute from their loop bounds (taps, elements), never
 * by sampling; everything sums across batches and worker threads.
 */
export interface NetlistActivity {
  /** Key of the netlist spec (see gate/netlists.ts), from which it is rebuilt for pricing. */
  readonly key: string;
  /** Netlist evaluations (cycles of a PE, vectors of a combinational netlist), all lanes. */
  readonly evaluations: number;
  /** Transitions whose toggles were counted (consecutive evaluations in one lane). */
  readonly transitions: number;
  /** Toggles per net, summed over the counted transitions (zero-delay model). */
  readonly netToggles: Float64Array;
}

export interface NodeCounts {
  readonly id: string;
  readonly ops: readonly OpCount[];
  readonly memory: readonly OpCount[];
  /** Dot products (or requantized elements) accumulated. */
  readonly accumulations: number;
  /** Accumulations whose register overflowed at least once (WRAP) or saturated (SAT). */
  readonly overflowEvents: number;
  readonly netlists: readonly NetlistActivity[];
}

export class NodeCounter {
  private readonly ops = new Map<string, OpCount>();
  private readonly memory = new Map<string, OpCount>();
  private readonly netlists = new Map<string, NetlistActivity>();
  accumulations = 0;
  overflowEvents = 0;

  constructor(readonly id: string) {}

  op(op: Primitive, bits: number, count: number, bitsB?: number): void {
    if (count > 0) bump(this.ops, { op, bits, ...(bitsB === undefined ? {} : { bitsB }), count });
  }

  read(bits: number, count: number): void {
    if (count > 0) bump(this.memory, { op: 'sram-read', bits, count });
  }

  write(bits: number, count: number): void {
    if (count > 0) bump(this.memory, { op: 'sram-write', bits, count });
  }

  activity(a: NetlistActivity): void {
    const prev = this.netlists.get(a.key);
    if (!prev) {
      this.netlists.set(a.key, { ...a, netToggles: Float64Array.from(a.netToggles) });
      return;
    }
    const t = prev.netToggles;
    for (let i = 0; i < t.length; i++) t[i] += a.netToggles[i];
    this.netlists.set(a.key, {
      key: a.key,
      evaluations: prev.evaluations + a.evaluations,
      transitions: prev.transitions + a.transitions,
      netToggles: t,
    });
  }

  snapshot(): NodeCounts {
    return {
      id: this.id,
      ops: mergeCounts([...this.ops.values()]),
      memory: mergeCounts([...this.memory.values()]),
      accumulations: this.accumulations,
      overflowEvents: this.overflowEvents,
      netlists: [...this.netlists.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    };
  }
}

function bump(map: Map<string, OpCount>, c: OpCount): void {
  const key = opKey(c);
  const prev = map.get(key);
  map.set(key, prev ? { ...prev, count: prev.count + c.count } : c);
}

/** Sums the counts of the same node from several runs (batches, worker threads). */
export function mergeNodeCounts(parts: readonly NodeCounts[]): NodeCounts {
  const c = new NodeCounter(parts[0].id);
  for (const p of parts) {
    for (const o of p.ops) c.op(o.op, o.bits, o.count, o.bitsB);
    for (const m of p.memory) {
      if (m.op === 'sram-read') c.read(m.bits, m.count);
      else c.write(m.bits, m.count);
    }
    c.accumulations += p.accumulations;
    c.overflowEvents += p.overflowEvents;
    for (const a of p.netlists) c.activity(a);
  }
  return c.snapshot();
}

/** Divides run totals by the image count: the counts of one inference (exact, checked). */
export function perImage(counts: readonly OpCount[], images: number): OpCount[] {
  return counts.map((c) => {
    const count = c.count / images;
    if (!Number.isInteger(count)) {
      throw new Error(
        `${opKey(c)}: ${c.count} operations do not split evenly over ${images} images`,
      );
    }
    return { ...c, count };
  });
}
