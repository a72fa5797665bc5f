import type { AsicEnergy, CpuCost, EnergyBreakdown, FpgaCost, PeArea } from '../report/results.js';
import { cellTableArea, opTableArea, peShape } from './area.js';
import { countDifferences, type NetworkCounts, networkCounts } from './counts.js';
import { cpuCannotRun, cpuCost } from './cpu.js';
import { asicEnergy } from './energy.js';
import { fpgaCost } from './fpga.js';
import { bodyWorks, type StudyNetwork } from './networks.js';
import type { StudyTables } from './tables.js';

/**
 * Every cost row of the report at the default bit width: energy and its breakdown on each
 * op-level ASIC table, cycles on each FPGA and CPU table, PE area on every table that gives
 * areas, for each network, all priced from the engine's exact counts of one inference.
 *
 * The engine's counters are held against src/budget's analytic counts of the same graph: two
 * independent countings. Agreement or every difference goes into `notes`; a CPU table whose
 * kernels cannot take the operand width is left out for every network alike (also noted).
 */
export interface CostSections {
  readonly energy: readonly AsicEnergy[];
  readonly breakdown: readonly EnergyBreakdown[];
  readonly fpga: readonly FpgaCost[];
  readonly cpu: readonly CpuCost[];
  readonly area: readonly PeArea[];
  readonly notes: readonly string[];
}

export function costSections(
  tables: StudyTables,
  networks: readonly { readonly net: StudyNetwork; readonly counts: NetworkCounts }[],
): CostSections {
  const energy: AsicEnergy[] = [];
  const breakdown: EnergyBreakdown[] = [];
  const fpga: FpgaCost[] = [];
  const cpu: CpuCost[] = [];
  const area: PeArea[] = [];
  const notes: string[] = [];
  const cpuTables = tables.cpu.filter((table) => {
    const reason = networks
      .map(({ counts }) => cpuCannotRun(table, counts.works))
      .find((r) => r !== null);
    if (reason !== undefined && reason !== null) notes.push(`CPU table left out: ${reason}.`);
    return reason === undefined || reason === null;
  });
  const differences: string[] = [];
  for (const { net, counts } of networks) {
    for (const table of tables.asicOp) {
      const e = asicEnergy(table, counts);
      energy.push(e.energy);
      breakdown.push(e.breakdown);
    }
    for (const table of tables.fpga) fpga.push(fpgaCost(table, counts, net.bodyLayers));
    for (const table of cpuTables) cpu.push(cpuCost(table, counts, net.bodyLayers));
    const pe = peShape(net.network, bodyWorks(net, counts.works));
    for (const table of tables.asicOp) {
      const row = opTableArea(table, pe, counts.bits);
      if (row !== null) area.push(row);
    }
    for (const table of tables.asicCell) area.push(cellTableArea(table, pe, counts.bits));
    const analytic = networkCounts(net.network, net.graph, counts.bits);
    differences.push(...countDifferences(counts, analytic).map((d) => `${net.network} ${d}`));
  }
  notes.push(
    differences.length === 0
      ? 'Operation counts are exact, not sampled: the engine counted every operation while it ran, and its counts equal the analytic operation budget node by node for every network.'
      : `Operation counts are exact, not sampled, but the engine's counts differ from the analytic operation budget (engine vs budget): ${differences.join('; ')}.`,
  );
  return { energy, breakdown, fpga, cpu, area, notes };
}
