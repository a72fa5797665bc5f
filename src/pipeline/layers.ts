import type { OpCount } from '../cost/ops.js';
import { perImage } from '../engine/counters.js';
import { type NetlistSpec, netlistFor, parseSpecKey } from '../engine/gate/netlists.js';
import type { RunResult } from '../engine/run.js';
import type { IntegerGraph, IntNode } from '../quant/graph.js';
import { planesOf, storedBits } from '../quant/graph.js';

/**
 * The per-layer part of a run's result: each node's datapath formats (what the integer graph
 * says it computes on) and its exact counts per inference, plus run totals of accumulations,
 * overflow events and, on the gate backend, the toggles of every netlist it ran.
 */
export interface LayerResult {
  readonly id: string;
  readonly op: IntNode['op'];
  readonly kind?: string;
  readonly role?: string;
  /** Stored width and planes of the node's output. */
  readonly outBits: number;
  readonly planes: number;
  readonly formats?: Readonly<Record<string, number | string | boolean | null>>;
  readonly ops: readonly OpCount[];
  readonly memory: readonly OpCount[];
  readonly accumulations: number;
  readonly overflowEvents: number;
  readonly netlists?: readonly {
    readonly netlist: string;
    /** The generator parameters it was built from (see gate/netlists.ts). */
    readonly spec: NetlistSpec;
    readonly cells: number;
    readonly evaluations: number;
    readonly transitions: number;
    readonly toggles: number;
    /** Mean toggles per counted transition (all nets, zero-delay). */
    readonly togglesPerTransition: number;
  }[];
}

export function layerResults(graph: IntegerGraph, run: RunResult): LayerResult[] {
  return graph.nodes.map((node, i) => {
    const c = run.nodes[i];
    const netlists = c.netlists.map((a) => {
      const netlist = netlistFor(parseSpecKey(a.key));
      const toggles = a.netToggles.reduce((s, t) => s + t, 0);
      return {
        netlist: netlist.name,
        spec: parseSpecKey(a.key),
        cells: netlist.cells.length,
        evaluations: a.evaluations,
        transitions: a.transitions,
        toggles,
        togglesPerTransition: a.transitions > 0 ? toggles / a.transitions : 0,
      };
    });
    return {
      id: node.id,
      op: node.op,
      ...(node.op === 'weight' ? { kind: node.kind, role: node.role } : {}),
      outBits: storedBits(node.format),
      planes: planesOf(node.format),
      ...(formatsOf(node) ? { formats: formatsOf(node) } : {}),
      ops: perImage(c.ops, run.images),
      memory: perImage(c.memory, run.images),
      accumulations: c.accumulations,
      overflowEvents: c.overflowEvents,
      ...(netlists.length > 0 ? { netlists } : {}),
    };
  });
}

function formatsOf(node: IntNode): Record<string, number | string | boolean | null> | undefined {
  if (node.op === 'weight') {
    return {
      operandBits: node.operandBits,
      operandSigned: node.operandSigned,
      diffBits: node.diffBits,
      accBits: node.accBits,
      naturalAccBits: node.naturalAccBits,
      accSigned: node.accSigned,
      overflow: node.overflow,
      taps: node.taps,
    };
  }
  if (node.op === 'bn') {
    return {
      mode: node.mode,
      inBits: node.inBits,
      mulBits: node.mode === 'multiply-shift' ? node.mulBits : null,
      addBits: node.mode === 'multiply-shift' ? node.addBits : null,
      levels: node.levels[0],
    };
  }
  return undefined;
}
