import { formatCount, formatEnergy, formatShare } from '../../format.js';
import { NETWORK_NAMES, opKey } from '../../study/categories.js';
import { NETWORKS, type ReportResults } from '../../study/results.js';
import { breakdownTable } from '../charts/energy.js';
import {
  type Block,
  type ChartRef,
  heading,
  image,
  NO_DATA,
  paragraph,
  table,
} from '../document.js';

function titleOf(results: ReportResults, id: string): string {
  return results.tables.find((t) => t.id === id)?.title ?? id;
}

/** One row per network, table and primitive (op:bits): exact count, energy, share of the total. */
export function primitiveSection(results: ReportResults, charts: readonly ChartRef[]): Block[] {
  const head = heading(2, 'Energy by primitive');
  const rows = NETWORKS.flatMap((n) => results.breakdown.filter((b) => b.network === n));
  if (rows.length === 0) return [head, NO_DATA];
  return [
    head,
    paragraph(
      'Exact count per inference of each primitive, and the energy it costs on the table. Memory groups SRAM and DRAM reads and writes; layers that stay multiply layers are included.',
    ),
    ...image(charts, 'energy-by-primitive'),
    table(
      ['network', 'table', 'op', 'count', 'energy', 'share'],
      rows.flatMap((b) => {
        const total = b.byPrimitive.reduce((s, p) => s + p.energyPj, 0);
        return b.byPrimitive.map((p) => [
          NETWORK_NAMES[b.network],
          titleOf(results, b.table),
          opKey(p),
          formatCount(p.count),
          formatEnergy(p.energyPj),
          formatShare(p.energyPj, total),
        ]);
      }),
      [false, false, false, true, true, true],
    ),
  ];
}

/** Energy by layer on each breakdown table: one row per layer, one column per network. */
export function layerSection(results: ReportResults, charts: readonly ChartRef[]): Block[] {
  const head = heading(2, 'Energy by layer');
  const chartTable = breakdownTable(results);
  const tables = [...new Set(results.breakdown.map((b) => b.table))];
  if (
    chartTable === null ||
    tables.every((t) => results.breakdown.every((b) => b.table !== t || b.byLayer.length === 0))
  ) {
    return [head, NO_DATA];
  }
  const blocks: Block[] = [head, ...image(charts, 'energy-by-layer')];
  for (const t of tables) {
    const rows = NETWORKS.flatMap((n) =>
      results.breakdown.filter((b) => b.table === t && b.network === n),
    );
    const layers = [...new Set(rows.flatMap((r) => r.byLayer.map((l) => l.layer)))];
    if (layers.length === 0) continue;
    if (tables.length > 1) blocks.push(heading(3, titleOf(results, t)));
    blocks.push(
      table(
        ['layer', ...rows.map((r) => NETWORK_NAMES[r.network])],
        layers.map((name) => [
          name,
          ...rows.map((r) => {
            const l = r.byLayer.find((x) => x.layer === name);
            return l === undefined ? '—' : `${formatEnergy(l.energyPj)} (${l.kind})`;
          }),
        ]),
        [false, ...rows.map(() => true)],
      ),
    );
  }
  return blocks;
}
