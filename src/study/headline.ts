import {
  formatAccuracy,
  formatArea,
  formatCount,
  formatEnergy,
  formatSig,
  intLabel,
  percent,
} from '../format.js';
import { NETWORK_NAMES } from './categories.js';
import { NETWORKS, type Network, type ReportResults } from './results.js';

/** One row of the headline table: what it measures, on which cost table, and one cell per network. */
export interface HeadlineRow {
  /** `accuracy int8 (float)`, `energy`, `latency`, `cycles`, `PE area`. */
  readonly metric: string;
  /** Cost table id; null for accuracy. */
  readonly table: string | null;
  readonly cells: readonly string[];
}

export interface HeadlineTable {
  readonly networks: readonly Network[];
  readonly rows: readonly HeadlineRow[];
}

/**
 * The headline numbers of a study: accuracy at the default width (float in brackets), then
 * energy per inference on each ASIC table, latency on each FPGA table, cycles on each CPU table
 * and PE area on each table that prices one, one column per network. The report's first screen,
 * the README's table and what the CLI prints after a report all come from here.
 */
export function headlineTable(results: ReportResults): HeadlineTable {
  const { accuracy, meta } = results;
  const n = accuracy.testImages;
  const nets = NETWORKS.filter((net) => accuracy.networks.some((a) => a.network === net));
  const cell = <R extends { network: string }>(rows: readonly R[], f: (r: R) => string) =>
    nets.map((net) => {
      const r = rows.find((x) => x.network === net);
      return r === undefined ? '—' : f(r);
    });
  const rows: HeadlineRow[] = [
    {
      metric: `accuracy ${intLabel(meta.defaultBits)} (float)`,
      table: null,
      cells: cell(accuracy.networks, (a) => {
        const p = a.points.find((x) => x.bits === meta.defaultBits);
        // The float accuracy without its unit: the cell stays narrow enough for a first screen.
        const float = percent(a.floatCorrect, n).toFixed(2);
        return p === undefined ? `— (${float})` : `${formatAccuracy(p.correct, n)} (${float})`;
      }),
    },
  ];
  const perTable = <R extends { table: string; network: string }>(
    metric: string,
    source: readonly R[],
    f: (r: R) => string,
  ) => {
    for (const t of [...new Set(source.map((r) => r.table))]) {
      rows.push({
        metric,
        table: t,
        cells: cell(
          source.filter((r) => r.table === t),
          f,
        ),
      });
    }
  };
  perTable('energy', results.energy, (r) => formatEnergy(r.energyPj));
  perTable('latency', results.fpga, (r) => `${formatSig(r.cycles / r.clockMhz, 3)} µs`);
  perTable('cycles', results.cpu, (r) => formatCount(r.cycles));
  perTable('PE area', results.area, (r) => formatArea(r.areaUm2));
  return { networks: nets, rows };
}

/** The headline as plain rows (header first, the table's title after the metric): what the CLI prints. */
export function headlineRows(results: ReportResults): string[][] {
  const { networks, rows } = headlineTable(results);
  const title = (id: string) => results.tables.find((t) => t.id === id)?.title ?? id;
  return [
    ['', ...networks.map((net) => NETWORK_NAMES[net])],
    ...rows.map((r) => [
      r.table === null ? r.metric : `${r.metric}, ${title(r.table)}`,
      ...r.cells,
    ]),
  ];
}
