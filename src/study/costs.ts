import type { TableCost } from '../cost/price-inference.js';
import type { NetworkResult } from '../pipeline/measure.js';
import { analyticCounts, countDifferences, measuredCounts } from './counts.js';
import type { StudyNetwork } from './networks.js';
import type {
  AsicEnergy,
  CpuCost,
  EnergyBreakdown,
  FpgaCost,
  MemoryByLevel,
  Network,
  PeArea,
} from './results.js';
import type { StudyTables } from './tables.js';

/**
 * Every cost row of the report at the default bit width, read off the pipeline's priced results
 * (src/pipeline → src/cost/price-inference.ts): no cost is computed here, so a report row and
 * `addersim infer` for the same options are the same numbers.
 *
 * - energy: an op-level ASIC table's total (compute + on-chip memory); a table without SRAM rows
 *   (Aladdin) prices compute only, for every network alike, and says so on the row;
 * - FPGA and CPU: cycles, clock, resources or instruction sequence of the PE layer; a CPU table
 *   whose kernels cannot take some network's operands is left out for every network (noted);
 * - area: the PE on every table that gives areas.
 *
 * The engine's counters are held against src/budget's analytic counts of the same graph: two
 * independent countings. Agreement or every difference goes into `notes`.
 */
export interface CostSections {
  readonly energy: readonly AsicEnergy[];
  readonly breakdown: readonly EnergyBreakdown[];
  readonly memory: readonly MemoryByLevel[];
  readonly fpga: readonly FpgaCost[];
  readonly cpu: readonly CpuCost[];
  readonly area: readonly PeArea[];
  readonly notes: readonly string[];
}

/** The energy a report row quotes: the total, or compute alone on a table without memory rows. */
export function rowEnergy(cost: TableCost): number | null {
  return cost.energyPj ?? (cost.memoryPj === null ? cost.computePj : null);
}

export function costSections(
  tables: StudyTables,
  networks: readonly { readonly net: StudyNetwork; readonly result: NetworkResult }[],
): CostSections {
  const energy: AsicEnergy[] = [];
  const breakdown: EnergyBreakdown[] = [];
  const memory: MemoryByLevel[] = [];
  const fpga: FpgaCost[] = [];
  const cpu: CpuCost[] = [];
  const area: PeArea[] = [];
  const notes: string[] = [];
  const costOf = (result: NetworkResult, table: string) =>
    result.costs.find((c) => c.table === table) as TableCost;
  const cpuTables = tables.cpu.filter((table) => {
    const refused = networks
      .map(({ result }) => costOf(result, table.name))
      .find((c) => c.cycles === null);
    if (refused) notes.push(`CPU table left out: ${refused.notPriced.join('; ')}.`);
    return refused === undefined;
  });
  const differences: string[] = [];
  for (const { net, result } of networks) {
    const at = { network: net.network as Network, bits: result.bits };
    for (const table of tables.asicOp) {
      const c = costOf(result, table.name);
      const energyPj = rowEnergy(c);
      if (energyPj === null || c.breakdown === null) {
        throw new Error(`${table.name} did not price ${net.network}: ${c.notPriced.join('; ')}`);
      }
      energy.push({
        ...at,
        table: table.name,
        energyPj,
        provenance: [
          ...c.energyProvenance,
          ...(c.memoryPj === null
            ? c.notPriced
                .filter((n) => n.startsWith('memory'))
                .map((n) => `${n}: not priced, for every network alike`)
            : []),
        ],
      });
      breakdown.push({ ...at, table: table.name, ...c.breakdown });
      const m = c.memoryLevels;
      if (m) {
        memory.push({
          ...at,
          table: table.name,
          accelerator: m.accelerator,
          memoryTable: m.memoryTable,
          dataflow: m.dataflow,
          weights: m.weightsResident ? 'resident' : 'loaded from DRAM',
          levels: m.levels.map(({ readPj: _r, writePj: _w, ...l }) => l),
        });
      }
    }
    for (const table of tables.fpga) {
      const c = costOf(result, table.name);
      if (c.pe === null || c.cycles === null || c.clockMhz === undefined) {
        throw new Error(`${table.name} did not price ${net.network}: ${c.notPriced.join('; ')}`);
      }
      fpga.push({
        ...at,
        table: table.name,
        lutsPerPe: c.pe.luts ?? 0,
        dspsPerPe: c.pe.dsps ?? 0,
        pes: c.pe.pes ?? 0,
        clockMhz: c.clockMhz,
        cycles: c.cycles,
        energyPj: c.computePj,
        provenance: [
          ...c.energyProvenance,
          ...c.cyclesProvenance,
          ...(c.computePj === null
            ? [
                `energy per inference: not priced, because ${table.name} gives no energy for at least one op above (a total over part of the ops would be no total)`,
              ]
            : []),
        ],
      });
    }
    for (const table of cpuTables) {
      const c = costOf(result, table.name);
      if (c.pe === null || c.cycles === null) {
        throw new Error(`${table.name} did not price ${net.network}: ${c.notPriced.join('; ')}`);
      }
      cpu.push({
        ...at,
        table: table.name,
        kernel: c.pe.sequence as string,
        cyclesPerTap: c.pe.cyclesPerTap as number,
        cycles: c.cycles,
        energyPj: null,
        provenance: [
          ...c.cyclesProvenance,
          ...c.pe.provenance,
          `energy: ${table.name} gives cycles only (no energy per instruction)`,
        ],
      });
    }
    for (const table of [...tables.asicOp, ...tables.asicCell]) {
      const pe = costOf(result, table.name).pe;
      if (pe !== null && pe.areaUm2 !== null) {
        area.push({ ...at, table: table.name, areaUm2: pe.areaUm2, provenance: pe.provenance });
      }
    }
    const analytic = analyticCounts(net.graph, result.bits);
    differences.push(
      ...countDifferences(measuredCounts(result), analytic).map((d) => `${net.network} ${d}`),
    );
  }
  notes.push(
    differences.length === 0
      ? 'Operation counts are exact, not sampled: the engine counted every operation while it ran, and its counts equal the analytic operation budget node by node for every network.'
      : `Operation counts are exact, not sampled, but the engine's counts differ from the analytic operation budget (engine vs budget): ${differences.join('; ')}.`,
  );
  return { energy, breakdown, memory, fpga, cpu, area, notes };
}
