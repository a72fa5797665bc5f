import { withMultiplier } from '../cost/fpga.js';
import { pricesMemory } from '../cost/price-inference.js';
import type {
  AsicCellTable,
  AsicOpTable,
  CostTable,
  CpuTable,
  FpgaTable,
  MulImpl,
} from '../cost/table-types.js';
import { loadTable, tableNames } from '../cost/tables.js';
import type { CostTableRef } from './results.js';

/**
 * The cost tables a study prices on: every table shipped in cost-tables/, sorted by name, each
 * validated on load. The report cites them by id (the file stem) with a short title, the
 * technology (node, plus the part or core) and the sources the table itself lists.
 */
export interface StudyTables {
  readonly asicOp: readonly AsicOpTable[];
  readonly asicCell: readonly AsicCellTable[];
  readonly fpga: readonly FpgaTable[];
  readonly cpu: readonly CpuTable[];
  readonly refs: readonly CostTableRef[];
  /** Every table, sorted by name: what each measured run is priced on. */
  readonly all: readonly CostTable[];
}

/**
 * Display titles of the shipped tables (labels only: every number comes from the table file).
 * A table not listed here is titled by its id.
 */
const TITLES: Readonly<Record<string, string>> = {
  'asic-45nm-horowitz': 'Horowitz 45 nm',
  'asic-40nm-aladdin': 'Aladdin 40 nm',
  'cells-45nm': 'NanGate 45 nm cells',
  'cpu-x86-skylake': 'Intel Skylake',
  'cpu-arm-neoverse-n1': 'Arm Neoverse N1',
  'fpga-xilinx-7series': 'Xilinx Artix-7',
  'fpga-xilinx-ultrascale': 'Xilinx Zynq UltraScale+',
};

export function tableTitle(id: string): string {
  return TITLES[id] ?? id;
}

function technology(table: CostTable): string {
  switch (table.kind) {
    case 'fpga':
      return `${table.device.part}, ${table.node}`;
    case 'cpu':
      return `${table.core}, ${table.node}`;
    case 'asic-cell':
      return `${table.node}, ${table.operatingPoint.supplyV} V`;
    default:
      return table.node;
  }
}

/**
 * How the report cites a table. An op-level table without SRAM rows prices compute only, and
 * its title says so wherever its energies appear.
 */
export function tableRef(table: CostTable): CostTableRef {
  const computeOnly = table.kind === 'asic-op' && !pricesMemory(table);
  return {
    id: table.name,
    title: `${tableTitle(table.name)}${computeOnly ? ' (compute only)' : ''}`,
    kind: table.kind,
    technology: technology(table),
    source: table.sources.join('; '),
  };
}

/**
 * Loads every shipped table (a broken one is an InputError naming its file), FPGA tables with
 * their multiplies in DSP slices or, with `mulImpl` lut, in LUTs.
 */
export function loadStudyTables(mulImpl: MulImpl = 'dsp'): StudyTables {
  const tables = tableNames().map((name) => {
    const table = loadTable(name);
    return table.kind === 'fpga' ? withMultiplier(table, mulImpl) : table;
  });
  const of = <K extends CostTable['kind']>(kind: K) =>
    tables.filter((t): t is Extract<CostTable, { kind: K }> => t.kind === kind);
  return {
    asicOp: of('asic-op'),
    asicCell: of('asic-cell'),
    fpga: of('fpga'),
    cpu: of('cpu'),
    refs: tables.map(tableRef),
    all: tables,
  };
}
