import { formatEnergy, formatShare } from '../../format.js';
import { ENERGY_CATEGORIES, energyByCategory, NETWORK_NAMES } from '../../study/categories.js';
import { NETWORKS } from '../../study/results.js';
import { breakdownTable } from '../charts/energy.js';
import { image, NO_DATA, paragraph, table } from '../document.js';
import type { Section, SectionContext } from './context.js';

/**
 * Energy by primitive group (sub, abs, add, mul, ..., memory), one row per network and table,
 * each cell the group's energy and its share. Every op at every width is in
 * energy-by-primitive.csv; the page keeps the summary.
 */
export const primitiveSection: Section = {
  title: 'Energy by primitive',
  render({ results, charts, refs }: SectionContext) {
    const rows = NETWORKS.flatMap((n) => results.breakdown.filter((b) => b.network === n));
    if (rows.length === 0) return [NO_DATA];
    const sums = rows.map((b) => energyByCategory(b.byPrimitive));
    const used = ENERGY_CATEGORIES.filter((c) => sums.some((s) => (s.get(c) ?? 0) > 0));
    return [
      paragraph(
        'Energy per inference by primitive group, with its share of the total. Memory groups SRAM and DRAM reads and writes; layers that stay multiply layers are included. ' +
          'The exact count and energy of every primitive at every bit width are in energy-by-primitive.csv.',
      ),
      ...image(charts, 'energy-by-primitive'),
      table(
        ['network', 'table', 'total', ...used],
        rows.map((b, i) => {
          const total = [...sums[i].values()].reduce((x, y) => x + y, 0);
          return [
            NETWORK_NAMES[b.network],
            refs.titled(b.table),
            formatEnergy(total),
            ...used.map((c) => {
              const e = sums[i].get(c) ?? 0;
              return e === 0 ? '—' : `${formatEnergy(e)} (${formatShare(e, total)})`;
            }),
          ];
        }),
        [false, false, true, ...used.map(() => true)],
      ),
    ];
  },
};

/**
 * Energy by layer on the breakdown table the verdict explains (one row per layer, one column
 * per network); every table's layers are in energy-by-layer.csv.
 */
export const layerSection: Section = {
  title: 'Energy by layer',
  render({ results, charts, refs }: SectionContext) {
    const t = breakdownTable(results);
    const rows =
      t === null
        ? []
        : NETWORKS.flatMap((n) =>
            results.breakdown.filter((b) => b.table === t && b.network === n),
          );
    const layers = [...new Set(rows.flatMap((r) => r.byLayer.map((l) => l.layer)))];
    if (t === null || layers.length === 0) return [NO_DATA];
    return [
      paragraph(
        `Energy per inference of each layer on ${refs.titled(t)} (layer kind in brackets); energy-by-layer.csv holds every ASIC table.`,
      ),
      ...image(charts, 'energy-by-layer'),
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
    ];
  },
};
