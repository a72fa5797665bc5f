import type { IntegerGraph, IntNode } from '../quant/graph.js';

/** For each node index, the tensors no later node reads (freed after it runs). */
export function nodeOrder(graph: IntegerGraph): { freeAfter: string[][] } {
  const last = new Map<string, number>();
  graph.nodes.forEach((n, i) => {
    for (const id of nodeReads(n)) last.set(id, i);
  });
  const freeAfter: string[][] = graph.nodes.map(() => []);
  for (const [id, i] of last) freeAfter[i].push(id);
  return { freeAfter };
}

/** The tensors a node reads, in order (an add reads two). */
export function nodeReads(n: IntNode): string[] {
  if (n.input === null) return [];
  return n.op === 'add' ? [n.input, n.second] : [n.input];
}
