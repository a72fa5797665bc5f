import { formatCount } from '../../format.js';
import { NETWORK_NAMES } from '../../study/categories.js';
import { NETWORKS, type Network, type ReportResults } from '../../study/results.js';
import { type Block, heading, type ListItem, list, paragraph, table } from '../document.js';
import { toggleCaveat } from './adders.js';

function titleOf(results: ReportResults, id: string): string {
  return results.tables.find((t) => t.id === id)?.title ?? id;
}

/** Every cost table cited, then every cost with the table rows and scaling steps behind it. */
export function provenanceSection(results: ReportResults): Block[] {
  const items = <R extends { network: Network; table: string; provenance: readonly string[] }>(
    rows: readonly R[],
    what: string,
  ): ListItem[] =>
    NETWORKS.flatMap((n) => rows.filter((r) => r.network === n)).map((r) => ({
      text: `${NETWORK_NAMES[r.network]}, ${what} on ${titleOf(results, r.table)}:`,
      sub: r.provenance,
    }));
  const groups: [string, ListItem[]][] = [
    ['ASIC energy per inference', items(results.energy, 'energy per inference')],
    ['FPGA', items(results.fpga, 'resources, cycles and energy')],
    ['CPU', items(results.cpu, 'cycles and energy')],
    ['PE area', items(results.area, 'PE area')],
    [
      'Adder architectures',
      results.adders.architectures.map((a) => ({
        text: `${a.name} on ${titleOf(results, results.adders.table)}:`,
        sub: a.provenance,
      })),
    ],
  ];
  return [
    heading(2, 'Cost tables and provenance'),
    table(
      ['id', 'title', 'kind', 'technology', 'source'],
      results.tables.map((t) => [t.id, t.title, t.kind, t.technology, t.source]),
      [false, false, false, false, false],
    ),
    ...groups.flatMap(([title, entries]) =>
      entries.length === 0 ? [] : [heading(3, title), list(entries)],
    ),
  ];
}

/** What the numbers are and are not. */
export function methodSection(results: ReportResults, chartNote: string | null): Block[] {
  const notes = [
    `Accuracy is counted exactly over ${formatCount(results.accuracy.testImages)} test images by the bit-accurate ${results.accuracy.backend} backend; every percentage is correct / total.`,
    'Operation counts are exact per inference. Every cost lists the table row that priced it and each scaling step applied; an operation a table cannot price is an error, never a zero.',
    toggleCaveat(results),
    'FPGA latency is cycles divided by the clock each design closes at; CPU cycles are an instruction-mix model (count times reciprocal throughput), not a measurement on hardware.',
  ];
  if (chartNote !== null) notes.push(chartNote);
  return [
    heading(2, 'Method and caveats'),
    list(notes),
    paragraph(
      'results.json holds every number of this report exactly; the CSV files hold each table.',
    ),
  ];
}
