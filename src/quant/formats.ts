import { InputError } from '../errors.js';
import type { GraphNode, ModelGraph } from '../nn/graph.js';
import { binarizedTensors, hasWindowOverrides, nodeInputs } from '../nn/graph.js';

/**
 * Where the integer graph requantizes, and what each requantization produces. Codes are made
 * at two kinds of places only: the input image, and every BatchNorm (which follows every
 * weight layer). Between such a source and the weight layer that reads it lie only
 * element-wise nodes that commute with a monotone quantizer (relu, hardtanh, maxpool,
 * flatten), so the source can quantize straight to the consumer's format.
 */

export const SUPPORTED_OPS = [
  'input',
  'conv',
  'linear',
  'bn',
  'relu',
  'hardtanh',
  'maxpool',
  'avgpool',
  'globalavgpool',
  'add',
  'flatten',
] as const;

const PASS_THROUGH = new Set(['relu', 'hardtanh', 'maxpool', 'flatten']);
/** Nodes that make codes: the input, every BatchNorm, residual adds and average pools. */
const SOURCES = new Set(['input', 'bn', 'add', 'avgpool', 'globalavgpool']);

/** Checks that the graph has the structure the integer engine runs; InputError otherwise. */
export function checkSupported(graph: ModelGraph): void {
  graph.nodes.forEach((node, i) => {
    if (!(SUPPORTED_OPS as readonly string[]).includes(node.op)) {
      throw new InputError(
        `${graph.name}: node ${node.id} must be one of ${SUPPORTED_OPS.join(', ')} for the integer engine, not ${node.op}`,
      );
    }
    if (hasWindowOverrides(node)) {
      throw new InputError(
        `${graph.name}: node ${node.id} must have a square, symmetrically padded, ungrouped window for the integer engine, not a grouped, rectangular or asymmetric one`,
      );
    }
    if (node.op === 'add' && graph.variant === 'bnn') {
      throw new InputError(
        `${graph.name}: add node ${node.id} is not supported in a bnn graph by the integer engine (binary layers would read a residual sum's sign)`,
      );
    }
    if (node.op === 'bn') {
      const from = graph.nodes.find((n) => n.id === nodeInputs(graph.nodes, i)[0]);
      if (from?.op !== 'conv' && from?.op !== 'linear') {
        throw new InputError(
          `${graph.name}: bn node ${node.id} must read a conv or linear layer, not ${from?.op ?? 'nothing'}`,
        );
      }
    }
    if (node.op === 'conv' || node.op === 'linear') {
      const next = graph.nodes.filter((_, j) => nodeInputs(graph.nodes, j).includes(node.id));
      if (next.length !== 1 || next[0].op !== 'bn') {
        throw new InputError(
          `${graph.name}: ${node.op} layer ${node.id} must be read by exactly one bn node (the requantization step), not by ${next.map((n) => n.op).join(', ') || 'nothing'}`,
        );
      }
      if (node.op === 'conv' && node.kind === 'binary' && (node.padding ?? 0) > 0) {
        throw new InputError(
          `${graph.name}: binary conv ${node.id} must have padding 0 (a padded tap reads 0, which ±1 lanes cannot hold), not ${node.padding}`,
        );
      }
    }
  });
  let last = graph.nodes.length - 1;
  while (last > 0 && graph.nodes[last].op === 'flatten') last--;
  if (graph.nodes[last].op !== 'bn') {
    throw new InputError(
      `${graph.name}: the last node (before any flatten) must be bn (the logits are requantized there), not ${graph.nodes[last].op}`,
    );
  }
}

/**
 * Where a code source's output goes: the element-wise nodes straight after it (one reader
 * each), then the nodes that read the end of that chain. A source read by exactly one weight
 * layer quantizes to that layer's format (as a plain chain network does); any other source
 * (several readers, or a residual add or pool reading it) has a format of its own, from the
 * calibrated range of the chain's end.
 */
export interface SourceChain {
  /** Index of the source node (input, bn, add, avgpool, globalavgpool). */
  readonly source: number;
  /** Element-wise nodes between the source and its readers, in order. */
  readonly between: readonly number[];
  /** The weight layer that reads the chain's end, when it is the only reader. */
  readonly consumer?: number;
  /** Every node reading the chain's end (empty: the graph's output). */
  readonly readers: readonly number[];
  /** Id of the node whose calibrated range sets an own format (the chain's end). */
  readonly end: string;
}

/** The chain of every code source, in graph order. */
export function sourceChains(graph: ModelGraph): SourceChain[] {
  const nodes = graph.nodes;
  const readers = new Map<string, number[]>();
  nodes.forEach((_, i) => {
    for (const id of nodeInputs(nodes, i)) readers.set(id, [...(readers.get(id) ?? []), i]);
  });
  const chains: SourceChain[] = [];
  nodes.forEach((node: GraphNode, s) => {
    if (!SOURCES.has(node.op)) return;
    const between: number[] = [];
    let at = s;
    for (;;) {
      const r = readers.get(nodes[at].id) ?? [];
      if (r.length !== 1 || !PASS_THROUGH.has(nodes[r[0]].op)) break;
      between.push(r[0]);
      at = r[0];
    }
    const rs = readers.get(nodes[at].id) ?? [];
    const passing = rs.find((r) => PASS_THROUGH.has(nodes[r].op));
    if (passing !== undefined) {
      throw new InputError(
        `${graph.name}: node ${nodes[at].id} must feed element-wise node ${nodes[passing].id} alone, not alongside ${rs.length - 1} other reader(s)`,
      );
    }
    const only = rs.length === 1 ? nodes[rs[0]] : undefined;
    const single = only !== undefined && (only.op === 'conv' || only.op === 'linear');
    chains.push({
      source: s,
      between,
      ...(single ? { consumer: rs[0] } : {}),
      readers: rs,
      end: nodes[at].id,
    });
  });
  return chains;
}

/** Nodes whose activation range calibration must measure for `graph`. */
export function calibrationNodes(graph: ModelGraph): string[] {
  const wanted = new Set<string>();
  graph.nodes.forEach((node, i) => {
    if (node.op === 'conv' || node.op === 'linear') wanted.add(nodeInputs(graph.nodes, i)[0]);
  });
  for (const chain of sourceChains(graph)) {
    if (chain.consumer === undefined) wanted.add(chain.end);
    if (chain.readers.length === 0) wanted.add(graph.nodes[chain.source].id);
  }
  return [...wanted];
}

/**
 * The BNN rule of the operation budget: a tensor read only by binary layers (looking through
 * flatten) is stored as its sign, taken by the node that produces it.
 */
export function binarizedNodes(graph: ModelGraph): Set<string> {
  return binarizedTensors(graph.nodes);
}
