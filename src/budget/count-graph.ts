import { binarizedTensors, inferShapes, type ModelGraph, nodeInputs } from '../nn/graph.js';
import { countNode } from './count-node.js';
import type { NodeCount } from './node-count.js';

/**
 * Explicit counts of one derived graph (one variant), node by node, following the rules of
 * conventions.ts. Pure: no I/O; cost O(nodes + output rows of every window).
 */

/** Counts every node of `graph` (a `deriveVariant` result) at operand width `bits`. */
export function countGraph(graph: ModelGraph, bits: number): NodeCount[] {
  const shapes = inferShapes(graph);
  const nodes = graph.nodes;
  const binarized = binarizedTensors(nodes);
  const widths = new Map<string, number>();
  const readers = new Map<string, number>();
  nodes.forEach((_, i) => {
    for (const id of nodeInputs(nodes, i)) readers.set(id, (readers.get(id) ?? 0) + 1);
  });
  const op = new Map(nodes.map((n) => [n.id, n.op]));
  return nodes.map((node, i) => {
    const ins = nodeInputs(nodes, i);
    const inShapes = ins.map((id) => shapes.get(id)!);
    const inBits = ins.map((id) => widths.get(id)!);
    const count = countNode(node, {
      bits,
      variant: graph.variant,
      inShapes,
      inBits,
      outShape: shapes.get(node.id)!,
      binarizeOutput: binarized.has(node.id),
      alignedInputs:
        node.op === 'add'
          ? ins.map((id) => !(op.get(id) === 'bn' && readers.get(id) === 1))
          : undefined,
    });
    widths.set(node.id, count.outBits);
    return count;
  });
}
