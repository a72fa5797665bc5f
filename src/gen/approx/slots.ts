import { InputError, show } from '../../errors.js';
import type { NetlistBuilder } from '../../ir/builder.js';
import { embedNetlist } from '../../ir/embed.js';
import type { Bus, Net, Netlist } from '../../ir/netlist.js';
import type { AbsDiffFn } from '../absdiff/types.js';
import { increment } from '../adders/increment.js';
import type { AdderFn } from '../adders/types.js';
import type { MultiplierFn } from '../multipliers/index.js';
import { almostCorrect } from './almost-correct.js';
import { brokenArrayMultiplier } from './broken-array.js';
import { errorTolerantI } from './error-tolerant.js';
import { lowerPartOr } from './lower-or.js';
import { truncatedAdder } from './truncated-adder.js';
import type { ApproxAdderFn } from './types.js';

/**
 * Circuits that take an arithmetic slot of a processing element (`--sub-circuit`,
 * `--acc-circuit`, `--mul-circuit`): a generated approximate circuit named with its parameters,
 * or an imported netlist. Each slot builds the same unit around the circuit, so the gate
 * backend's PE and the functional backend (a lookup table built by simulating the sub or mul
 * unit; the acc unit simulated tap by tap on bit planes) run one function:
 *
 * | slot | circuit                       | the unit around it (operands n bits)                   |
 * |------|-------------------------------|--------------------------------------------------------|
 * | sub  | adder a + b → n + 1 bits      | |x − w| in ones' complement: s = x + ¬w (= x − w − 1,  |
 * |      | (sum, carry-out)              | carry-out = x > w for an exact adder), diff = s ⊕ ¬c,  |
 * |      |                               | +1 = c into the accumulator's carry-in                 |
 * | acc  | adder a + b → W + 1 bits      | the accumulator's adder: acc ← acc + addend, W the     |
 * |      | (sum, carry-out)              | register width; no carry-in, so the sub unit's +1 is   |
 * |      |                               | added to the tap by an exact incrementer before it     |
 * |      |                               | (PE builders); carry-out = unsigned overflow           |
 * | mul  | unsigned n×n multiplier → 2n  | sign-magnitude: |x|, |w| (n bits), P = circuit, then   |
 * |      | bits (or a signed one)        | −P when the signs differ (2n + 1 bits, signed); a      |
 * |      |                               | signed circuit is used as it is                        |
 *
 * Generated circuits (n = the layer's operand width; for acc, n = the accumulator's width W):
 *
 * | slot     | name         | circuit                                        | parameters          |
 * |----------|--------------|------------------------------------------------|---------------------|
 * | sub, acc | loa:K        | lower-part-OR adder                            | K 0..n              |
 * | sub, acc | trunc:K      | truncated adder                                | K 0..n              |
 * | sub, acc | eta1:K       | error-tolerant adder I                         | K 0..n              |
 * | sub, acc | aca:W        | almost-correct adder, carry window W           | W 1..n              |
 * | mul      | truncmul:K   | column-truncated multiplier (= bam:0:K)        | K 0..2n−1           |
 * | mul      | bam:H:V      | broken-array multiplier, break lines H and V   | H 0..n−1, V 0..2n−1 |
 */
export const SLOTS = ['sub', 'acc', 'mul'] as const;
export type Slot = (typeof SLOTS)[number];

/** The flag of each slot, for messages. */
export const SLOT_FLAGS: Readonly<Record<Slot, string>> = {
  sub: '--sub-circuit',
  acc: '--acc-circuit',
  mul: '--mul-circuit',
};

/** An imported netlist for a slot; `key` is its canonical name, `<module>@<content hash>`. */
export interface ImportedCircuit {
  readonly key: string;
  readonly netlist: Netlist;
  readonly operands: readonly [string, string];
  /** Result ports, least significant first. */
  readonly result: readonly string[];
  readonly signed: boolean;
}

interface Family {
  readonly slots: readonly Slot[];
  readonly params: readonly string[];
  /** Parameter ranges at operand width n. */
  readonly ranges: (n: number) => readonly (readonly [number, number])[];
  readonly describe: string;
}

/** The slots an adder circuit can take. */
const ADDER_SLOTS: readonly Slot[] = ['sub', 'acc'];

const FAMILIES: Readonly<Record<string, Family>> = {
  loa: {
    slots: ADDER_SLOTS,
    params: ['K'],
    ranges: (n) => [[0, n]],
    describe: 'lower-part-OR adder',
  },
  trunc: {
    slots: ADDER_SLOTS,
    params: ['K'],
    ranges: (n) => [[0, n]],
    describe: 'truncated adder',
  },
  eta1: {
    slots: ADDER_SLOTS,
    params: ['K'],
    ranges: (n) => [[0, n]],
    describe: 'error-tolerant adder I',
  },
  aca: {
    slots: ADDER_SLOTS,
    params: ['W'],
    ranges: (n) => [[1, n]],
    describe: 'almost-correct adder',
  },
  truncmul: {
    slots: ['mul'],
    params: ['K'],
    ranges: (n) => [[0, 2 * n - 1]],
    describe: 'column-truncated multiplier',
  },
  bam: {
    slots: ['mul'],
    params: ['H', 'V'],
    ranges: (n) => [
      [0, n - 1],
      [0, 2 * n - 1],
    ],
    describe: 'broken-array multiplier',
  },
};

const ADDERS: Readonly<Record<string, ApproxAdderFn>> = {
  loa: lowerPartOr,
  trunc: truncatedAdder,
  eta1: errorTolerantI,
  aca: almostCorrect,
};

/** A generated circuit: family and parameters. */
export interface GeneratedCircuit {
  readonly family: string;
  readonly params: readonly number[];
}

/** `NAME:P[:Q]` as a generated circuit, or undefined when it is not written that way. */
export function parseGenerated(text: string): GeneratedCircuit | undefined {
  const match = /^([a-z][a-z0-9]*)((?::\d{1,3})+)$/.exec(text);
  if (match === null) return undefined;
  return { family: match[1], params: match[2].slice(1).split(':').map(Number) };
}

/** The generated names a slot takes, for help texts: `loa:K, trunc:K, ...`. */
export function slotNames(slot: Slot): string[] {
  return Object.entries(FAMILIES)
    .filter(([, f]) => f.slots.includes(slot))
    .map(([name, f]) => [name, ...f.params].join(':'));
}

/**
 * A generated circuit's name, family and parameter count, checked against the slot (at no
 * particular width).
 */
export function generatedName(
  slot: Slot,
  text: string,
): { parsed: GeneratedCircuit; family: Family } {
  const parsed = parseGenerated(text);
  const family = parsed === undefined ? undefined : FAMILIES[parsed.family];
  if (parsed === undefined || family === undefined || !family.slots.includes(slot))
    throw new InputError(
      `${SLOT_FLAGS[slot]} must be a .v or .json netlist or one of ${slotNames(slot).join(', ')}, not ${show(text)}`,
    );
  if (parsed.params.length !== family.params.length)
    throw new InputError(
      `${SLOT_FLAGS[slot]} ${parsed.family} takes ${family.params.length} parameter(s) (${[parsed.family, ...family.params].join(':')}), not ${show(text)}`,
    );
  return { parsed, family };
}

/**
 * Checks a generated circuit name for a slot at operand width n. Errors name the flag:
 * "--sub-circuit loa:9 must have K from 0 to 8 at 8 bits, not 9".
 */
export function checkGenerated(slot: Slot, text: string, n: number): GeneratedCircuit {
  const flag = SLOT_FLAGS[slot];
  const { parsed, family } = generatedName(slot, text);
  const ranges = family.ranges(n);
  parsed.params.forEach((p, i) => {
    const [min, max] = ranges[i];
    if (p < min || p > max)
      throw new InputError(
        `${flag} ${[parsed.family, ...family.params].join(':')} must have ${family.params[i]} from ${min} to ${max} at ${n} bits, not ${p}`,
      );
  });
  return parsed;
}

/** Checks an imported circuit's ports against a slot at operand width n (see the table). */
export function checkImported(slot: Slot, circuit: ImportedCircuit, n: number): void {
  const flag = SLOT_FLAGS[slot];
  const { netlist } = circuit;
  const widths = circuit.operands.map(
    (name) => netlist.inputs.find((p) => p.name === name)?.bits.length ?? 0,
  );
  const out = circuit.result.reduce(
    (s, name) => s + (netlist.outputs.find((p) => p.name === name)?.bits.length ?? 0),
    0,
  );
  const want = slot === 'mul' ? 2 * n : n + 1;
  const what = slot === 'mul' ? 'a full product' : 'an adder with its carry-out';
  const layers = slot === 'acc' ? `${n}-bit accumulators` : `${n}-bit operands`;
  if (widths[0] !== n || widths[1] !== n || out !== want)
    throw new InputError(
      `${flag} ${netlist.name} must be ${what}: ${n}-bit operands and a ${want}-bit result for the layer's ${layers}, not ${widths.join(' and ')}-bit operands and a ${out}-bit result`,
    );
  if (netlist.registers.length > 0)
    throw new InputError(`${flag} ${netlist.name} must be combinational, not hold registers`);
  if (slot !== 'mul' && circuit.signed)
    throw new InputError(
      `${flag} ${netlist.name} must have unsigned ports (an adder's operands and sum are bit patterns)`,
    );
}

type SlotCircuit = GeneratedCircuit | ImportedCircuit;

function embedded(b: NetlistBuilder, c: ImportedCircuit, x: Bus, y: Bus): Net[] {
  const outs = embedNetlist(b, c.netlist, { [c.operands[0]]: x, [c.operands[1]]: y });
  return c.result.flatMap((name) => outs[name]);
}

/** The |x − w| unit of the sub slot around an adder circuit (see the table). */
export function subUnit(circuit: SlotCircuit): AbsDiffFn {
  return (b, x, y) => {
    const n = x.length;
    const notY = y.map((bit) => b.not(bit));
    let sum: Net[];
    let cout: Net;
    if ('family' in circuit) {
      ({ sum, cout } = ADDERS[circuit.family](b, x, notY, circuit.params[0]));
    } else {
      const result = embedded(b, circuit, x, notY);
      sum = result.slice(0, n);
      cout = result[n];
    }
    return { diff: sum.map((bit) => b.xnor(bit, cout)), plusOne: cout };
  };
}

/**
 * The accumulator's adder from an adder circuit (see the table): a W-bit adder without a
 * carry-in, so asking it for one is a builder error (the PE builders add the +1 first).
 */
export function accAdder(circuit: SlotCircuit): AdderFn {
  return (b, x, y, cin) => {
    if (cin !== undefined && cin !== b.zero)
      throw new Error('an accumulator slot circuit has no carry-in');
    if ('family' in circuit) return ADDERS[circuit.family](b, x, y, circuit.params[0]);
    const result = embedded(b, circuit, x, y);
    return { sum: result.slice(0, x.length), cout: result[x.length] };
  };
}

/** The multiplier unit of the mul slot around a multiplier circuit (see the table). */
export function mulUnit(circuit: SlotCircuit): MultiplierFn {
  return (b, x, w, options) => {
    const multiply = (p: Bus, q: Bus): Net[] =>
      'family' in circuit
        ? circuit.family === 'bam'
          ? brokenArrayMultiplier(b, p, q, circuit.params[0], circuit.params[1], options.adder)
          : brokenArrayMultiplier(b, p, q, 0, circuit.params[0], options.adder)
        : embedded(b, circuit, p, q);
    if (!options.signed || ('signed' in circuit && circuit.signed)) return multiply(x, w);
    const n = x.length;
    const magnitude = (v: Bus) =>
      increment(
        b,
        v.map((bit) => b.xor(bit, v[n - 1])),
        v[n - 1],
      ).sum;
    const product = [...multiply(magnitude(x), magnitude(w)), b.zero];
    const negative = b.xor(x[n - 1], w[n - 1]);
    return increment(
      b,
      product.map((bit) => b.xor(bit, negative)),
      negative,
    ).sum;
  };
}

/** The circuit a slot key names: generated by name, else the imported one given for it. */
export function slotCircuit(
  slot: Slot,
  key: string,
  width: number,
  imported: ReadonlyMap<string, ImportedCircuit>,
): SlotCircuit {
  const circuit = imported.get(key);
  if (circuit !== undefined) {
    checkImported(slot, circuit, width);
    return circuit;
  }
  return checkGenerated(slot, key, width);
}
