import { InputError } from '../errors.js';
import { SLOT_FLAGS, SLOTS, type Slot } from '../gen/approx/slots.js';
import type { SweepRecord } from '../sweep/spec.js';
import { readRecords } from '../sweep/sweep.js';

/**
 * The "approximate arithmetic" study: sweeps over slot circuits (`sweep --sub-circuit` on an
 * AdderNet, `--mul-circuit` on a CNN, `--acc-circuit` on either) read back as accuracy against
 * energy and area per circuit, with each side's Pareto front. Energy is the network's compute
 * energy per inference on a cell table (gate-level toggles of every simulated netlist, so it
 * follows the circuit); area is the body layer's PE on that table. A side's reference is its
 * exact circuit in the same unit (`loa:0`, `truncmul:0`), else the exact datapath (`none`).
 */
export interface ApproxPoint {
  /** The circuit's key (`loa:4`, `bam:2:6`, `name@hash`), `exact` for the exact datapath. */
  readonly circuit: string;
  readonly correct: number;
  readonly images: number;
  readonly accuracy: number;
  readonly energyPj: number;
  readonly areaUm2: number | null;
  /** No other point is at most as costly and at least as accurate, one of them strictly. */
  readonly pareto: boolean;
}

export interface ApproxSide {
  /**
   * `sub`: adders in AdderNet's |x − w|; `mul`: the CNN's multipliers; `acc`: the accumulators'
   * adders of the sweep's model (either network).
   */
  readonly slot: Slot;
  readonly model: string;
  readonly table: string;
  readonly images: number;
  readonly gateImages: number;
  readonly reference: ApproxPoint;
  /** Cheapest first. */
  readonly points: readonly ApproxPoint[];
}

export interface ApproxResults {
  readonly sides: readonly ApproxSide[];
}

const EXACT_KEYS: Readonly<Record<Slot, string>> = {
  sub: 'loa:0',
  acc: 'loa:0',
  mul: 'truncmul:0',
};

/** The study of sweep results files, one side per file. */
export function approxStudy(files: readonly string[]): ApproxResults {
  return { sides: files.map((file) => approxSide(file, readRecords(file))) };
}

export function approxSide(file: string, records: readonly SweepRecord[]): ApproxSide {
  const priced = records.filter((r) => r.toggleImages !== null && r.computePj !== null);
  const slots = SLOTS.filter((slot) => priced.some((r) => r[slot] !== undefined));
  if (priced.length === 0 || slots.length !== 1)
    throw new InputError(
      `--approx ${file} must be a sweep over one of ${SLOTS.map((s) => SLOT_FLAGS[s]).join(', ')} priced on a cell table, not ${priced.length === 0 ? 'one without cell-table points' : `one over ${slots.length === 0 ? 'no circuits' : slots.map((s) => SLOT_FLAGS[s]).join(' and ')}`}`,
    );
  const slot = slots[0];
  const table = priced[0].table;
  const raw = priced
    .filter((r) => r.table === table)
    .map((r) => ({
      circuit: r[slot] ?? 'exact',
      correct: r.correct,
      images: r.images,
      accuracy: r.accuracy,
      energyPj: r.computePj as number,
      areaUm2: r.peAreaUm2,
    }));
  const points = raw
    .map((p) => ({
      ...p,
      pareto: !raw.some(
        (q) =>
          q.energyPj <= p.energyPj &&
          q.accuracy >= p.accuracy &&
          (q.energyPj < p.energyPj || q.accuracy > p.accuracy),
      ),
    }))
    .sort((a, b) => a.energyPj - b.energyPj || (a.circuit < b.circuit ? -1 : 1));
  const reference =
    points.find((p) => p.circuit === EXACT_KEYS[slot]) ?? points.find((p) => p.circuit === 'exact');
  if (reference === undefined)
    throw new InputError(
      `--approx ${file} must include the exact reference (${EXACT_KEYS[slot]} or none) among its circuits`,
    );
  const settings = priced[0].settings;
  return {
    slot,
    model: String(settings.model),
    table,
    images: priced[0].images,
    gateImages: priced[0].toggleImages as number,
    reference,
    points,
  };
}
