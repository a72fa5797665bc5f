import { formatNumber } from '../cost/estimate.js';
import { estimateNetlist } from '../cost/estimate-netlist.js';
import type { AsicCellTable } from '../cost/table-types.js';
import { ADDER_ARCHS, type AdderArch, buildAdder } from '../gen/adders/index.js';
import { simulateActivity } from '../sim/activity.js';
import type { AccumulatorStream } from './operands.js';
import type { AdderArchitecture, AdderSection } from './results.js';

/**
 * Every adder architecture of src/gen at the accumulator width of one adder layer, priced on a
 * cell table: area = Σ cell areas, delay = critical path, energy per addition = Σ over cell
 * outputs of toggles × the cell's switching energy / transitions (src/cost/estimate-netlist.ts).
 *
 * Toggles come from the network's own additions: the stream of (running sum, next |x − w|)
 * pairs an output-stationary accumulator adds while the adder layer runs on real test images
 * (operands.ts), in that order, so consecutive vectors are consecutive cycles of one adder.
 * Zero-delay model: each net counts only its settled change per addition; glitches are not
 * modelled, which flatters long carry chains (ripple carry) most.
 */
export function adderSection(
  table: AsicCellTable,
  stream: AccumulatorStream,
  archs: readonly AdderArch[] = ADDER_ARCHS,
  onArch: (done: number) => void = () => {},
): AdderSection {
  const architectures = archs.map((arch, i): AdderArchitecture => {
    const result = priceAdder(table, arch, stream);
    onArch(i + 1);
    return result;
  });
  return {
    bits: stream.width,
    table: table.name,
    operands: stream.description,
    vectors: stream.sums.length,
    toggleModel: 'zero-delay',
    architectures,
  };
}

function priceAdder(
  table: AsicCellTable,
  arch: AdderArch,
  stream: AccumulatorStream,
): AdderArchitecture {
  const netlist = buildAdder(arch, stream.width);
  const activity = simulateActivity(netlist, {
    a: stream.sums,
    b: stream.addends,
    cin: new Int32Array(stream.sums.length),
  });
  const estimate = estimateNetlist(table, netlist, activity);
  let cellToggles = 0;
  for (const cell of netlist.cells)
    for (const o of cell.outputs) cellToggles += activity.netToggles[o];
  const togglesPerOp = cellToggles / activity.transitions;
  return {
    name: arch,
    cells: netlist.cells.length,
    areaUm2: estimate.areaUm2 as number,
    delayNs: (estimate.criticalPathPs as number) / 1000,
    togglesPerOp,
    energyPerOpPj: estimate.energyPj as number,
    provenance: [
      `netlist ${netlist.name}: ${netlist.cells.length} cells; critical path ${formatNumber(estimate.criticalPathPs as number)} ps from the table's cell delays`,
      `${formatNumber(togglesPerOp)} cell-output toggles per addition over ${activity.transitions} transitions (zero-delay)`,
      ...estimate.provenance(),
      ...estimate.notes,
    ],
  };
}
