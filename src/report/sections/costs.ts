import {
  formatArea,
  formatCount,
  formatEnergy,
  formatRatio,
  formatSig,
  intLabel,
} from '../../format.js';
import { NETWORK_NAMES } from '../../study/categories.js';
import { NETWORKS, type Network } from '../../study/results.js';
import { NO_DATA, paragraph, table } from '../document.js';
import type { Section, SectionContext } from './context.js';
import { memorySection } from './memory.js';

const DASH = '—';

/** Rows in table order (as first listed), networks in NETWORKS order within a table. */
function ordered<R extends { table: string; network: Network }>(rows: readonly R[]): R[] {
  const tables = [...new Set(rows.map((r) => r.table))];
  return tables.flatMap((t) =>
    NETWORKS.flatMap((n) => rows.filter((r) => r.table === t && r.network === n)),
  );
}

/**
 * Energy per inference: one row per ASIC table, AdderNet's ratio to each rival (the chart is on
 * the first screen).
 */
export const asicSection: Section = {
  title: 'Energy per inference (ASIC)',
  render({ results, refs }: SectionContext) {
    if (results.energy.length === 0) return [NO_DATA];
    const tables = [...new Set(results.energy.map((e) => e.table))];
    const get = (t: string, n: Network) =>
      results.energy.find((e) => e.table === t && e.network === n)?.energyPj;
    const ratio = (t: string, n: Network) => {
      const a = get(t, 'addernet');
      const o = get(t, n);
      return a === undefined || o === undefined ? DASH : formatRatio(a / o);
    };
    const rows = tables.map((t) => [
      refs.titled(t),
      ...NETWORKS.map((n) => {
        const e = get(t, n);
        return e === undefined ? DASH : formatEnergy(e);
      }),
      ratio(t, 'cnn'),
      ratio(t, 'bnn'),
    ]);
    return [
      paragraph(
        `Energy per inference at ${intLabel(results.meta.defaultBits)}: exact operation counts times each table's energy per operation. A ratio below 1× means AdderNet needs less.`,
      ),
      table(['table', 'AdderNet', 'CNN', 'BNN', 'AdderNet / CNN', 'AdderNet / BNN'], rows, [
        false,
        true,
        true,
        true,
        true,
        true,
      ]),
      ...memorySection(results),
    ];
  },
};

export const fpgaSection: Section = {
  title: 'FPGA: resources, cycles and energy',
  render({ results, refs }: SectionContext) {
    if (results.fpga.length === 0) return [NO_DATA];
    return [
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
          refs.titled(r.table),
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
  },
};

export const cpuSection: Section = {
  title: 'CPU: cycles per tap and per inference',
  render({ results, refs }: SectionContext) {
    if (results.cpu.length === 0) return [NO_DATA];
    return [
      paragraph(
        'Instruction mix times reciprocal throughput. A tap is one |x − w| plus accumulate (AdderNet), one multiply-accumulate (CNN) or one XNOR-popcount step (BNN); the kernel column names the instructions priced.',
      ),
      table(
        ['table', 'network', 'kernel', 'cycles / tap', 'cycles / inference', 'energy'],
        ordered(results.cpu).map((r) => [
          refs.titled(r.table),
          NETWORK_NAMES[r.network],
          r.kernel,
          formatCount(r.cyclesPerTap),
          formatCount(r.cycles),
          r.energyPj === null ? DASH : formatEnergy(r.energyPj),
        ]),
        [false, false, false, true, true, true],
      ),
    ];
  },
};

export const areaSection: Section = {
  title: 'PE area',
  render({ results, refs }: SectionContext) {
    if (results.area.length === 0) return [NO_DATA];
    return [
      table(
        ['table', 'network', 'bits', 'PE area'],
        ordered(results.area).map((r) => [
          refs.titled(r.table),
          NETWORK_NAMES[r.network],
          intLabel(r.bits),
          formatArea(r.areaUm2),
        ]),
        [false, false, false, true],
      ),
    ];
  },
};
