import type { CellKind } from '../ir/gates.js';
import { slotAt, type TimingPlan } from './timing-plan.js';

/**
 * The kernel of the timing-aware activity simulator. One lane is one transition (vector i to
 * vector i+1); 32 lanes per Int32 word.
 *
 * A plan compiles to a program over value slots: each net has slot 0 (its value before the
 * change, the previous vector's settled value) and one slot per change time (its value from
 * that time on, see timing-plan.ts); slots 0 and 1 of the program are the constants. An
 * instruction computes one slot of a cell output from the input slots current at that time
 * minus the cell's delay, as word operations. Then every pair of consecutive slots of a net
 * adds popcount(old XOR new) to its toggle count: every transition, glitches included.
 *
 * The program is interpreted, not compiled to JavaScript: each instruction runs over a block
 * of BLOCK words at once (the dispatch cost is shared by 32·BLOCK lanes), on slots kept in one
 * Int32Array, slot s at words s·block .. s·block + block - 1. Measured on an 8x8 array
 * multiplier, this runs as fast as generated code with one local per slot in steady state and
 * starts at full speed, where generated functions of thousands of statements wait seconds for
 * V8's optimising compiler; it also has no size limit.
 *
 * Kernel signature: `(OLD, NEW, T, words)`: `OLD[b]`, `NEW[b]` are the planes of input bit b
 * (ports in declaration order) before and after the change, at least `words` long; `T` the
 * toggle counts per net (Float64Array(netCount)), added in place.
 */
export type TimingKernel = (
  OLD: readonly Int32Array[],
  NEW: readonly Int32Array[],
  T: Float64Array,
  words: number,
) => void;

/** Words per block; fewer when the slots would need more than MAX_SLOT_WORDS words. */
export const BLOCK = 64;
/** Size of the slot memory in words (16 MiB): bounds the block of plans with many events. */
const MAX_SLOT_WORDS = 1 << 22;

/** Opcode of each primitive kind (the instruction's first field). */
const OPCODE: Partial<Record<CellKind, number>> = {
  and: 0,
  or: 1,
  xor: 2,
  nand: 3,
  nor: 4,
  xnor: 5,
  not: 6,
  buf: 7,
  mux2: 8,
};

/** Fields per instruction: opcode, output slot, input slots a, b, c (unused ones 0). */
const FIELDS = 5;

interface TimingProgram {
  /** Number of value slots (constants included). */
  readonly slots: number;
  /** First slot of each net (constants: 0 and 1). */
  readonly base: Int32Array;
  /** Instructions in dependency order, FIELDS integers each. */
  readonly code: Int32Array;
  /** Input bits in plane order: their nets' first slots (old value; the new one follows). */
  readonly inputSlots: Int32Array;
  /** Nets that can change (at least one change time), with their first slot and slot count. */
  readonly countedNets: Int32Array;
}

/** Lays out the plan's slots and instructions. */
function timingProgram(plan: TimingPlan): TimingProgram {
  const { netlist, times } = plan;
  const base = new Int32Array(netlist.netCount);
  base[1] = 1;
  let slots = 2;
  for (let net = 2; net < netlist.netCount; net++) {
    base[net] = slots;
    slots += times[net].length + 1;
  }
  const slotOf = (net: number, t: number) =>
    net < 2 ? net : base[net] + (t < 0 ? 0 : slotAt(times[net], t));
  const code: number[] = [];
  for (const ci of plan.order) {
    const cell = netlist.cells[ci];
    const op = OPCODE[cell.kind];
    if (op === undefined)
      throw new Error(`timing kernel: ${cell.kind} cells must be expanded first`);
    const d = plan.cellDelay[ci];
    const y = cell.outputs[0];
    const emit = (slot: number, t: number) => {
      const ins = cell.inputs.map((x) => slotOf(x, t));
      code.push(op, slot, ins[0], ins[1] ?? 0, ins[2] ?? 0);
    };
    emit(base[y], -1);
    times[y].forEach((at, s) => {
      emit(base[y] + 1 + s, at - d);
    });
  }
  const inputSlots = Int32Array.from(
    netlist.inputs.flatMap((p) => p.bits),
    (net) => base[net],
  );
  const counted: number[] = [];
  for (let net = 2; net < netlist.netCount; net++) {
    if (times[net].length > 0) counted.push(net);
  }
  return {
    slots,
    base,
    code: Int32Array.from(code),
    inputSlots,
    countedNets: Int32Array.from(counted),
  };
}

/** The kernel of a plan (the plan's netlist must be valid; this function does not check). */
export function compileTimingKernel(plan: TimingPlan, block?: number): TimingKernel {
  const program = timingProgram(plan);
  const { slots, code, inputSlots, countedNets, base } = program;
  const B = block ?? Math.max(1, Math.min(BLOCK, Math.floor(MAX_SLOT_WORDS / slots)));
  const times = plan.times;
  const count = Int32Array.from(countedNets, (net) => times[net].length);
  return (OLD, NEW, T, words) => {
    const V = new Int32Array(slots * B);
    V.fill(-1, B, 2 * B);
    for (let w0 = 0; w0 < words; w0 += B) {
      const m = Math.min(B, words - w0);
      for (let i = 0; i < inputSlots.length; i++) {
        const s = inputSlots[i] * B;
        V.set(OLD[i].subarray(w0, w0 + m), s);
        V.set(NEW[i].subarray(w0, w0 + m), s + B);
      }
      execute(code, V, B, m);
      for (let i = 0; i < countedNets.length; i++) {
        T[countedNets[i]] += toggles(V, base[countedNets[i]] * B, count[i], B, m);
      }
    }
  };
}

/** Runs every instruction on words 0 .. m-1 of each slot (slot s at V[s·B ..]). */
function execute(code: Int32Array, V: Int32Array, B: number, m: number): void {
  for (let k = 0; k < code.length; k += FIELDS) {
    const o = code[k + 1] * B;
    const a = code[k + 2] * B;
    const b = code[k + 3] * B;
    switch (code[k]) {
      case 0:
        for (let w = 0; w < m; w++) V[o + w] = V[a + w] & V[b + w];
        break;
      case 1:
        for (let w = 0; w < m; w++) V[o + w] = V[a + w] | V[b + w];
        break;
      case 2:
        for (let w = 0; w < m; w++) V[o + w] = V[a + w] ^ V[b + w];
        break;
      case 3:
        for (let w = 0; w < m; w++) V[o + w] = ~(V[a + w] & V[b + w]);
        break;
      case 4:
        for (let w = 0; w < m; w++) V[o + w] = ~(V[a + w] | V[b + w]);
        break;
      case 5:
        for (let w = 0; w < m; w++) V[o + w] = ~(V[a + w] ^ V[b + w]);
        break;
      case 6:
        for (let w = 0; w < m; w++) V[o + w] = ~V[a + w];
        break;
      case 7:
        for (let w = 0; w < m; w++) V[o + w] = V[a + w];
        break;
      default: {
        // mux2: a = select, b = d0, c = d1
        const c = code[k + 4] * B;
        for (let w = 0; w < m; w++) {
          const d0 = V[b + w];
          V[o + w] = d0 ^ (V[a + w] & (d0 ^ V[c + w]));
        }
      }
    }
  }
}

/**
 * Transitions of one net over words 0 .. m-1: the popcounts of the XOR of each pair of
 * consecutive slots (`changes` pairs from slot `first`). Per word, change words are added
 * two at a time into a running carry-save sum (`ones`, a word-wide full adder: 5 operations)
 * whose carries are popcounted with weight 2, so two changes cost one popcount instead of two.
 */
function toggles(V: Int32Array, first: number, changes: number, B: number, m: number): number {
  let ones = 0;
  let twos = 0;
  for (let w = 0; w < m; w++) {
    let p = first + w;
    let prev = V[p];
    let acc = 0;
    let s = 0;
    for (; s + 1 < changes; s += 2) {
      const a = V[p + B];
      const b = V[p + 2 * B];
      const d1 = prev ^ a;
      const d2 = a ^ b;
      const t = acc ^ d1;
      twos += popcount((acc & d1) | (t & d2));
      acc = t ^ d2;
      prev = b;
      p += 2 * B;
    }
    if (s < changes) ones += popcount(prev ^ V[p + B]);
    ones += popcount(acc);
  }
  return ones + 2 * twos;
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
