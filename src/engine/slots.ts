import {
  accAdder,
  type ImportedCircuit,
  mulUnit,
  type Slot,
  slotCircuit,
  subUnit,
} from '../gen/approx/slots.js';
import { NetlistBuilder } from '../ir/builder.js';
import type { Netlist } from '../ir/netlist.js';
import type { WeightNode } from '../quant/graph.js';
import { type CompiledSimulator, compile } from '../sim/compiled.js';

/**
 * The slot circuits the engine runs (gen/approx/slots.ts): generated ones are named by their
 * key (`loa:4`), imported ones are registered under their content key before a run (on every
 * thread: runIntegerGraph registers those its options carry), so that a key means one circuit
 * wherever it is read. The functional backend's lookup table of a slot is built here, once per
 * process, by simulating the slot's unit over every operand pair; the gate backend builds its
 * PE around the same unit, so both compute the same taps. The accumulator slot's adder is too
 * wide for a table: the functional backend simulates it alone (`accUnit`), tap by tap
 * (kernels/acc-rows.ts), and the gate backend's PE has the same adder as its accumulator.
 */
const imported = new Map<string, ImportedCircuit>();

/** Makes imported circuits known by their keys (a key registered twice keeps its circuit). */
export function registerCircuits(circuits: readonly ImportedCircuit[] | undefined): void {
  for (const c of circuits ?? []) if (!imported.has(c.key)) imported.set(c.key, c);
}

/** The |x − w| unit of a sub-slot key at operand width n. */
export const subUnitFor = (key: string, width: number) =>
  subUnit(slotCircuit('sub', key, width, imported));

/** The multiplier unit of a mul-slot key at operand width n. */
export const mulUnitFor = (key: string, width: number) =>
  mulUnit(slotCircuit('mul', key, width, imported));

/**
 * The layers an accumulator circuit replaces the adder of: the body's adder and multiply
 * layers, those `--acc-bits` sizes (the stem and classifier keep their exact, overflow-free
 * accumulators, so one imported circuit of the body's width serves the whole network; binary
 * layers count with popcounts).
 */
export const takesAccCircuit = (node: WeightNode): boolean =>
  node.role === 'body' && node.kind !== 'binary';

/**
 * Bits of the tap a PE adds into its accumulator when an accumulator circuit takes the adder's
 * place: |x − w| with its deferred +1 folded in (n + 1), the exact product (2n), or a mul slot's
 * sign-magnitude product (2n + 1), two's complement for multiply layers.
 */
export const accTapBits = (node: WeightNode, mulSlot: boolean): number =>
  node.kind === 'adder' ? node.operandBits + 1 : 2 * node.operandBits + (mulSlot ? 1 : 0);

/** The accumulator adder of an acc-slot key, built at the accumulator width W it is given. */
export const accAdderFor = (key: string) => (width: number) =>
  accAdder(slotCircuit('acc', key, width, imported));

const accUnits = new Map<string, CompiledSimulator>();

/**
 * The accumulator slot's adder alone at register width W, compiled once per process: inputs
 * `acc` (the register) and `addend` (the tap, extended to W bits), outputs `sum` (W bits) and
 * `cout`, in that order, as the PE's accumulator wires it (gen/accumulators/accumulator.ts).
 */
export function accUnit(key: string, width: number): CompiledSimulator {
  const id = `${key}/${width}`;
  let unit = accUnits.get(id);
  if (!unit) {
    const b = new NetlistBuilder('acc_unit');
    const acc = b.input('acc', width);
    const addend = b.input('addend', width);
    const { sum, cout } = accAdderFor(key)(width)(b, acc, addend);
    b.output('sum', sum);
    b.output('cout', [cout]);
    unit = compile(b.build());
    accUnits.set(id, unit);
  }
  return unit;
}

/** Operands up to this width get a lookup table (2^(2·9) entries at most). */
export const MAX_TABLE_BITS = 9;

/** The slots whose unit is tabulated (the acc slot's adder is simulated instead). */
type TableSlot = Exclude<Slot, 'acc'>;

const tables = new Map<string, Int32Array>();

/**
 * The tap value of every operand pair, table[(x mod 2^n)·2^n + (w mod 2^n)]: |x − w| as the
 * sub unit computes it (diff + its deferred +1; unsigned operands) or the mul unit's signed
 * product (signed operands).
 */
export function slotTable(slot: TableSlot, key: string, width: number): Int32Array {
  const id = `${slot}/${key}/${width}`;
  let table = tables.get(id);
  if (!table) {
    if (width > MAX_TABLE_BITS)
      throw new Error(`slot tables are built for operands of at most ${MAX_TABLE_BITS} bits`);
    table = buildTable(slot, unitNetlist(slot, key, width), width);
    tables.set(id, table);
  }
  return table;
}

function unitNetlist(slot: TableSlot, key: string, width: number): Netlist {
  const signed = slot === 'mul';
  const b = new NetlistBuilder(`${slot}_unit`);
  const x = b.input('x', width, { signed });
  const w = b.input('w', width, { signed });
  if (slot === 'sub') {
    const { diff, plusOne } = subUnitFor(key, width)(b, x, w, { signed: false, adder: noAdder });
    b.output('diff', diff);
    b.output('plusOne', [plusOne]);
  } else {
    b.output('product', mulUnitFor(key, width)(b, x, w, { signed: true }), { signed: true });
  }
  return b.build();
}

/** The slot units never ask for the PE's adder except as a multiplier's final adder. */
const noAdder = () => {
  throw new Error('a slot unit has its own adder');
};

function buildTable(slot: TableSlot, netlist: Netlist, width: number): Int32Array {
  const size = 1 << (2 * width);
  const xs = new Int32Array(size);
  const ws = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    xs[i] = i >>> width;
    ws[i] = i & ((1 << width) - 1);
  }
  const out = compile(netlist).evaluateInt32({ x: xs, w: ws });
  if (slot === 'sub') {
    const diff = out.diff;
    const plusOne = out.plusOne;
    return Int32Array.from(diff, (d, i) => d + plusOne[i]);
  }
  return out.product;
}
