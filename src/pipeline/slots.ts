import type { Backend, Datapath } from '../engine/kernels/registry.js';
import { accTapBits, MAX_TABLE_BITS, registerCircuits, takesAccCircuit } from '../engine/slots.js';
import { InputError } from '../errors.js';
import {
  generatedName,
  type ImportedCircuit,
  SLOT_FLAGS,
  type Slot,
  slotCircuit,
} from '../gen/approx/slots.js';
import type { IntegerGraph, WeightNode } from '../quant/graph.js';

/**
 * Checks the slot circuits of a datapath against the network before anything runs, so that a
 * wrong circuit is one line naming its flag: the slot must have layers to act on (adder layers
 * for `sub`, multiply layers for `mul`, either for `acc`), the circuit must fit their operand
 * width (`acc`: their accumulator width, which must hold the tap), and the functional backend
 * tabulates operands of at most MAX_TABLE_BITS bits. Registers the imported circuits on this
 * thread (pricing rebuilds the PE netlists here).
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
  if (datapath.acc !== undefined) checkAcc(weights, datapath, known, model);
}

/**
 * The accumulator slot: the body's adder and multiply layers (engine/slots.ts
 * takesAccCircuit), the circuit at each one's accumulator width, which must hold the tap the
 * PE adds: |x − w| + its deferred +1 (n + 1 bits), the product (2n bits, 2n + 1 from a mul
 * slot's sign-magnitude unit).
 */
function checkAcc(
  weights: readonly WeightNode[],
  datapath: Datapath,
  known: ReadonlyMap<string, ImportedCircuit>,
  model: string,
): void {
  const key = datapath.acc as string;
  const layers = weights.filter(takesAccCircuit);
  if (layers.length === 0)
    throw new InputError(
      `${SLOT_FLAGS.acc} needs a model with adder or multiply layers in its body; ${model} has none`,
    );
  // An unknown name is wrong at every width: said once, without a layer.
  if (!known.has(key)) generatedName('acc', key);
  for (const w of layers) {
    const tap = accTapBits(w, datapath.mul !== undefined);
    if (w.accBits < tap)
      throw new InputError(
        `${SLOT_FLAGS.acc} needs accumulators of at least ${tap} bits for the ${tap}-bit taps of layer ${w.id}, which has ${w.accBits} (--acc-bits)`,
      );
    try {
      slotCircuit('acc', key, w.accBits, known);
    } catch (error) {
      // Name the layer: body layers' widths differ unless --acc-bits makes them one.
      if (error instanceof InputError)
        throw new InputError(
          `${error.message} (layer ${w.id}; --acc-bits sets the body layers' accumulators, up to their overflow-free width, here ${w.naturalAccBits})`,
        );
      throw error;
    }
  }
}
