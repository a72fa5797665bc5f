import {
  type ImportedCircuit,
  mulUnit,
  type Slot,
  slotCircuit,
  subUnit,
} from '../gen/approx/slots.js';
import { NetlistBuilder } from '../ir/builder.js';
import type { Netlist } from '../ir/netlist.js';
import { compile } from '../sim/compiled.js';

/**
 * The slot circuits the engine runs (gen/approx/slots.ts): generated ones are named by their
 * key (`loa:4`), imported ones are registered under their content key before a run (on every
 * thread: runIntegerGraph registers those its options carry), so that a key means one circuit
 * wherever it is read. The functional backend's lookup table of a slot is built here, once per
 * process, by simulating the slot's unit over every operand pair; the gate backend builds its
 * PE around the same unit, so both compute the same taps.
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

/** Operands up to this width get a lookup table (2^(2·9) entries at most). */
export const MAX_TABLE_BITS = 9;

const tables = new Map<string, Int32Array>();

/**
 * The tap value of every operand pair, table[(x mod 2^n)·2^n + (w mod 2^n)]: |x − w| as the
 * sub unit computes it (diff + its deferred +1; unsigned operands) or the mul unit's signed
 * product (signed operands).
 */
export function slotTable(slot: Slot, key: string, width: number): Int32Array {
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

function unitNetlist(slot: Slot, key: string, width: number): Netlist {
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

function buildTable(slot: Slot, netlist: Netlist, width: number): Int32Array {
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
