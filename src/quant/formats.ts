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
  'flatten',
] as const;

const PASS_THROUGH = new Set(['relu', 'hardtanh', 'maxpool', 'flatten']);

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
  const last = graph.nodes[graph.nodes.length - 1];
  if (last.op !== 'bn') {
    throw new InputError(
      `${graph.name}: the last node must be bn (the logits are requantized there), not ${last.op}`,
    );
  }
}

/** The chain from a code source (bn or input) down to the node that reads it as operands. */
export interface SourceChain {
  /** Index of the bn or input node. */
  readonly source: number;
  /** Element-wise nodes between the source and the consumer, in order. */
  readonly between: readonly number[];
  /** Index of the weight layer that reads the chain's end (undefined: the graph's output). */
  readonly consumer?: number;
}

/**
 * For every weight layer, the chain that feeds it; and the chain ending at the graph's output.
 * A source read by more than one consumer is not supported (each would want its own format).
 */
export function sourceChains(graph: ModelGraph): SourceChain[] {
  const nodes = graph.nodes;
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const chains: SourceChain[] = [];
  const claimed = new Map<number, string>();
  const walk = (start: number, consumer: number | undefined) => {
    const between: number[] = [];
    let at = start;
    while (PASS_THROUGH.has(nodes[at].op)) {
      between.unshift(at);
      at = index.get(nodeInputs(nodes, at)[0]) as number;
    }
    const what = consumer === undefined ? 'the output' : nodes[consumer].id;
    const prior = claimed.get(at);
    if (prior !== undefined) {
      throw new InputError(
        `${graph.name}: node ${nodes[at].id} must feed one layer, not both ${prior} and ${what}`,
      );
    }
    claimed.set(at, what);
    chains.push({ source: at, between, consumer });
  };
  nodes.forEach((node: GraphNode, i) => {
    if (node.op === 'conv' || node.op === 'linear') {
      walk(index.get(nodeInputs(nodes, i)[0]) as number, i);
    }
  });
  walk(nodes.length - 1, undefined);
  return chains;
}

/**
 * The BNN rule of the operation budget: a tensor read only by binary layers (looking through
 * flatten) is stored as its sign, taken by the node that produces it.
 */
export function binarizedNodes(graph: ModelGraph): Set<string> {
  return binarizedTensors(graph.nodes);
}
