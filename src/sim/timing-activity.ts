import type { Activity } from '../ir/activity.js';
import { expandMacros } from '../ir/expand.js';
import type { Netlist } from '../ir/netlist.js';
import { assertValidNetlist } from '../ir/validate.js';
import { allocPlanes, packBigInt, packInt32, wordsFor } from './bitplane.js';
import { type CellDelays, PRIMITIVE_KINDS } from './delays.js';
import { registerStates } from './register-states.js';
import { compileTimingKernel, type TimingKernel } from './timing-kernel.js';
import { planTiming, type TimingPlan } from './timing-plan.js';
import { vectorCount } from './word-vectors.js';

/** The `toggleModel` of every timing-aware activity. */
const TIMING_TOGGLE_MODEL = 'transport-delay (every glitch counted, none filtered)';

type Stream = Readonly<Record<string, ArrayLike<number> | readonly bigint[]>>;

/** Switching activity with cell delays: every transition of every net, glitches included. */
export interface TimingActivity extends Activity {
  /**
   * The netlist `netToggles` indexes: the simulated netlist with fa/ha expanded into gates
   * (`expandMacros`), so its first nets are the simulated netlist's own, same ids, and the
   * macros' internal wires follow. `restrictActivity` keeps the original nets only.
   */
  readonly netlist: Netlist;
  /** Time of the last possible change after an input change, in the delays' unit. */
  readonly settleTime: number;
  /** Net evaluations per transition (the simulator's work). */
  readonly events: number;
}

/**
 * Timing-aware switching activity: each cell has an integer delay (`delays`, per cell kind, in
 * a unit the caller chooses, see delays.ts), and every change of every net between two
 * consecutive vectors is counted, glitches (hazards) included.
 *
 * Model, stated exactly:
 * - fa and ha are first expanded into their xor/and/or gates (ir/expand.ts); each gate has its
 *   kind's delay. Wires have no delay.
 * - Transport delay: a cell's output at time t is its function of its inputs at time t - d,
 *   however short a pulse (no inertial filtering: real gates swallow some pulses shorter than
 *   their delay, so these counts are an upper bound on glitching, where zero-delay counts
 *   are a lower bound). Time is discrete: with integer delays, every change happens at an
 *   integer time, and a net's value at time t is the one it settles to within that instant.
 * - Transition i -> i+1 starts with every net at its settled value for vector i; all input bits
 *   change at time 0 and the logic runs until it settles (`settleTime`); the clock period is
 *   assumed to exceed it, so settled values, and hence outputs, are those of the zero-delay
 *   model. With every delay 0, the counts are exactly the zero-delay counts of `simulateActivity`.
 * - Registers (sequential netlists, from reset): every register output changes at the clock
 *   edge, time 0 of the cycle, together with the inputs (clock-to-Q and the clock network are
 *   not modelled); the logic between registers is simulated with delays. The register states
 *   come from the zero-delay simulator (the same states, by the previous point).
 *
 * Bit-parallel: each transition is independent of the others once the states are known, so lane
 * l of a 32-lane word simulates transition l -> l+1 (see timing-kernel.ts). Cost per
 * transition: the plan's `events` gate evaluations plus a popcount per event.
 *
 * This is what an event-driven Verilog simulator computes for gates written as
 * `always @(inputs) y <= #d f(inputs);` (rtl/timed-verilog.ts), counting a net's value at the
 * end of each time step (as a VCD dump records it); the test suite checks it net by net
 * against Icarus Verilog. Gate primitives with delays (`and #d`) would be inertial instead.
 */
export function simulateTimingActivity(
  netlist: Netlist,
  stream: Stream,
  delays: CellDelays,
): TimingActivity {
  assertValidNetlist(netlist);
  const { plan, kernel, expanded } = compiled(netlist, delays);
  const count = vectorCount(netlist, stream);
  const toggles = new Float64Array(expanded.netCount);
  const result = (transitions: number): TimingActivity => ({
    vectors: count,
    transitions,
    netToggles: toggles,
    toggleModel: TIMING_TOGGLE_MODEL,
    netlist: expanded,
    settleTime: plan.settleTime,
    events: plan.events,
  });
  if (count < 2) return result(0);

  const { planes, next, words } = transitionPlanes(netlist, stream, count);
  kernel(planes, next, toggles, words);
  return result(count - 1);
}

/** The kernel's input: planes before (`planes`) and after (`next`) each transition. */
export interface TransitionPlanes {
  /** Lane l = vector l: the input ports' bits, then (sequential netlists) the register states. */
  readonly planes: Int32Array[];
  /** Lane l = vector l+1 for l < transitions; lanes beyond hold `planes`' values. */
  readonly next: Int32Array[];
  /** Words of lanes covering the transitions. */
  readonly words: number;
}

/** Lays a stream of `count` >= 2 vectors out as the timing kernel's transition lanes. */
export function transitionPlanes(
  netlist: Netlist,
  stream: Stream,
  count: number,
): TransitionPlanes {
  const vectorWords = wordsFor(count);
  const planes: Int32Array[] = [];
  for (const p of netlist.inputs) {
    const width = p.bits.length;
    const own = allocPlanes(width, vectorWords);
    const values = stream[p.name];
    if (values.length > 0 && typeof values[0] === 'bigint') {
      packBigInt(values as readonly bigint[], width, own);
    } else {
      if (width > 32) throw new Error(`a ${width}-bit port needs bigint values`);
      packInt32(values as ArrayLike<number>, width, own);
    }
    planes.push(...own);
  }
  if (netlist.registers.length > 0) planes.push(...registerStates(netlist, stream, count));

  // Lane l runs vector l -> l+1: NEW is the planes shifted down by one lane. Lanes past the
  // last transition get NEW = OLD, so nothing in them changes.
  const transitions = count - 1;
  const words = wordsFor(transitions);
  const tail = transitions % 32 === 0 ? -1 : (1 << (transitions % 32)) - 1;
  const next = planes.map((old) => {
    const shifted = new Int32Array(words);
    for (let w = 0; w < words; w++) {
      shifted[w] = (old[w] >>> 1) | (w + 1 < old.length ? old[w + 1] << 31 : 0);
    }
    shifted[words - 1] = (shifted[words - 1] & tail) | (old[words - 1] & ~tail);
    return shifted;
  });
  return { planes, next, words };
}

/**
 * The activity of the nets of `netlist` alone, from an activity of a netlist that extends it
 * with more nets (a `TimingActivity` of it, whose expanded netlist keeps its net ids): the
 * Activity that `activityByKind(netlist, ·)` and the cost estimators take.
 */
export function restrictActivity(activity: Activity, netlist: Netlist): Activity {
  if (activity.netToggles.length < netlist.netCount) {
    throw new Error(
      `activity covers ${activity.netToggles.length} nets, fewer than the ${netlist.netCount} of ${netlist.name}`,
    );
  }
  return {
    vectors: activity.vectors,
    transitions: activity.transitions,
    netToggles: activity.netToggles.slice(0, netlist.netCount),
    ...(activity.toggleModel !== undefined ? { toggleModel: activity.toggleModel } : {}),
  };
}

interface Compiled {
  readonly expanded: Netlist;
  readonly plan: TimingPlan;
  readonly kernel: TimingKernel;
}

const cache = new WeakMap<Netlist, Map<string, Compiled>>();

/** The plan and kernel of a netlist and delay table, compiled once and cached per netlist. */
function compiled(netlist: Netlist, delays: CellDelays): Compiled {
  const key = JSON.stringify(PRIMITIVE_KINDS.map((k) => delays[k] ?? null));
  let entries = cache.get(netlist);
  if (entries === undefined) {
    entries = new Map();
    cache.set(netlist, entries);
  }
  let entry = entries.get(key);
  if (entry === undefined) {
    const expanded = expandMacros(netlist);
    const plan = planTiming(cutRegisters(expanded), delays);
    entry = { expanded, plan, kernel: compileTimingKernel(plan) };
    entries.set(key, entry);
  }
  return entry;
}

/**
 * The combinational netlist the timing kernel runs: register outputs become one more input
 * port (after the netlist's own), fed with the register states of each cycle.
 */
function cutRegisters(netlist: Netlist): Netlist {
  if (netlist.registers.length === 0) return netlist;
  const names = new Set([...netlist.inputs, ...netlist.outputs].map((p) => p.name));
  let name = 'registers';
  while (names.has(name)) name = `_${name}`;
  return {
    ...netlist,
    registers: [],
    inputs: [...netlist.inputs, { name, bits: netlist.registers.map((r) => r.q) }],
  };
}
