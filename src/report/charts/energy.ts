import type { ChartDataset } from 'chart.js';
import { energyUnit, intLabel } from '../../format.js';
import { ENERGY_CATEGORIES, energyByCategory, NETWORK_NAMES } from '../../study/categories.js';
import { NETWORKS, type ReportResults } from '../../study/results.js';
import { type ChartSpec, chartSpec } from './spec.js';
import { axisTitle, CATEGORY_COLORS, NETWORK_COLORS, titles } from './style.js';

type Bars = ChartDataset<'bar', (number | null)[]>;

function tableTitle(results: ReportResults, id: string): string {
  return results.tables.find((t) => t.id === id)?.title ?? id;
}

/** The table the per-layer chart and the verdict's explanation use. */
export function breakdownTable(results: ReportResults): string | null {
  return results.verdictInputs.breakdownTable ?? results.breakdown[0]?.table ?? null;
}

/** Energy per inference: one group of bars per ASIC table, one bar per network. */
export function energyChart(results: ReportResults): ChartSpec | null {
  if (results.energy.length === 0) return null;
  const tables = [...new Set(results.energy.map((e) => e.table))];
  const { unit, scale } = energyUnit(Math.max(...results.energy.map((e) => e.energyPj)));
  const datasets: Bars[] = NETWORKS.filter((n) => results.energy.some((e) => e.network === n)).map(
    (n) => ({
      label: NETWORK_NAMES[n],
      backgroundColor: NETWORK_COLORS[n],
      data: tables.map((t) => {
        const row = results.energy.find((e) => e.network === n && e.table === t);
        return row === undefined ? null : row.energyPj / scale;
      }),
    }),
  );
  const title = `Energy per inference, ${intLabel(results.meta.defaultBits)}, by ASIC cost table`;
  return chartSpec(
    'energy-per-inference',
    title,
    `Grouped bar chart of energy per inference in ${unit} for each network on each ASIC cost table.`,
    {
      type: 'bar',
      data: { labels: tables.map((t) => tableTitle(results, t)), datasets },
      options: {
        plugins: titles(title, 'op-level model: exact operation counts × energy per operation'),
        scales: {
          y: { beginAtZero: true, grace: '5%', title: axisTitle(`energy per inference (${unit})`) },
        },
      },
    },
  );
}

/** Energy by primitive group: one stacked bar per network (and table, when several). */
export function primitiveChart(results: ReportResults): ChartSpec | null {
  const rows = NETWORKS.flatMap((n) => results.breakdown.filter((b) => b.network === n));
  if (rows.length === 0) return null;
  const manyTables = new Set(rows.map((r) => r.table)).size > 1;
  const sums = rows.map((r) => energyByCategory(r.byPrimitive));
  const totals = sums.map((s) => [...s.values()].reduce((x, y) => x + y, 0));
  const { unit, scale } = energyUnit(Math.max(...totals));
  const datasets: Bars[] = ENERGY_CATEGORIES.filter((c) =>
    sums.some((s) => (s.get(c) ?? 0) > 0),
  ).map((c) => ({
    label: c,
    backgroundColor: CATEGORY_COLORS[c],
    data: sums.map((s) => (s.get(c) ?? 0) / scale),
  }));
  const labels = rows.map((r) =>
    manyTables
      ? `${NETWORK_NAMES[r.network]} (${tableTitle(results, r.table)})`
      : NETWORK_NAMES[r.network],
  );
  const title = 'Energy per inference by primitive';
  const subtitle = manyTables
    ? undefined
    : `${tableTitle(results, rows[0].table)}, ${intLabel(rows[0].bits)}`;
  return chartSpec(
    'energy-by-primitive',
    title,
    `Stacked bar chart of energy per inference in ${unit}, split into sub, abs, add, mul, xnor, popcount, compare, float and memory.`,
    {
      type: 'bar',
      data: { labels, datasets },
      options: {
        plugins: titles(title, subtitle),
        scales: {
          x: { stacked: true },
          y: {
            stacked: true,
            beginAtZero: true,
            grace: '5%',
            title: axisTitle(`energy per inference (${unit})`),
          },
        },
      },
    },
  );
}

/** Energy by layer on the breakdown table: one group per layer, one bar per network. */
export function layerChart(results: ReportResults): ChartSpec | null {
  const table = breakdownTable(results);
  if (table === null) return null;
  const rows = NETWORKS.flatMap((n) =>
    results.breakdown.filter((b) => b.network === n && b.table === table),
  );
  const layers = [...new Set(rows.flatMap((r) => r.byLayer.map((l) => l.layer)))];
  if (layers.length === 0) return null;
  const max = Math.max(...rows.flatMap((r) => r.byLayer.map((l) => l.energyPj)));
  const { unit, scale } = energyUnit(max);
  const datasets: Bars[] = rows.map((r) => ({
    label: NETWORK_NAMES[r.network],
    backgroundColor: NETWORK_COLORS[r.network],
    data: layers.map((name) => {
      const l = r.byLayer.find((x) => x.layer === name);
      return l === undefined ? null : l.energyPj / scale;
    }),
  }));
  const title = 'Energy per inference by layer';
  return chartSpec(
    'energy-by-layer',
    title,
    `Grouped bar chart of energy per inference in ${unit} for each layer and network.`,
    {
      type: 'bar',
      data: { labels: layers, datasets },
      options: {
        plugins: titles(title, `${tableTitle(results, table)}, ${intLabel(rows[0].bits)}`),
        scales: { y: { beginAtZero: true, grace: '5%', title: axisTitle(`energy (${unit})`) } },
      },
    },
  );
}
