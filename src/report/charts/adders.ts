import { formatCount, formatEnergy } from '../../format.js';
import type { ReportResults } from '../../study/results.js';
import { pointLabelPlugin } from './labels.js';
import { type ChartSpec, chartSpec } from './spec.js';
import { axisTitle, titles } from './style.js';

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
      plugins: [pointLabelPlugin()],
    },
  );
}
