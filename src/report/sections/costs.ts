import {
  formatArea,
  formatCount,
  formatEnergy,
  formatRatio,
  formatSig,
  intLabel,
} from '../../format.js';
import { NETWORK_NAMES } from '../../study/categories.js';
import { NETWORKS, type Network, type ReportResults } from '../../study/results.js';
import {
  type Block,
  type ChartRef,
  heading,
  image,
  NO_DATA,
  paragraph,
  table,
} from '../document.js';

const DASH = '—';

function titleOf(results: ReportResults, id: string): string {
  return results.tables.find((t) => t.id === id)?.title ?? id;
}

/** Rows in table order (as first listed), networks in NETWORKS order within a table. */
function ordered<R extends { table: string; network: Network }>(rows: readonly R[]): R[] {
  const tables = [...new Set(rows.map((r) => r.table))];
  return tables.flatMap((t) =>
    NETWORKS.flatMap((n) => rows.filter((r) => r.table === t && r.network === n)),
  );
}

/** Energy per inference: one row per ASIC table, AdderNet's ratio to each rival. */
export function asicSection(results: ReportResults, charts: readonly ChartRef[]): Block[] {
  const head = heading(2, 'Energy per inference (ASIC)');
  if (results.energy.length === 0) return [head, NO_DATA];
  const tables = [...new Set(results.energy.map((e) => e.table))];
  const get = (t: string, n: Network) =>
    results.energy.find((e) => e.table === t && e.network === n)?.energyPj;
  const ratio = (t: string, n: Network) => {
    const a = get(t, 'addernet');
    const o = get(t, n);
    return a === undefined || o === undefined ? DASH : formatRatio(a / o);
  };
  const rows = tables.map((t) => [
    titleOf(results, t),
    ...NETWORKS.map((n) => {
      const e = get(t, n);
      return e === undefined ? DASH : formatEnergy(e);
    }),
    ratio(t, 'cnn'),
    ratio(t, 'bnn'),
  ]);
  return [
    head,
    paragraph(
      `Energy per inference at ${intLabel(results.meta.defaultBits)}: exact operation counts times each table's energy per operation. A ratio below 1× means AdderNet needs less.`,
    ),
    ...image(charts, 'energy-per-inference'),
    table(['table', 'AdderNet', 'CNN', 'BNN', 'AdderNet / CNN', 'AdderNet / BNN'], rows, [
      false,
      true,
      true,
      true,
      true,
      true,
    ]),
  ];
}

export function fpgaSection(results: ReportResults): Block[] {
  const head = heading(2, 'FPGA: resources, cycles and energy');
  if (results.fpga.length === 0) return [head, NO_DATA];
  return [
    head,
    paragraph(
      "Processing elements that fit each part's LUT and DSP budget, the clock their critical path allows, and cycles per inference. " +
        'FPGA energy is shown only where a table prices it; there is no public per-operation FPGA energy table.',
    ),
    table(
      [
        'table',
        'network',
        'LUTs / PE',
        'DSPs / PE',
        'PEs',
        'clock (MHz)',
        'cycles',
        'latency (µs)',
        'energy',
      ],
      ordered(results.fpga).map((r) => [
        titleOf(results, r.table),
        NETWORK_NAMES[r.network],
        formatCount(r.lutsPerPe),
        formatCount(r.dspsPerPe),
        formatCount(r.pes),
        formatSig(r.clockMhz, 3),
        formatCount(r.cycles),
        formatSig(r.cycles / r.clockMhz, 3),
        r.energyPj === null ? DASH : formatEnergy(r.energyPj),
      ]),
      [false, false, true, true, true, true, true, true, true],
    ),
  ];
}

export function cpuSection(results: ReportResults): Block[] {
  const head = heading(2, 'CPU: cycles per tap and per inference');
  if (results.cpu.length === 0) return [head, NO_DATA];
  return [
    head,
    paragraph(
      'Instruction mix times reciprocal throughput. A tap is one |x − w| plus accumulate (AdderNet), one multiply-accumulate (CNN) or one XNOR-popcount step (BNN); the kernel column names the instructions priced.',
    ),
    table(
      ['table', 'network', 'kernel', 'cycles / tap', 'cycles / inference', 'energy'],
      ordered(results.cpu).map((r) => [
        titleOf(results, r.table),
        NETWORK_NAMES[r.network],
        r.kernel,
        formatCount(r.cyclesPerTap),
        formatCount(r.cycles),
        r.energyPj === null ? DASH : formatEnergy(r.energyPj),
      ]),
      [false, false, false, true, true, true],
    ),
  ];
}

export function areaSection(results: ReportResults): Block[] {
  const head = heading(2, 'PE area');
  if (results.area.length === 0) return [head, NO_DATA];
  return [
    head,
    table(
      ['table', 'network', 'bits', 'PE area'],
      ordered(results.area).map((r) => [
        titleOf(results, r.table),
        NETWORK_NAMES[r.network],
        intLabel(r.bits),
        formatArea(r.areaUm2),
      ]),
      [false, false, false, true],
    ),
  ];
}
