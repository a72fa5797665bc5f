import { formatEnergy, formatShare } from '../format.js';
import { ENERGY_CATEGORIES, energyByCategory, NETWORK_NAMES } from '../study/categories.js';
import { NETWORKS, type ReportResults } from '../study/results.js';

/**
 * The "why" behind the energy verdict: on one ASIC table (verdictInputs.breakdownTable, else the
 * first table with a breakdown), the share of each network's energy per inference that goes to
 * each primitive group. This is where an AdderNet tap's subtract + absolute value + accumulate
 * meets a CNN tap's multiply + accumulate, and where memory traffic, the same for both, shows.
 */
export function explainBreakdown(results: ReportResults): string[] {
  const table = results.verdictInputs.breakdownTable ?? results.breakdown[0]?.table ?? null;
  if (table === null) return [];
  const rows = NETWORKS.flatMap((net) => {
    const b = results.breakdown.find((r) => r.network === net && r.table === table);
    return b === undefined ? [] : [b];
  });
  if (rows.length === 0) return [];
  const ref = results.tables.find((t) => t.id === table);
  const parts = rows.map((b) => {
    const sums = energyByCategory(b.byPrimitive);
    const total = [...sums.values()].reduce((x, y) => x + y, 0);
    const shares = ENERGY_CATEGORIES.filter((c) => (sums.get(c) ?? 0) > 0)
      .sort((x, y) => (sums.get(y) ?? 0) - (sums.get(x) ?? 0))
      .map((c) => `${c} ${formatShare(sums.get(c) ?? 0, total)}`);
    return `${NETWORK_NAMES[b.network]} ${formatEnergy(total)} (${shares.join(', ')})`;
  });
  const sentences = [
    `On ${ref?.title ?? table}, energy per inference by primitive, largest first: ${parts.join('; ')}.`,
  ];
  const adder = rows.find((b) => b.network === 'addernet');
  if (adder !== undefined) {
    const sums = energyByCategory(adder.byPrimitive);
    const total = [...sums.values()].reduce((x, y) => x + y, 0);
    const tap = (sums.get('sub') ?? 0) + (sums.get('abs') ?? 0);
    const mul = sums.get('mul') ?? 0;
    sentences.push(
      `AdderNet spends ${formatShare(tap, total)} of its energy on the subtract and absolute-value steps a multiplier-free tap adds, ` +
        `and ${formatShare(mul, total)} on the multiplications of the layers it keeps as multiply layers.`,
    );
  }
  return sentences;
}
