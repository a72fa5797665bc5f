import type { Plugin } from 'chart.js';
import { formatCount, formatEnergy } from '../../format.js';
import type { ReportResults } from '../../study/results.js';
import { type ChartSpec, chartSpec } from './spec.js';
import { axisTitle, titles } from './style.js';

/**
 * Writes each point's label beside it. Chart.js has no built-in data labels; the label text
 * rides along in the data point (`{x, y, label}`), so this plugin needs no outside state.
 */
const pointLabels: Plugin<'scatter'> = {
  id: 'addersimPointLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#222222';
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      meta.data.forEach((element, j) => {
        const point = dataset.data[j] as { label?: string };
        if (point.label === undefined) return;
        const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
        // Points in the right third get their label on the left, so it stays on the canvas.
        const right = x < chart.chartArea.left + (2 * chart.chartArea.width) / 3;
        ctx.textAlign = right ? 'left' : 'right';
        ctx.fillText(point.label, right ? x + 9 : x - 9, y);
      });
    });
    ctx.restore();
  },
};

/** Area against critical-path delay of each adder architecture, labelled with energy per op. */
export function adderChart(results: ReportResults): ChartSpec | null {
  const { adders } = results;
  if (adders.architectures.length === 0) return null;
  const data = adders.architectures.map((a) => ({
    x: a.delayNs,
    y: a.areaUm2,
    label: `${a.name} (${formatEnergy(a.energyPerOpPj)}/op)`,
  }));
  const title = `Adder architectures, ${adders.bits} bits: area vs delay`;
  return chartSpec(
    'adders-area-delay',
    title,
    `Scatter plot of area against critical-path delay for ${adders.architectures.length} ${adders.bits}-bit adder architectures, each labelled with its energy per operation.`,
    {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: 'adder architecture',
            data,
            backgroundColor: '#0072B2',
            borderColor: '#0072B2',
            pointRadius: 5,
          },
        ],
      },
      options: {
        layout: { padding: { left: 10, right: 30 } },
        plugins: {
          ...titles(
            title,
            `energy per op from ${formatCount(adders.vectors)} measured operand vectors; zero-delay toggle model, glitches not modelled`,
          ),
          legend: { display: false },
        },
        scales: {
          x: { beginAtZero: true, grace: '10%', title: axisTitle('critical-path delay (ns)') },
          y: { beginAtZero: true, grace: '10%', title: axisTitle('area (µm²)') },
        },
      },
      plugins: [pointLabels as Plugin],
    },
  );
}
