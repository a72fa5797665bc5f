import type { ApproxResults, ApproxSide } from '../../study/approx.js';
import { type ChartSpec, chartSpec } from '../charts/spec.js';
import { axisTitle, NETWORK_COLORS, titles, withAlpha } from '../charts/style.js';

/** The chart's id, file stem and image reference. */
export const APPROX_CHART = 'approx-pareto';

/** Energy of a point as a percentage of its side's exact reference. */
export const relativeEnergy = (side: ApproxSide, energyPj: number) =>
  (100 * energyPj) / side.reference.energyPj;

/** The model as named in the sweep, without folders and extension. */
const modelStem = (side: ApproxSide) =>
  side.model.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z]+$/, '');

export const sideName = (side: ApproxSide) =>
  side.slot === 'sub'
    ? 'AdderNet, approximate adders in |x − w|'
    : side.slot === 'mul'
      ? 'CNN, approximate multipliers'
      : `${modelStem(side)}, approximate accumulator adders`;

/** Who the side's Pareto front belongs to, for the legend. */
const frontName = (side: ApproxSide) =>
  side.slot === 'sub'
    ? 'AdderNet'
    : side.slot === 'mul'
      ? 'CNN'
      : `${modelStem(side)} accumulators`;

/** What a side's circuits are, for the chart's text description. */
const circuitsName = (side: ApproxSide) =>
  side.slot === 'sub'
    ? 'adders in an AdderNet'
    : side.slot === 'mul'
      ? 'multipliers in a CNN'
      : `accumulator adders in ${modelStem(side)}`;

/**
 * AdderNet's and the CNN's colours for the |x − w| and multiplier sides; accumulator sides,
 * drawn with triangles and dashed fronts, take the rest of the Okabe-Ito palette in turn.
 */
const ACC_COLORS = [NETWORK_COLORS.bnn, '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

function sideStyle(side: ApproxSide, accIndex: number) {
  if (side.slot === 'acc')
    return {
      color: ACC_COLORS[accIndex % ACC_COLORS.length],
      pointStyle: 'triangle' as const,
      borderDash: [6, 4],
    };
  const color = side.slot === 'sub' ? NETWORK_COLORS.addernet : NETWORK_COLORS.cnn;
  return { color, pointStyle: 'circle' as const, borderDash: [] };
}

/**
 * Accuracy against energy per circuit, both sides on one chart: energy as a percentage of each
 * side's exact reference (the networks' absolute energies differ), every circuit a point and
 * each side's Pareto front a line.
 */
export function approxChart(approx: ApproxResults): ChartSpec {
  const title = 'Approximate arithmetic: accuracy vs energy';
  const accs = approx.sides.filter((s) => s.slot === 'acc');
  const datasets = approx.sides.flatMap((side) => {
    const { color, pointStyle, borderDash } = sideStyle(side, accs.indexOf(side));
    const xy = (p: ApproxSide['points'][number]) => ({
      x: relativeEnergy(side, p.energyPj),
      y: 100 * p.accuracy,
    });
    return [
      {
        label: `${sideName(side)} (${side.points.length} circuits)`,
        data: side.points.map(xy),
        backgroundColor: withAlpha(color, 0.55),
        borderColor: color,
        pointRadius: 4,
        pointStyle,
        showLine: false,
      },
      {
        label: `${frontName(side)} Pareto front`,
        data: side.points.filter((p) => p.pareto).map(xy),
        borderColor: color,
        backgroundColor: color,
        pointRadius: 0,
        borderWidth: 2,
        borderDash,
        showLine: true,
      },
    ];
  });
  return chartSpec(
    APPROX_CHART,
    title,
    `Scatter plot of top-1 accuracy against compute energy per inference (percent of the exact circuit) for ${approx.sides.map((s) => `${s.points.length} ${circuitsName(s)}`).join(' and ')}, with each side's Pareto front as a line.`,
    {
      type: 'scatter',
      data: { datasets },
      options: {
        plugins: titles(
          title,
          'energy: gate-level toggles on the cell table, % of the same network with the exact circuit',
        ),
        scales: {
          x: { title: axisTitle('compute energy per inference (% of exact)') },
          y: { title: axisTitle('top-1 accuracy (%)') },
        },
      },
    },
  );
}
