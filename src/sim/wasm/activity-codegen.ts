import type { Net, Netlist } from '../../ir/netlist.js';
import { combinationalOrder } from '../../ir/validate.js';
import { Code, type FunctionDef, I32, SIMD, V128 } from './encode.js';
import { emitGate } from './kernels.js';

/**
 * A WebAssembly SIMD simulation kernel with switching activity, generated per netlist (the
 * engine's gate backend runs every datapath through it), sharing the gate table of kernels.ts: 128 lanes per v128 value, one local per net, registers stepped once per cycle
 * (sequential PEs) or none (combinational netlists), and toggle counting folded into the same
 * loop — per counted net and cycle: xor with the previous value, and with the lane mask,
 * i8x16.popcnt, widen pairwise and add into 16-bit counters (flushed into 32-bit totals per
 * group). That is 5 SIMD operations per net per 128 lanes, against a popcount of 12 word
 * operations per net per 32 lanes in plain JavaScript.
 *
 * Memory layout (16 bytes per 128-lane value; lane 32j + i is bit i of i32 lane j):
 *   lane inputs   [group][cycle][bit]   ports fed per lane (e.g. x)
 *   broadcast     [cycle][bit]          ports shared by every group (weights, clear)
 *   outputs       [group][cycle][bit]   every output port, every cycle
 *   masks         [group]               lanes whose toggles count
 *   toggles       [net]                 4 x i32 running totals per net (added to)
 * Every group starts from reset (registers at their init value); the first cycle of a group
 * counts no toggles, so a group of C cycles contributes C − 1 transitions per lane. The
 * zero-delay model of sim/activity.ts: glitches are not modelled.
 * Cycles per call are at most MAX_CYCLES, so a 16-bit counter (≤ 16 per cycle) cannot wrap.
 */
export const MAX_CYCLES = 4000;

const OP_SIMD = {
  i32x4Splat: 0x11,
  i8x16Popcnt: 0x62,
  i16x8ExtaddU8: 0x7d,
  i32x4ExtaddU16: 0x7f,
  i16x8Add: 0x8e,
  i32x4Add: 0xae,
} as const;

// Parameters.
const LANE = 0;
const BCAST = 1;
const OUT = 2;
const TOGGLES = 3;
const MASKS = 4;
const GROUPS = 5;
const CYCLES = 6;
// i32 locals.
const T = 7;
const BC = 8;
const FIRST_V128 = 9;

export function buildFunction(
  netlist: Netlist,
  lanePorts: readonly string[],
  bcastPorts: readonly string[],
): FunctionDef {
  const portBits = (names: readonly string[]) =>
    names.flatMap((name) => {
      const p = netlist.inputs.find((q) => q.name === name);
      if (!p) throw new Error(`netlist ${netlist.name} has no input ${name}`);
      return p.bits;
    });
  const laneNets = portBits(lanePorts);
  const bcastNets = portBits(bcastPorts);
  const outNets = netlist.outputs.flatMap((p) => p.bits);
  const counted = countedNets(netlist);
  const n = netlist.netCount;
  // v128 locals: value per net, previous value and counter per counted net, then scratch.
  const value = (net: Net) => FIRST_V128 + net;
  const prev = (k: number) => FIRST_V128 + n + k;
  const count = (k: number) => FIRST_V128 + n + counted.length + k;
  let next = FIRST_V128 + n + 2 * counted.length;
  const mask = next++;
  const groupMask = next++;
  const tmp = next++;
  const regTmp = netlist.registers.map(() => next++);
  const v128Locals = next - FIRST_V128;

  const c = new Code();
  c.splat(-1).set(value(1));
  loop(c, () => {
    c.get(MASKS).load(0).set(groupMask);
    c.get(MASKS).i32(16).op(0x6a).set(MASKS);
    for (const r of netlist.registers) c.splat(r.init ? -1 : 0).set(value(r.q));
    c.get(BCAST).set(BC);
    c.i32(0).set(T);
    c.op(0x03, 0x40); // loop over cycles
    // mask = groupMask & splat(t == 0 ? 0 : -1)
    c.get(groupMask).i32(0).get(T).i32(0).op(0x47).op(0x6b).simd(OP_SIMD.i32x4Splat);
    c.simd(SIMD.and).set(mask);
    laneNets.forEach((net, b) => {
      if (net > 1)
        c.get(LANE)
          .load(16 * b)
          .set(value(net));
    });
    bcastNets.forEach((net, b) => {
      if (net > 1)
        c.get(BC)
          .load(16 * b)
          .set(value(net));
    });
    gates(c, netlist, value, tmp);
    outNets.forEach((net, o) => {
      c.get(OUT)
        .get(value(net))
        .store(16 * o);
    });
    counted.forEach((net, k) => {
      c.get(count(k));
      c.get(value(net)).get(prev(k)).simd(SIMD.xor).get(mask).simd(SIMD.and);
      c.simd(OP_SIMD.i8x16Popcnt).simd(OP_SIMD.i16x8ExtaddU8).simd(OP_SIMD.i16x8Add).set(count(k));
      c.get(value(net)).set(prev(k));
    });
    netlist.registers.forEach((r, i) => {
      c.get(value(r.d)).set(regTmp[i]);
    });
    netlist.registers.forEach((r, i) => {
      c.get(regTmp[i]).set(value(r.q));
    });
    c.get(LANE)
      .i32(16 * laneNets.length)
      .op(0x6a)
      .set(LANE);
    c.get(BC)
      .i32(16 * bcastNets.length)
      .op(0x6a)
      .set(BC);
    c.get(OUT)
      .i32(16 * outNets.length)
      .op(0x6a)
      .set(OUT);
    c.get(T).i32(1).op(0x6a).set(T);
    c.get(T).get(CYCLES).op(0x48).op(0x0d, 0); // t < cycles: again
    c.op(0x0b);
    counted.forEach((_, k) => {
      c.get(TOGGLES);
      c.get(TOGGLES).load(16 * k);
      c.get(count(k)).simd(OP_SIMD.i32x4ExtaddU16).simd(OP_SIMD.i32x4Add);
      c.store(16 * k);
      c.splat(0).set(count(k));
    });
  });
  return {
    name: 'run',
    params: 7,
    locals: [
      { count: 2, type: I32 },
      { count: v128Locals, type: V128 },
    ],
    code: c,
  };
}

/** The group loop: leave when `groups` is 0, run `body`, decrement, repeat. */
function loop(c: Code, body: () => void): void {
  c.op(0x02, 0x40, 0x03, 0x40);
  c.get(GROUPS).op(0x45, 0x0d, 1);
  body();
  c.get(GROUPS).i32(1).op(0x6b).set(GROUPS);
  c.op(0x0c, 0, 0x0b, 0x0b);
}

function gates(c: Code, netlist: Netlist, value: (n: Net) => number, tmp: number): void {
  const order = combinationalOrder(netlist);
  if (order === undefined) throw new Error(`netlist ${netlist.name} has a combinational cycle`);
  for (const ci of order) {
    const cell = netlist.cells[ci];
    emitGate(c, cell.kind, cell.inputs.map(value), cell.outputs.map(value), tmp);
  }
}

/** Every non-constant net the netlist drives, in id order (as sim/js-kernel.ts counts them). */
export function countedNets(netlist: Netlist): Net[] {
  const nets = new Set<Net>();
  for (const p of netlist.inputs) for (const b of p.bits) nets.add(b);
  for (const cell of netlist.cells) for (const o of cell.outputs) nets.add(o);
  for (const r of netlist.registers) nets.add(r.q);
  nets.delete(0);
  nets.delete(1);
  return [...nets].sort((x, y) => x - y);
}
