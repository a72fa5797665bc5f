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
import { traceNets } from '../sim/trace.js';
import { formatTable } from './output.js';
import type { Vector } from './vectors.js';

/** Activity of a vector stream, summarised for printing: per cell kind, with the caveat. */
export interface ActivityReport {
  readonly note: string;
  readonly vectors: number;
  readonly transitions: number;
  readonly totalToggles: number;
  readonly byKind: readonly KindActivity[];
}

export function measureActivity(netlist: Netlist, stream: readonly Vector[]): ActivityReport {
  const byPort: Record<string, bigint[]> = {};
  for (const p of netlist.inputs) byPort[p.name] = stream.map((v) => v[p.name]);
  const activity: Activity = simulateActivity(netlist, byPort);
  return {
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
    `switching activity over ${a.vectors} vectors (${a.transitions} transitions), ${a.totalToggles} toggles in all`,
    formatTable(rows),
    `note: ${a.note}`,
  ].join('\n');
}

export function writeVerilog(path: string, netlist: Netlist): void {
  writeFileAtomic(path, toVerilog(netlist));
}

/** A VCD of the stream with every internal net, for GTKWave. */
export function writeVcd(path: string, netlist: Netlist, stream: readonly Vector[]): void {
  writeFileAtomic(path, toVcd(netlist, traceNets(netlist, stream), { internal: true }));
}
