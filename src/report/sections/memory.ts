import { formatCount, formatEnergy, formatSig } from '../../format.js';
import { NETWORK_NAMES } from '../../study/categories.js';
import { NETWORKS, type ReportResults } from '../../study/results.js';
import { type Block, heading, paragraph, table } from '../document.js';

/**
 * Memory energy by level (a subsection of the ASIC energy section): for each table that prices
 * memory, the buffer sizes the accelerator assumed and each network's energy at the weight
 * buffer, the activation buffer and DRAM, with its share of the network's memory energy.
 * Nothing when the results carry no memory levels (results of earlier versions).
 */
export function memorySection(results: ReportResults): Block[] {
  const rows = results.memory ?? [];
  if (rows.length === 0) return [];
  const blocks: Block[] = [heading(3, 'Memory energy by level')];
  for (const t of [...new Set(rows.map((r) => r.table))]) {
    const mine = NETWORKS.flatMap((n) => rows.filter((r) => r.table === t && r.network === n));
    const first = mine[0];
    const sizes = first.levels
      .map(
        (l) =>
          `${l.level} ${l.capacityKiB === null ? '' : `${formatCount(l.capacityKiB)} KiB, `}${formatSig(l.accessPj, 3)} pJ per 64-bit access`,
      )
      .join('; ');
    blocks.push(
      paragraph(
        `${first.accelerator} (memory energies from ${first.memoryTable}), ${first.dataflow} PE array, priced with ${t}: ${sizes}. Buffer reads follow the array's dataflow folds; a layer whose working set exceeds a buffer goes through DRAM.`,
      ),
      table(
        ['network', 'weights', ...first.levels.map((l) => l.level), 'memory in all'],
        mine.map((r) => {
          const total = r.levels.reduce((s, l) => s + l.energyPj, 0);
          return [
            NETWORK_NAMES[r.network],
            r.weights,
            ...r.levels.map(
              (l) =>
                `${formatEnergy(l.energyPj)} (${total > 0 ? formatSig((100 * l.energyPj) / total, 3) : '0'} %)`,
            ),
            formatEnergy(total),
          ];
        }),
        [false, false, ...first.levels.map(() => true), true],
      ),
    );
  }
  return blocks;
}
