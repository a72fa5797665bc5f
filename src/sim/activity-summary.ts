import type { Activity } from '../ir/activity.js';
import { CELL_KINDS, type CellKind } from '../ir/gates.js';
import type { Netlist } from '../ir/netlist.js';

/** The caveat every printed activity figure carries (tables, reports, CLI output). */
export const ACTIVITY_NOTE =
  'zero-delay toggle counts: each net settles once per vector; glitches are not modelled, so real circuits toggle more';

/** Where a toggling net comes from: a cell kind, a register output or an input port bit. */
export type ActivitySource = CellKind | 'register' | 'input';

export interface KindActivity {
  readonly source: ActivitySource;
  /** Cells of this kind (registers, input bits). */
  readonly count: number;
  /** Output nets of these cells (2 per fa and ha). */
  readonly nets: number;
  /** Toggles of those nets over the stream, summed over lanes (zero-delay: no glitches). */
  readonly toggles: number;
  /** toggles / (nets · transitions): the average toggle probability per net and transition. */
  readonly rate: number;
}

/**
 * Aggregates per-net toggles by the kind of what drives each net: the input to a gate-level
 * energy model that prices one switching event per cell kind (`Σ toggles × energy per toggle`).
 * Rows come in `CELL_KINDS` order, then registers, then inputs; kinds absent from the netlist
 * are left out. A macro cell's two outputs (fa/ha sum and cout) are both counted.
 */
export function activityByKind(netlist: Netlist, activity: Activity): KindActivity[] {
  const acc = new Map<ActivitySource, { count: number; nets: number; toggles: number }>();
  const add = (source: ActivitySource, nets: readonly number[]) => {
    const entry = acc.get(source) ?? { count: 0, nets: 0, toggles: 0 };
    entry.count++;
    entry.nets += nets.length;
    for (const n of nets) entry.toggles += activity.netToggles[n];
    acc.set(source, entry);
  };
  for (const cell of netlist.cells) add(cell.kind, cell.outputs);
  for (const r of netlist.registers) add('register', [r.q]);
  for (const p of netlist.inputs) for (const b of p.bits) add('input', [b]);
  const order: ActivitySource[] = [...CELL_KINDS, 'register', 'input'];
  return order.flatMap((source) => {
    const e = acc.get(source);
    if (e === undefined) return [];
    const rate =
      e.nets === 0 || activity.transitions === 0 ? 0 : e.toggles / (e.nets * activity.transitions);
    return [{ source, count: e.count, nets: e.nets, toggles: e.toggles, rate }];
  });
}

/** Total toggles of every net (inputs included). */
export function totalToggles(activity: Activity): number {
  let sum = 0;
  for (const t of activity.netToggles) sum += t;
  return sum;
}
