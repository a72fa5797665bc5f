import { countGraph } from '../budget/count-graph.js';
import type { LayerWork } from '../cost/layer-work.js';
import { mergeCounts, type OpCount, opKey } from '../cost/ops.js';
import type { ModelGraph } from '../nn/graph.js';
import type { LayerRowKind, Network } from '../report/results.js';

/**
 * Exact operation counts of one inference of one network at one bit width, node by node: what
 * every energy, breakdown and cycle figure of the study is priced from.
 */
export interface LayerCounts {
  /** Node id in the model graph (`conv2`, `bn3`). */
  readonly layer: string;
  readonly kind: LayerRowKind;
  /** Compute primitives of the node. */
  readonly ops: readonly OpCount[];
  /** On-chip memory traffic of the node (sram-read / sram-write). */
  readonly memory: readonly OpCount[];
}

export interface NetworkCounts {
  readonly network: Network;
  readonly bits: number;
  /** Nodes that perform any operation, in graph order. */
  readonly layers: readonly LayerCounts[];
  /** The conv and linear layers as GEMMs (the input of the cycle models), in graph order. */
  readonly works: readonly LayerWork[];
}

/**
 * Counts of a network from its graph (src/budget's node-by-node rules, stated in
 * src/budget/conventions.ts): every node's primitives and memory traffic per inference.
 */
export function networkCounts(network: Network, graph: ModelGraph, bits: number): NetworkCounts {
  const nodes = countGraph(graph, bits);
  const layers = nodes
    .filter((n) => n.ops.length > 0 || n.memory.length > 0)
    .map(
      (n): LayerCounts => ({
        layer: n.id,
        kind: n.kind ?? 'other',
        ops: n.ops,
        memory: n.memory,
      }),
    );
  const works = nodes.flatMap((n) => (n.work ? [n.work] : []));
  return { network, bits, layers, works };
}

/** Every compute op of a network, merged by op and width. */
export function totalOps(counts: NetworkCounts): OpCount[] {
  return mergeCounts(counts.layers.flatMap((l) => l.ops));
}

/** Every memory access of a network, merged by op and width. */
export function totalMemory(counts: NetworkCounts): OpCount[] {
  return mergeCounts(counts.layers.flatMap((l) => l.memory));
}

/**
 * Where two countings of the same network disagree, node by node (`layer: op:bits a vs b`); an
 * empty list when they agree exactly. The study holds the engine's counters, taken while it
 * runs, against src/budget's analytic counts from the graph alone.
 */
export function countDifferences(a: NetworkCounts, b: NetworkCounts): string[] {
  const keyed = (c: NetworkCounts) =>
    new Map(
      c.layers.map((l) => [
        l.layer,
        new Map(mergeCounts([...l.ops, ...l.memory]).map((x) => [opKey(x), x.count])),
      ]),
    );
  const left = keyed(a);
  const right = keyed(b);
  const layers = [...new Set([...left.keys(), ...right.keys()])];
  return layers.flatMap((layer) => {
    const l = left.get(layer) ?? new Map<string, number>();
    const r = right.get(layer) ?? new Map<string, number>();
    const keys = [...new Set([...l.keys(), ...r.keys()])];
    return keys
      .filter((k) => l.get(k) !== r.get(k))
      .map((k) => `${layer}: ${k} ${l.get(k) ?? 0} vs ${r.get(k) ?? 0}`);
  });
}
