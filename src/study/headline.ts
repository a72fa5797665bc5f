import { formatAccuracy, formatEnergy, formatSig, intLabel } from '../format.js';
import { NETWORK_NAMES } from './categories.js';
import { NETWORKS, type ReportResults } from './results.js';

/**
 * The headline numbers of a study as table rows (header first): accuracy at the default width
 * and in float, then energy per inference on each ASIC table, latency on each FPGA table and
 * cycles on each CPU table, one column per network. What the CLI prints after a report.
 */
export function headlineRows(results: ReportResults): string[][] {
  const { accuracy, meta } = results;
  const n = accuracy.testImages;
  const title = (id: string) => results.tables.find((t) => t.id === id)?.title ?? id;
  const nets = NETWORKS.filter((net) => accuracy.networks.some((a) => a.network === net));
  const cell = <R extends { network: string }>(rows: readonly R[], f: (r: R) => string) =>
    nets.map((net) => {
      const r = rows.find((x) => x.network === net);
      return r === undefined ? '—' : f(r);
    });
  const acc = accuracy.networks;
  const rows: string[][] = [
    ['', ...nets.map((net) => NETWORK_NAMES[net])],
    [
      `accuracy ${intLabel(meta.defaultBits)}`,
      ...cell(acc, (a) => {
        const p = a.points.find((x) => x.bits === meta.defaultBits);
        return p === undefined ? '—' : formatAccuracy(p.correct, n);
      }),
    ],
    ['accuracy float', ...cell(acc, (a) => formatAccuracy(a.floatCorrect, n))],
  ];
  const tablesOf = (rows: readonly { table: string }[]) => [...new Set(rows.map((r) => r.table))];
  for (const t of tablesOf(results.energy)) {
    const rs = results.energy.filter((r) => r.table === t);
    rows.push([`energy, ${title(t)}`, ...cell(rs, (r) => formatEnergy(r.energyPj))]);
  }
  for (const t of tablesOf(results.fpga)) {
    const rs = results.fpga.filter((r) => r.table === t);
    rows.push([
      `latency, ${title(t)}`,
      ...cell(rs, (r) => `${formatSig(r.cycles / r.clockMhz, 3)} µs`),
    ]);
  }
  for (const t of tablesOf(results.cpu)) {
    const rs = results.cpu.filter((r) => r.table === t);
    rows.push([`cycles, ${title(t)}`, ...cell(rs, (r) => formatSig(r.cycles, 3))]);
  }
  return rows;
}
