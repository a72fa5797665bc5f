import type { ChartDataset } from 'chart.js';
import { formatCount, intLabel, percent } from '../../format.js';
import { NETWORK_NAMES } from '../../study/categories.js';
import { NETWORKS, type ReportResults } from '../../study/results.js';
import { type ChartSpec, chartSpec } from './spec.js';
import { axisTitle, NETWORK_COLORS, titles } from './style.js';

type Line = ChartDataset<'line', { x: number; y: number }[]>;

/**
 * Accuracy vs bit width: one solid line per network (quantized, bit-accurate) and a dashed
 * horizontal line at its float accuracy, over the same bit range.
 */
export function accuracyChart(results: ReportResults): ChartSpec | null {
  const { accuracy } = results;
  const nets = NETWORKS.flatMap((n) => accuracy.networks.filter((e) => e.network === n));
  const allBits = nets.flatMap((e) => e.points.map((p) => p.bits));
  if (allBits.length === 0) return null;
  const lo = Math.min(...allBits);
  const hi = Math.max(...allBits);
  const datasets: Line[] = nets.flatMap((e): Line[] => {
    const color = NETWORK_COLORS[e.network];
    const name = NETWORK_NAMES[e.network];
    const points = [...e.points]
      .sort((p, q) => p.bits - q.bits)
      .map((p) => ({ x: p.bits, y: percent(p.correct, accuracy.testImages) }));
    const float = percent(e.floatCorrect, accuracy.testImages);
    return [
      { label: `${name} (quantized)`, data: points, borderColor: color, backgroundColor: color },
      {
        label: `${name} (float)`,
        data: [
          { x: lo, y: float },
          { x: hi, y: float },
        ],
        borderColor: color,
        backgroundColor: color,
        borderDash: [6, 4],
        borderWidth: 1.5,
        pointRadius: 0,
      },
    ];
  });
  const title = `Accuracy vs bit width (${accuracy.dataset}, ${formatCount(accuracy.testImages)} test images)`;
  return chartSpec(
    'accuracy-vs-bits',
    title,
    `Line chart of ${accuracy.dataset} test accuracy against activation and weight bit width for ${nets.map((e) => NETWORK_NAMES[e.network]).join(', ')}, with float accuracy dashed.`,
    {
      type: 'line',
      data: { datasets },
      options: {
        plugins: titles(title, `bit-accurate ${accuracy.backend} backend; dashed: float model`),
        scales: {
          x: {
            type: 'linear',
            min: lo,
            max: hi,
            ticks: { stepSize: 1 },
            title: axisTitle('bits (activations and weights)'),
          },
          y: { title: axisTitle('accuracy (%)') },
        },
      },
    },
  );
}

/**
 * Accumulator width vs accuracy: for each curve, WRAP (solid) and SAT (dashed) accuracy
 * against the accumulator width in bits.
 */
export function accumulatorChart(results: ReportResults): ChartSpec | null {
  const { accumulator } = results;
  const curves = accumulator.curves.filter((c) => c.points.length > 0);
  if (curves.length === 0) return null;
  const datasets: Line[] = curves.flatMap((c): Line[] => {
    const color = NETWORK_COLORS[c.network];
    const name = `${NETWORK_NAMES[c.network]} ${intLabel(c.bits)}`;
    const sorted = [...c.points].sort((p, q) => p.accBits - q.accBits);
    const pct = (n: number) => percent(n, accumulator.testImages);
    return [
      {
        label: `${name} WRAP`,
        data: sorted.map((p) => ({ x: p.accBits, y: pct(p.wrapCorrect) })),
        borderColor: color,
        backgroundColor: color,
      },
      {
        label: `${name} SAT`,
        data: sorted.map((p) => ({ x: p.accBits, y: pct(p.satCorrect) })),
        borderColor: color,
        backgroundColor: color,
        borderDash: [6, 4],
        pointStyle: 'rectRot',
      },
    ];
  });
  const title = 'Accumulator width vs accuracy (WRAP vs SAT)';
  const full = curves
    .map((c) => `${NETWORK_NAMES[c.network]} never overflows at ${c.fullWidthBits} bits`)
    .join('; ');
  return chartSpec(
    'accumulator-width',
    title,
    `Line chart of test accuracy against accumulator width, wrapping (solid) and saturating (dashed) on overflow.`,
    {
      type: 'line',
      data: { datasets },
      options: {
        plugins: titles(title, full),
        scales: {
          x: {
            type: 'linear',
            ticks: { stepSize: 1 },
            title: axisTitle('accumulator width (bits)'),
          },
          y: { title: axisTitle('accuracy (%)') },
        },
      },
    },
  );
}
