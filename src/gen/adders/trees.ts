import type { NetlistBuilder } from '../../ir/builder.js';
import type { Net } from '../../ir/netlist.js';

/**
 * A balanced tree of one 2-input gate kind over `nets` (an m-input gate from 2-input ones):
 * m − 1 cells, depth ⌈log2 m⌉. Used for the wide AND/OR terms of lookahead logic, block
 * propagates and equality.
 */
export function gateTree(b: NetlistBuilder, kind: 'and' | 'or', nets: readonly Net[]): Net {
  if (nets.length === 0) throw new Error(`${kind} tree of no inputs`);
  if (nets.length === 1) return nets[0];
  const half = Math.ceil(nets.length / 2);
  const left = gateTree(b, kind, nets.slice(0, half));
  const right = gateTree(b, kind, nets.slice(half));
  return b.cell(kind, left, right)[0];
}

/** Throws unless two operand buses have the same width (an internal error: generators pass them). */
export function checkSameWidth(x: readonly Net[], y: readonly Net[]): void {
  if (x.length !== y.length)
    throw new Error(`adder operands differ in width: ${x.length} vs ${y.length}`);
}
