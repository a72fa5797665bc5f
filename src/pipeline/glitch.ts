import { estimateNetlist } from '../cost/estimate-netlist.js';
import type { GlitchFactor } from '../cost/gate-energy.js';
import type { AsicCellTable } from '../cost/table-types.js';
import { cellDelaysPs } from '../cost/timing.js';
import type { Netlist } from '../ir/netlist.js';
import { type CellDelays, PRIMITIVE_KINDS, UNIT_DELAYS, ZERO_DELAYS } from '../sim/delays.js';
import { mulberry32 } from '../sim/test-vectors.js';
import { simulateTimingActivity } from '../sim/timing-activity.js';

/**
 * Glitch factor of one netlist on one cell table: the energy per evaluation with timing-aware
 * toggles (glitches counted, transport delay) over the energy with zero-delay toggles, both
 * measured by the timing-aware simulator on the same seeded random stream (zero delays give
 * exactly the zero-delay counts), both priced on the netlist with fa/ha expanded into gates.
 *
 * Why a factor and not a timing-aware gate backend: the gate backend runs every PE cycle of
 * every image through a WebAssembly SIMD zero-delay kernel (sim/wasm/activity-kernel.ts); a
 * timing-aware kernel evaluates `events` gates per transition instead of one per cell (about
 * 3x the cells for an 8x8 array multiplier, more with table delays) and could not keep the
 * gate backend's real-data toggles exact at the same speed. So the backend keeps counting
 * zero-delay toggles on real operands, and the pricing multiplies each netlist's measured
 * energy by its factor from `GLITCH_VECTORS` random vectors: an estimate, labelled as one.
 *
 * Delays: the table's gate delays in whole picoseconds when the table has a delay for every
 * gate kind the expanded netlist uses, else one unit per gate (the model says which).
 * Stimulus: uniform random bits on every port, except a 1-bit port named `clear` (a PE's
 * accumulator clear), set once every `CLEAR_PERIOD` cycles as a dot product of that many taps
 * would. Register clock energy enters both energies, so it dilutes the factor of a PE.
 */
export const GLITCH_VECTORS = 2048;
const CLEAR_PERIOD = 32;

const cache = new WeakMap<Netlist, Map<string, GlitchFactor>>();

export function glitchFactor(
  table: AsicCellTable,
  netlist: Netlist,
  vectors = GLITCH_VECTORS,
): GlitchFactor {
  let entries = cache.get(netlist);
  if (entries === undefined) {
    entries = new Map();
    cache.set(netlist, entries);
  }
  const key = `${table.name}/${vectors}`;
  const hit = entries.get(key);
  if (hit) return hit;
  const { delays, delayModel } = chooseDelays(table, netlist);
  const stream = randomStream(netlist, vectors);
  const timed = simulateTimingActivity(netlist, stream, delays);
  const zero = simulateTimingActivity(netlist, stream, ZERO_DELAYS);
  const timedPj = estimateNetlist(table, timed.netlist, timed).energyPj ?? Number.NaN;
  const zeroPj = estimateNetlist(table, zero.netlist, zero).energyPj ?? Number.NaN;
  const sum = (t: Float64Array) => t.reduce((s, x) => s + x, 0);
  const zeroToggles = sum(zero.netToggles);
  const result: GlitchFactor = {
    factor: zeroPj > 0 ? timedPj / zeroPj : 1,
    toggleFactor: zeroToggles > 0 ? sum(timed.netToggles) / zeroToggles : 1,
    zeroPj,
    timedPj,
    delayModel,
    vectors,
  };
  entries.set(key, result);
  return result;
}

function chooseDelays(
  table: AsicCellTable,
  netlist: Netlist,
): { delays: CellDelays; delayModel: 'table' | 'unit' } {
  const fromTable = cellDelaysPs(table);
  const expandedKinds = new Set(
    netlist.cells.flatMap((c) =>
      c.kind === 'fa' || c.kind === 'ha' ? ['xor', 'and', 'or'] : [c.kind],
    ),
  );
  const covered = [...expandedKinds].every(
    (k) => PRIMITIVE_KINDS.includes(k as never) && fromTable[k as never] !== undefined,
  );
  return covered
    ? { delays: fromTable, delayModel: 'table' }
    : { delays: UNIT_DELAYS, delayModel: 'unit' };
}

function randomStream(netlist: Netlist, count: number): Record<string, bigint[]> {
  const rand = mulberry32(1);
  const stream: Record<string, bigint[]> = {};
  for (const port of netlist.inputs) {
    const width = port.bits.length;
    stream[port.name] = Array.from({ length: count }, (_, i) => {
      if (port.name === 'clear' && width === 1) return i % CLEAR_PERIOD === 0 ? 1n : 0n;
      let x = 0n;
      for (let lo = 0; lo < width; lo += 16) {
        x |= BigInt(Math.floor(rand() * 65536)) << BigInt(lo);
      }
      return x & ((1n << BigInt(width)) - 1n);
    });
  }
  return stream;
}
