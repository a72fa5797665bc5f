import type { Backend, Datapath } from '../engine/kernels/registry.js';
import { MAX_TABLE_BITS, registerCircuits } from '../engine/slots.js';
import { InputError } from '../errors.js';
import { type ImportedCircuit, SLOT_FLAGS, type Slot, slotCircuit } from '../gen/approx/slots.js';
import type { IntegerGraph, WeightNode } from '../quant/graph.js';

/**
 * Checks the slot circuits of a datapath against the network before anything runs, so that a
 * wrong circuit is one line naming its flag: the slot must have layers to act on (adder layers
 * for `sub`, multiply layers for `mul`), the circuit must fit their operand width, and the
 * functional backend tabulates operands of at most MAX_TABLE_BITS bits. Registers the imported
 * circuits on this thread (pricing rebuilds the PE netlists here).
 */
export function checkSlots(
  graph: IntegerGraph,
  datapath: Datapath,
  circuits: readonly ImportedCircuit[] | undefined,
  backend: Backend,
  model: string,
): void {
  registerCircuits(circuits);
  const known = new Map((circuits ?? []).map((c) => [c.key, c]));
  const weights = graph.nodes.filter((n): n is WeightNode => n.op === 'weight');
  const check = (slot: Slot, key: string | undefined, kind: WeightNode['kind'], what: string) => {
    if (key === undefined) return;
    const layers = weights.filter((w) => w.kind === kind);
    if (layers.length === 0)
      throw new InputError(
        `${SLOT_FLAGS[slot]} needs a model with ${what} layers; ${model} has none`,
      );
    for (const w of layers) {
      slotCircuit(slot, key, w.operandBits, known);
      // The mul unit's sign-magnitude product has 2n + 1 bits (an approximate magnitude may
      // exceed the exact range); the accumulator must hold it.
      if (slot === 'mul' && w.accBits < 2 * w.operandBits + 1)
        throw new InputError(
          `${SLOT_FLAGS[slot]} needs accumulators of at least ${2 * w.operandBits + 1} bits for its ${2 * w.operandBits + 1}-bit signed products; layer ${w.id} has ${w.accBits} (--acc-bits)`,
        );
      if (backend === 'functional' && w.operandBits > MAX_TABLE_BITS)
        throw new InputError(
          `${SLOT_FLAGS[slot]} on the functional backend needs operands of at most ${MAX_TABLE_BITS} bits (layer ${w.id} has ${w.operandBits}); use --backend gate`,
        );
    }
  };
  check('sub', datapath.sub, 'adder', 'adder');
  check('mul', datapath.mul, 'multiply', 'multiply');
}
