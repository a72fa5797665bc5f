import type { Netlist } from '../ir/netlist.js';
import { formatNumber } from './estimate.js';
import { estimateNetlist } from './estimate-netlist.js';
import type { AsicCellTable } from './table-types.js';

/** A netlist the gate backend simulated, with its switching activity over the run. */
export interface MeasuredNetlist {
  readonly netlist: Netlist;
  /** Netlist evaluations (cycles of a PE, vectors of a combinational netlist), all lanes. */
  readonly evaluations: number;
  /** Transitions whose toggles were counted. */
  readonly transitions: number;
  /** Toggles per net over the counted transitions (zero-delay). */
  readonly netToggles: Float64Array;
}

/** What a glitch model (pipeline/glitch.ts) says of one netlist on one cell table. */
export interface GlitchFactor {
  /** timedPj / zeroPj (1 when the netlist has no switching energy at all). */
  readonly factor: number;
  /** Toggles, timing-aware over zero-delay, over all nets of the expanded netlist. */
  readonly toggleFactor: number;
  readonly zeroPj: number;
  readonly timedPj: number;
  readonly delayModel: 'table' | 'unit';
  readonly vectors: number;
}

/**
 * The glitch factor of a netlist on a cell table; injected by the caller, which may simulate
 * (cost reads counts, never simulators).
 */
export type GlitchModel = (table: AsicCellTable, netlist: Netlist) => GlitchFactor;

/**
 * Gate-level energy per inference: for every netlist the run used, the cell estimate per
 * evaluation (measured zero-delay toggles / counted transitions) times its evaluations, over
 * images: `zeroPj`. The timing-aware figure `timedPj` (the default the report quotes) scales
 * each netlist's part by its glitch factor (`activity.glitch`: timing-aware over zero-delay
 * energy of the same netlist on seeded random vectors, an estimate); without a glitch model,
 * `timedPj` is null. Either is null when a netlist cannot be priced.
 */
export function gateEnergy(
  table: AsicCellTable,
  activity: {
    readonly netlists: readonly MeasuredNetlist[];
    readonly images: number;
    readonly glitch?: GlitchModel;
  },
  provenance: string[],
  notPriced: string[],
): { zeroPj: number | null; timedPj: number | null } {
  let zero: number | null = 0;
  let timed: number | null = activity.glitch ? 0 : null;
  for (const a of activity.netlists) {
    if (a.transitions === 0) {
      notPriced.push(`${a.netlist.name}: evaluated once, no transition to measure its toggles on`);
      zero = timed = null;
      continue;
    }
    const est = estimateNetlist(table, a.netlist, {
      vectors: a.transitions + 1,
      transitions: a.transitions,
      netToggles: a.netToggles,
    });
    if (est.energyPj === undefined) {
      notPriced.push(`${a.netlist.name}: ${est.notes.join('; ')}`);
      zero = timed = null;
      continue;
    }
    const perEvaluation = est.energyPj;
    const perImage = (perEvaluation * a.evaluations) / activity.images;
    if (zero !== null) zero += perImage;
    const line = `${a.netlist.name}: ${formatNumber(perEvaluation)} pJ per evaluation x ${formatNumber(a.evaluations / activity.images)} evaluations per image = ${formatNumber(perImage)} pJ <- ${table.name} cells, ${formatNumber(a.transitions)} transitions measured (zero-delay toggles)`;
    if (!activity.glitch) {
      provenance.push(line);
      continue;
    }
    const glitch = activity.glitch(table, a.netlist);
    if (timed !== null) timed += perImage * glitch.factor;
    const delays = glitch.delayModel === 'table' ? `${table.name} gate delays` : 'unit gate delays';
    provenance.push(
      `${line}; x glitch factor ${formatNumber(glitch.factor)} = ${formatNumber(perImage * glitch.factor)} pJ timing-aware (estimate: ${delays}, transport delay, ${glitch.vectors} seeded random vectors)`,
    );
  }
  return { zeroPj: zero, timedPj: timed };
}
