import type { LayerWork } from '../cost/layer-work.js';
import type { OpCount } from '../cost/ops.js';
import {
  type GraphNode,
  inferShapes,
  type LayerKind,
  type ModelGraph,
  nodeInputs,
  type Role,
} from '../nn/graph.js';
import { countNode } from './count-node.js';

/**
 * Explicit counts of one derived graph (one variant), node by node, following the rules of
 * conventions.ts. Pure: no I/O; cost O(nodes + output rows of every window).
 */

/** Where a node's operations are reported in the totals' `groups`. */
export type OpGroup = 'body' | 'stemAndClassifier' | 'batchnorm' | 'other';
export const OP_GROUPS: readonly OpGroup[] = ['body', 'stemAndClassifier', 'batchnorm', 'other'];

export interface PaperCounts {
  readonly mul: number;
  readonly add: number;
  readonly xnor: number;
}

export interface NodeCount {
  readonly id: string;
  readonly op: GraphNode['op'];
  readonly role?: Role;
  readonly kind?: LayerKind;
  readonly group: OpGroup;
  /** Shape of each input ([C, H, W] or [F]). */
  readonly inShapes: readonly (readonly number[])[];
  readonly outShape: readonly number[];
  /** Width the output is stored at (1 when binarized). */
  readonly outBits: number;
  /** The GEMM view (conv and linear only). */
  readonly work?: LayerWork;
  /** Taps that read zero padding (conv only; included in the tap counts). */
  readonly paddedTaps?: number;
  readonly params: number;
  /** Compute primitives, merged and sorted. */
  readonly ops: readonly OpCount[];
  /** sram-read / sram-write, merged and sorted. */
  readonly memory: readonly OpCount[];
  /** Parameter values read (part of the sram-read counts). */
  readonly weightReads: number;
  readonly weightReadBits: number;
  /** BatchNorm elements normalized (BN nodes only). */
  readonly bn: number;
  readonly paper: PaperCounts;
}

/** Counts every node of `graph` (a `deriveVariant` result) at operand width `bits`. */
export function countGraph(graph: ModelGraph, bits: number): NodeCount[] {
  const shapes = inferShapes(graph);
  const nodes = graph.nodes;
  const binarized = binarizedTensors(nodes);
  const widths = new Map<string, number>();
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
    });
    widths.set(node.id, count.outBits);
    return count;
  });
}

/**
 * Tensors read only by binary layers (looking through flatten, which is a view): these are
 * stored as their sign. The input image is never binarized by its producer (there is none).
 */
function binarizedTensors(nodes: readonly GraphNode[]): Set<string> {
  const readers = new Map<string, number[]>();
  nodes.forEach((_, i) => {
    for (const id of nodeInputs(nodes, i)) readers.set(id, [...(readers.get(id) ?? []), i]);
  });
  const allBinary = (id: string): boolean => {
    const rs = readers.get(id) ?? [];
    return (
      rs.length > 0 &&
      rs.every((r) => {
        const n = nodes[r];
        if (n.op === 'flatten') return allBinary(n.id);
        return (n.op === 'conv' || n.op === 'linear') && n.kind === 'binary';
      })
    );
  };
  const out = new Set<string>();
  for (const n of nodes) {
    if (n.op !== 'input' && n.op !== 'flatten' && allBinary(n.id)) out.add(n.id);
  }
  return out;
}
