import { loadTable } from '../cost/tables.js';
import { cellDelaysPs } from '../cost/timing.js';
import { InputError, show } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';
import type { Activity } from '../ir/activity.js';
import type { Netlist } from '../ir/netlist.js';
import { toVcd } from '../rtl/vcd.js';
import { toVerilog } from '../rtl/verilog.js';
import { simulateActivity } from '../sim/activity.js';
import {
  ACTIVITY_NOTE,
  activityByKind,
  type KindActivity,
  totalToggles,
} from '../sim/activity-summary.js';
import { type CellDelays, UNIT_DELAYS } from '../sim/delays.js';
import { restrictActivity, simulateTimingActivity } from '../sim/timing-activity.js';
import { traceNets } from '../sim/trace.js';
import { formatTable } from './output.js';
import type { Vector } from './vectors.js';

/**
 * How toggles are counted: `zero` (each net settles once per vector, the bit-parallel
 * zero-delay simulator), `unit` (one time unit per gate) or `table` (each gate's delay from an
 * asic-cell table, rounded to whole picoseconds); the last two count glitches with transport
 * delays (sim/timing-activity.ts).
 */
export const DELAY_MODELS = ['zero', 'unit', 'table'] as const;
export type DelayModel = (typeof DELAY_MODELS)[number];

/** The delay model chosen on the command line, with the delays it needs. */
export interface DelayChoice {
  readonly model: DelayModel;
  /** The cell table the `table` model takes its delays from. */
  readonly table?: string;
  readonly delays?: CellDelays;
}

/**
 * Loads the delays of a delay model: `table` reads the asic-cell table `tableName` (a shipped
 * table's name or a file; `flag` names it in errors).
 */
export function delayChoice(model: DelayModel, tableName: string, flag: string): DelayChoice {
  if (model === 'zero') return { model };
  if (model === 'unit') return { model, delays: UNIT_DELAYS };
  const table = loadTable(tableName, flag);
  if (table.kind !== 'asic-cell') {
    throw new InputError(
      `${flag} must name an asic-cell table (one with gate delays), not ${show(tableName)}, whose kind is ${table.kind}`,
    );
  }
  return { model, table: table.name, delays: cellDelaysPs(table) };
}

/** The caveat printed with timing-aware counts. */
function timingNote(choice: DelayChoice): string {
  const delays =
    choice.model === 'unit'
      ? 'unit delay per gate'
      : `gate delays of ${choice.table} rounded to whole picoseconds`;
  return `timing-aware toggle counts (${delays}, transport delay): every glitch is counted and none is filtered, an upper bound where zero-delay counts are a lower one; fa/ha cells are simulated as their xor/and/or gates and their internal wires are not listed`;
}

/** Activity of a vector stream, summarised for printing: per cell kind, with the caveat. */
export interface ActivityReport {
  /** zero, unit or table: the delay model the toggles were counted under. */
  readonly delayModel: DelayModel;
  /** The cell table of the `table` model. */
  readonly delayTable?: string;
  /** Time of the last possible change after an input change (unit: gate delays; table: ps). */
  readonly settleTime?: number;
  readonly note: string;
  readonly vectors: number;
  readonly transitions: number;
  readonly totalToggles: number;
  readonly byKind: readonly KindActivity[];
}

/**
 * Zero-delay activity of a combinational netlist in parts of ACTIVITY_PART vectors, calling
 * `onProgress` after each. Each part starts with the previous part's last vector, so every
 * transition is counted once: the sums are those of one pass (toggle counts are integers,
 * exact in float64).
 */
export const ACTIVITY_PART = 65536;

function activityInParts(
  netlist: Netlist,
  stream: readonly Vector[],
  onProgress: (done: number, total: number) => void,
): Activity {
  const netToggles = new Float64Array(netlist.netCount);
  for (let start = 0; start < stream.length - 1; start += ACTIVITY_PART) {
    const part = stream.slice(start, Math.min(start + ACTIVITY_PART + 1, stream.length));
    const byPort: Record<string, bigint[]> = {};
    for (const p of netlist.inputs) byPort[p.name] = part.map((v) => v[p.name]);
    const a = simulateActivity(netlist, byPort);
    for (let n = 0; n < netToggles.length; n++) netToggles[n] += a.netToggles[n];
    onProgress(start + part.length, stream.length);
  }
  return {
    vectors: stream.length,
    transitions: Math.max(0, stream.length - 1),
    netToggles,
  };
}

export function measureActivity(
  netlist: Netlist,
  stream: readonly Vector[],
  choice: DelayChoice = { model: 'zero' },
  onProgress?: (done: number, total: number) => void,
): ActivityReport {
  const byPort: Record<string, bigint[]> = {};
  for (const p of netlist.inputs) byPort[p.name] = stream.map((v) => v[p.name]);
  if (choice.delays !== undefined) {
    const timed = simulateTimingActivity(netlist, byPort, choice.delays);
    const activity = restrictActivity(timed, netlist);
    return {
      delayModel: choice.model,
      ...(choice.table !== undefined ? { delayTable: choice.table } : {}),
      settleTime: timed.settleTime,
      note: timingNote(choice),
      vectors: activity.vectors,
      transitions: activity.transitions,
      totalToggles: totalToggles(activity),
      byKind: activityByKind(netlist, activity),
    };
  }
  // Parts (for progress) only where no state runs from one vector to the next.
  const activity: Activity =
    onProgress !== undefined && netlist.registers.length === 0 && stream.length > 1
      ? activityInParts(netlist, stream, onProgress)
      : simulateActivity(netlist, byPort);
  return {
    delayModel: 'zero',
    note: ACTIVITY_NOTE,
    vectors: activity.vectors,
    transitions: activity.transitions,
    totalToggles: totalToggles(activity),
    byKind: activityByKind(netlist, activity),
  };
}

export function activityTable(a: ActivityReport): string {
  const rows: (string | number)[][] = [['driver', 'count', 'nets', 'toggles', 'rate']];
  for (const k of a.byKind) rows.push([k.source, k.count, k.nets, k.toggles, k.rate.toFixed(4)]);
  return [
    `switching activity over ${a.vectors} vectors (${a.transitions} transitions), ${a.totalToggles} toggles in all, ${modelText(a)}`,
    formatTable(rows),
    `note: ${a.note}`,
  ].join('\n');
}

function modelText(a: ActivityReport): string {
  if (a.delayModel === 'zero') return 'zero-delay model';
  if (a.delayModel === 'unit')
    return `unit-delay model (settles after ${a.settleTime} gate delays)`;
  return `${a.delayTable} gate delays (settles after ${a.settleTime} ps)`;
}

export function writeVerilog(path: string, netlist: Netlist): void {
  writeFileAtomic(path, toVerilog(netlist), '--verilog');
}

/** A VCD of the stream with every internal net, for GTKWave. */
export function writeVcd(path: string, netlist: Netlist, stream: readonly Vector[]): void {
  writeFileAtomic(path, toVcd(netlist, traceNets(netlist, stream), { internal: true }), '--vcd');
}
