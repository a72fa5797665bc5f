import { InputError } from '../../errors.js';
import type { GraphBuilder } from './builder.js';
import type { OnnxNode } from './proto.js';

/**
 * The nodes in an order where every node comes after the nodes it reads (Kahn's algorithm,
 * O(nodes + edges), ties in file order). ONNX requires files to be sorted already; this also
 * refuses what a hostile file can hold instead: a name produced twice, a name nothing
 * produces, and a cycle (named by one node on it).
 */
export function topologicalOrder(
  nodes: readonly OnnxNode[],
  b: GraphBuilder,
  file: string,
): OnnxNode[] {
  const label = (n: OnnxNode) =>
    `node ${JSON.stringify(n.name || n.output?.[0] || '')} (${n.opType})`;
  const producer = new Map<string, number>();
  nodes.forEach((n, i) => {
    for (const out of n.output ?? []) {
      if (out === '') continue;
      if (producer.has(out) || b.has(out)) {
        throw new InputError(
          `${file}: ${label(n)}: output ${JSON.stringify(out)} is produced twice`,
        );
      }
      producer.set(out, i);
    }
  });
  const waiting = new Array<number>(nodes.length).fill(0);
  const readers: number[][] = nodes.map(() => []);
  nodes.forEach((n, i) => {
    for (const name of n.input ?? []) {
      if (name === '' || b.has(name)) continue;
      const p = producer.get(name);
      if (p === undefined) {
        throw new InputError(
          `${file}: ${label(n)}: reads ${JSON.stringify(name)}, which nothing produces`,
        );
      }
      waiting[i]++;
      readers[p].push(i);
    }
  });
  const ready = nodes.map((_, i) => i).filter((i) => waiting[i] === 0);
  const order: OnnxNode[] = [];
  for (let k = 0; k < ready.length; k++) {
    const i = ready[k];
    order.push(nodes[i]);
    for (const r of readers[i]) if (--waiting[r] === 0) ready.push(r);
  }
  if (order.length !== nodes.length) {
    const stuck = nodes.find((_, i) => waiting[i] > 0)!;
    throw new InputError(`${file}: ${label(stuck)}: part of a cycle (expected an acyclic graph)`);
  }
  return order;
}
