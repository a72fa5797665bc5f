import type { AsicCellTable } from '../cost/table-types.js';
import { formatEnergy } from '../format.js';
import { NETWORK_NAMES } from './categories.js';
import type { QuantizedNetwork } from './inference.js';
import { tableTitle } from './tables.js';

/**
 * The gate-level backend on a sample of test images: every weight layer's PE (or XNOR-popcount)
 * netlist and the requantization multipliers and adders simulated bit by bit. The contract is
 * that its predictions equal the functional backend's; the note states whether they did, and
 * what the measured switching activity costs on the cell table per inference (timing-aware,
 * with the zero-delay figure beside it; comparisons and memory are not simulated at gate level,
 * so this is the datapath only).
 * Cost: about 0.3 s per image per network on one core.
 */
export async function gateLevelNote(
  quantized: readonly QuantizedNetwork[],
  table: AsicCellTable,
  images: readonly number[],
  describe: string,
  tick: () => void,
): Promise<string> {
  const parts: string[] = [];
  let mismatches = 0;
  const left = new Set<string>();
  for (const q of quantized) {
    const sample = await q.gateLevel(images, table);
    tick();
    mismatches += sample.mismatches;
    for (const n of sample.notPriced) left.add(n.replace(/ \(.*\)/, '').split(':')[0]);
    parts.push(
      `${NETWORK_NAMES[q.network.network]} ${sample.energyPj === null ? 'not priced' : formatEnergy(sample.energyPj)}${sample.zeroDelayPj === null ? '' : ` (zero-delay ${formatEnergy(sample.zeroDelayPj)})`}`,
    );
  }
  const agreement =
    mismatches === 0
      ? 'predicted exactly what the functional backend predicted, for every network'
      : `disagreed with the functional backend on ${mismatches} predictions (a bug: the two backends must be bit-identical)`;
  return (
    `Gate-level check on ${describe}: the gate-level backend (every weight layer's datapath netlist simulated bit by bit) ${agreement}. ` +
    `Its measured switching activity prices the simulated datapaths on ${tableTitle(table.name)} at ${parts.join(', ')} per inference ` +
    `(timing-aware: each netlist's measured zero-delay toggles scaled by its glitch factor, the ratio of transport-delay to zero-delay energy on seeded random vectors with the table's gate delays, an estimate; not simulated at gate level: ${[...left].sort().join(', ')}).`
  );
}
