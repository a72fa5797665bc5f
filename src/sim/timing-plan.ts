import { InputError } from '../errors.js';
import { MACROS } from '../ir/gates.js';
import type { Netlist } from '../ir/netlist.js';
import { combinationalOrder } from '../ir/validate.js';
import { type CellDelays, delaysFor } from './delays.js';

/**
 * The static schedule of the timing-aware activity simulator: for every net, the times after an
 * input change at which its value may change. With transport delay d, a cell's output at time t
 * is its function of the inputs' values at t - d, so it can change only at (an input's change
 * time) + d:
 *
 *   times(input bit) = {0}        times(constant) = {}
 *   times(cell output) = union over the cell's inputs x of (times(x) + delay(cell kind))
 *
 * Between two consecutive times of a net its value is constant, so evaluating each net at its
 * own times (and once before the change, from the previous vector) reproduces its whole
 * waveform exactly. Example: y = and(a, not(a)) with unit delays: times(a) = {0},
 * times(not) = {1}, times(y) = {1, 2}: y pulses high from 1 to 2 when a rises (a hazard).
 * With every delay 0 each driven net has times {0}: the zero-delay model, one settle per vector.
 */
export interface TimingPlan {
  /** Combinational, primitive cells only (macros expanded, registers cut by the caller). */
  readonly netlist: Netlist;
  /** Cell indices in topological order. */
  readonly order: readonly number[];
  /** Delay of each cell, by cell index. */
  readonly cellDelay: Int32Array;
  /** Sorted, distinct change times per net. */
  readonly times: readonly Int32Array[];
  /** The last change time of any net: the circuit has settled after it (0 when none). */
  readonly settleTime: number;
  /** Sum of the times of every net: the net evaluations per vector, the simulator's cost. */
  readonly events: number;
}

/**
 * Net evaluations per vector the timing simulator accepts (its slot memory and work grow with
 * them). Fine-grained delays on deep circuits can make the distinct arrival times explode: a
 * 32x32 array multiplier has 0.15 M events with unit delays and 1.4 M with the cells-45nm
 * delays in whole picoseconds (about 1.5 s for 1000 vectors).
 */
const MAX_EVENTS = 2_000_000;

export function planTiming(netlist: Netlist, delays: CellDelays): TimingPlan {
  if (netlist.registers.length > 0) throw new Error('planTiming: registers must be cut first');
  for (const cell of netlist.cells) {
    if (MACROS.has(cell.kind)) throw new Error('planTiming: macro cells must be expanded first');
  }
  const order = combinationalOrder(netlist);
  if (order === undefined) throw new Error(`netlist ${netlist.name} has a combinational cycle`);
  const byKind = delaysFor(
    delays,
    netlist.cells.map((c) => c.kind),
  );
  const empty = new Int32Array(0);
  const times: Int32Array[] = Array.from({ length: netlist.netCount }, () => empty);
  const atZero = Int32Array.of(0);
  for (const p of netlist.inputs) for (const b of p.bits) times[b] = atZero;
  const cellDelay = new Int32Array(netlist.cells.length);
  let events = 0;
  let settleTime = 0;
  for (const ci of order) {
    const cell = netlist.cells[ci];
    const d = byKind.get(cell.kind)!;
    cellDelay[ci] = d;
    const out = shiftedUnion(
      cell.inputs.map((x) => times[x]),
      d,
    );
    for (const o of cell.outputs) times[o] = out;
    events += out.length * cell.outputs.length;
    if (out.length > 0) settleTime = Math.max(settleTime, out[out.length - 1]);
    if (events > MAX_EVENTS) {
      throw new InputError(
        `timing-aware activity of ${netlist.name} needs more than ${MAX_EVENTS} net evaluations per vector (too many distinct arrival times); use unit delays or coarser delay units`,
      );
    }
  }
  for (const p of netlist.inputs) events += p.bits.length;
  return { netlist, order, cellDelay, times, settleTime, events };
}

/** The sorted union of the lists, each shifted by `d`. */
function shiftedUnion(lists: readonly Int32Array[], d: number): Int32Array {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return new Int32Array(0);
  const all = new Int32Array(nonEmpty.reduce((s, l) => s + l.length, 0));
  let at = 0;
  for (const l of nonEmpty) {
    all.set(l, at);
    at += l.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i];
  const out = all.slice(0, n);
  for (let i = 0; i < n; i++) out[i] += d;
  return out;
}

/**
 * Index into a net's waveform slots of its value at time `t`: 0 is the value before the change
 * (the previous vector's settled value), k >= 1 the value from its (k-1)-th change time on.
 */
export function slotAt(times: Int32Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
