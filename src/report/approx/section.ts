import { formatArea, formatEnergy } from '../../format.js';
import type { ApproxPoint, ApproxResults, ApproxSide } from '../../study/approx.js';
import { type Block, type ChartRef, heading, image, list, paragraph, table } from '../document.js';
import { APPROX_CHART, relativeEnergy, sideName } from './chart.js';

/** The accuracy a circuit may lose and still count as tolerated, in percentage points. */
const TOLERANCE_PP = 1;

/** Accuracy difference in percentage points, for printing. */
const pp = (a: ApproxPoint, ref: ApproxPoint) => 100 * (a.accuracy - ref.accuracy);

/**
 * Whether `a` lost at most TOLERANCE_PP points against `ref`, decided exactly on the counts
 * (100·(a.correct·ref.images − ref.correct·a.images) ≥ −TOLERANCE_PP·a.images·ref.images), so
 * that 0.98 against 0.99 is exactly one point, whatever floating point makes of it.
 */
const withinTolerance = (a: ApproxPoint, ref: ApproxPoint) =>
  100 * (a.correct * ref.images - ref.correct * a.images) >= -TOLERANCE_PP * a.images * ref.images;
const pct = (x: number) => `${x.toFixed(2)}%`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;

/** The cheapest circuit within TOLERANCE_PP of the reference's accuracy. */
export function cheapestTolerated(side: ApproxSide): ApproxPoint {
  return side.points.find((p) => withinTolerance(p, side.reference)) ?? side.reference;
}

function sideLine(side: ApproxSide): string {
  const ref = side.reference;
  const best = cheapestTolerated(side);
  const front = side.points.filter((p) => p.pareto);
  const saving = 100 - relativeEnergy(side, best.energyPj);
  const plain = side.points.find((p) => p.circuit === 'exact');
  return (
    `${sideName(side)}: the exact circuit (${ref.circuit}) reaches ${pct(100 * ref.accuracy)} at ${formatEnergy(ref.energyPj)} per inference; ` +
    `the cheapest circuit within ${TOLERANCE_PP} point of it is ${best.circuit} (${pct(100 * best.accuracy)}, ${signed(pp(best, ref))} points) at ${formatEnergy(best.energyPj)}, ` +
    `${saving.toFixed(1)}% less energy${best.areaUm2 !== null && ref.areaUm2 !== null ? `, PE area ${formatArea(best.areaUm2)} against ${formatArea(ref.areaUm2)}` : ''}. ` +
    `Pareto front: ${front.map((p) => `${p.circuit} (${pct(100 * p.accuracy)} at ${relativeEnergy(side, p.energyPj).toFixed(1)}%)`).join(', ')}.` +
    (plain === undefined || plain === ref
      ? ''
      : ` The network's own exact datapath (no slot circuit) costs ${relativeEnergy(side, plain.energyPj).toFixed(1)}% of the reference.`)
  );
}

const saving = (s: ApproxSide) => 100 - relativeEnergy(s, cheapestTolerated(s).energyPj);
const approximate = (s: ApproxSide) =>
  s.points.filter((p) => p.circuit !== s.reference.circuit && p.circuit !== 'exact');
const tolerated = (s: ApproxSide) =>
  approximate(s).filter((p) => withinTolerance(p, s.reference)).length;

/** Which side tolerates approximation better, from the energy each saves within tolerance. */
function comparison(approx: ApproxResults): string | null {
  const sub = approx.sides.find((s) => s.slot === 'sub');
  const mul = approx.sides.find((s) => s.slot === 'mul');
  if (sub === undefined || mul === undefined) return null;
  const [a, c] = [saving(sub), saving(mul)];
  return (
    `Within ${TOLERANCE_PP} accuracy point of exact, ${tolerated(sub)} of ${approximate(sub).length} approximate adders keep the AdderNet and ${tolerated(mul)} of ${approximate(mul).length} approximate multipliers keep the CNN; ` +
    `the best tolerated adder saves ${a.toFixed(1)}% of the AdderNet's compute energy and the best tolerated multiplier ${c.toFixed(1)}% of the CNN's` +
    `${a > c ? ', so here the AdderNet gains more from approximation' : a < c ? ', so here the CNN gains more from approximation' : ''}.`
  );
}

/** The accumulator sides side by side (one sentence, when there are several). */
function accComparison(approx: ApproxResults): string | null {
  const accs = approx.sides.filter((s) => s.slot === 'acc');
  if (accs.length < 2) return null;
  return `Accumulator adders, within ${TOLERANCE_PP} accuracy point of each side's exact one: ${accs
    .map(
      (s) =>
        `${tolerated(s)} of ${approximate(s).length} keep ${sideName(s).replace(/, .*$/, '')} (the best saves ${saving(s).toFixed(1)}% of its compute energy)`,
    )
    .join('; ')}.`;
}

/** The "Approximate arithmetic" section (shown only when sweep results are given). */
export function approxSection(approx: ApproxResults, charts: readonly ChartRef[]): Block[] {
  const blocks: Block[] = [
    heading(2, 'Approximate arithmetic'),
    paragraph(
      'Each arithmetic slot of a processing element can hold an approximate circuit: the adder inside AdderNet’s |x − w| unit, the CNN’s multiplier (sign-magnitude around an unsigned multiplier), or the accumulator’s adder of either network. ' +
        'Accuracy comes from the functional backend (lookup tables simulated from the |x − w| and multiplier circuits; accumulator adders simulated tap by tap); energy is the compute energy per inference from gate-level toggles of every netlist the gate backend simulated with that circuit, priced on the cell table; area is the body layer’s PE.',
    ),
    list(
      approx.sides.map(
        (s) =>
          `${sideName(s)}: ${s.model}, ${s.images} test images for accuracy, ${s.gateImages} at gate level for energy, table ${s.table}.`,
      ),
    ),
    ...image(charts, APPROX_CHART),
    list([
      ...approx.sides.map(sideLine),
      ...[comparison(approx), accComparison(approx)].filter((t) => t !== null),
    ]),
  ];
  for (const side of approx.sides) {
    blocks.push(
      heading(3, sideName(side)),
      table(
        [
          'circuit',
          'accuracy',
          'vs exact (points)',
          'energy / inference',
          'energy vs exact',
          'PE area',
          'Pareto',
        ],
        side.points.map((p) => [
          p.circuit,
          pct(100 * p.accuracy),
          signed(pp(p, side.reference)),
          formatEnergy(p.energyPj),
          `${relativeEnergy(side, p.energyPj).toFixed(1)}%`,
          p.areaUm2 === null ? '-' : formatArea(p.areaUm2),
          p.pareto ? 'yes' : '',
        ]),
        [false, true, true, true, true, true, false],
      ),
    );
  }
  return blocks;
}
