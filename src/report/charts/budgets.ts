import type { ChartDataset } from 'chart.js';
import { formatCount } from '../../format.js';
import { NETWORK_NAMES } from '../../study/categories.js';
import { NETWORKS, type ReportResults } from '../../study/results.js';
import { type ChartSpec, chartSpec } from './spec.js';
import { axisTitle, NETWORK_COLORS, titles, withAlpha } from './style.js';

type Bars = ChartDataset<'bar', (number | null)[]>;

/**
 * Operation budgets of the standard architectures on a log scale: for each network, its
 * multiplications (solid) and all its other primitive operations (light), from the explicit
 * counts. A zero count has no place on a log axis and is left out (the table shows it).
 */
export function budgetChart(results: ReportResults): ChartSpec | null {
  const archs = results.budgets.architectures;
  if (archs.length === 0) return null;
  const nets = NETWORKS.filter((n) => archs.some((a) => a.networks.some((b) => b.network === n)));
  const sum = (arch: (typeof archs)[number], net: string, muls: boolean): number | null => {
    const b = arch.networks.find((x) => x.network === net);
    if (b === undefined) return null;
    const total = b.explicit
      .filter((c) => (c.op === 'mul') === muls)
      .reduce((acc, c) => acc + c.count, 0);
    return total > 0 ? total : null;
  };
  const datasets: Bars[] = nets.flatMap((n): Bars[] => [
    {
      label: `${NETWORK_NAMES[n]} multiplications`,
      backgroundColor: NETWORK_COLORS[n],
      data: archs.map((a) => sum(a, n, true)),
    },
    {
      label: `${NETWORK_NAMES[n]} other operations`,
      backgroundColor: withAlpha(NETWORK_COLORS[n], 0.4),
      borderColor: NETWORK_COLORS[n],
      borderWidth: 1,
      data: archs.map((a) => sum(a, n, false)),
    },
  ]);
  const title = 'Operation budgets per inference (explicit primitive counts)';
  return chartSpec(
    'operation-budgets',
    title,
    `Bar chart on a log scale of multiplications and other operations per inference for ${archs.length} architectures as CNN, AdderNet and BNN.`,
    {
      type: 'bar',
      data: { labels: archs.map((a) => `${a.name} (${a.dataset})`), datasets },
      options: {
        plugins: titles(title, 'log scale; zero counts are not drawn'),
        scales: {
          y: {
            type: 'logarithmic',
            title: axisTitle('operations per inference'),
            // Label powers of ten only: 1, 10, 100, ... stay readable across nine decades.
            ticks: {
              callback: (v) =>
                Number.isInteger(Math.log10(Number(v))) ? formatCount(Number(v)) : '',
            },
          },
        },
      },
    },
  );
}
