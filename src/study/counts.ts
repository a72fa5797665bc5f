import { countGraph } from '../budget/count-graph.js';
import { mergeCounts, opKey } from '../cost/ops.js';
import type { LayerCounts } from '../cost/price-inference.js';
import type { ModelGraph } from '../nn/graph.js';
import type { NetworkResult } from '../pipeline/measure.js';

/**
 * Two independent countings of one inference, node by node: the engine's counters, taken while
 * it runs (a pipeline result), and src/budget's analytic rules over the graph alone
 * (conventions in src/budget/conventions.ts). The study states whether they agree.
 */
export function measuredCounts(result: NetworkResult): LayerCounts[] {
  return result.layers.flatMap((l): LayerCounts[] =>
    l.ops.length > 0 || l.memory.length > 0
      ? [
          {
            layer: l.id,
            kind: (l.kind as LayerCounts['kind']) ?? 'other',
            ops: l.ops,
            memory: l.memory,
          },
        ]
      : [],
  );
}

export function analyticCounts(graph: ModelGraph, bits: number): LayerCounts[] {
  return countGraph(graph, bits)
    .filter((n) => n.ops.length > 0 || n.memory.length > 0)
    .map((n) => ({ layer: n.id, kind: n.kind ?? 'other', ops: n.ops, memory: n.memory }));
}

/**
 * Where two countings of the same network disagree, node by node (`layer: op:bits a vs b`); an
 * empty list when they agree exactly.
 */
export function countDifferences(a: readonly LayerCounts[], b: readonly LayerCounts[]): string[] {
  const keyed = (c: readonly LayerCounts[]) =>
    new Map(
      c.map((l) => [
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
