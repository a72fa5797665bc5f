import type { IntegerGraph } from '../quant/graph.js';

/** For each node index, the tensors no later node reads (freed after it runs). */
export function nodeOrder(graph: IntegerGraph): { freeAfter: string[][] } {
  const last = new Map<string, number>();
  graph.nodes.forEach((n, i) => {
    if (n.input !== null) last.set(n.input, i);
  });
  const freeAfter: string[][] = graph.nodes.map(() => []);
  for (const [id, i] of last) freeAfter[i].push(id);
  return { freeAfter };
}
