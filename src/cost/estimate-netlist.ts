import { InputError } from '../errors.js';
import type { Activity } from '../ir/activity.js';
import type { Netlist } from '../ir/netlist.js';
import { assertValidNetlist } from '../ir/validate.js';
import { Estimate, formatNumber, type PricedItem } from './estimate.js';
import type { AsicCellTable } from './table-types.js';
import { criticalPathPs } from './timing.js';

/**
 * Gate-level estimate of a netlist through a cell table, energy per vector (per cycle):
 *   area   = sum of cell areas + registers x flip-flop area
 *   delay  = critical path through the cell delays (timing.ts)
 *   energy = (sum over cell output nets of toggles x switching energy of the driving cell's
 *             output + sum over registers of q toggles x toggle energy) / transitions
 *            + registers x clock energy per cycle,
 *            all switching energies times the table's calibration scale.
 * Toggles are zero-delay counts (no glitches, so real circuits switch more) unless the activity
 * names another `toggleModel` (timing-aware counts, glitches included); the note says which.
 */
export function estimateNetlist(
  table: AsicCellTable,
  netlist: Netlist,
  activity: Activity,
): Estimate {
  assertValidNetlist(netlist);
  if (activity.netToggles.length !== netlist.netCount) {
    throw new InputError(
      `activity must have one toggle count per net of ${netlist.name} (${netlist.netCount}), not ${activity.netToggles.length}`,
    );
  }
  if (!(activity.transitions >= 1)) {
    throw new InputError(
      `activity must cover at least one transition (two vectors), not ${activity.transitions}`,
    );
  }
  const scale = table.energyCalibration.scale;
  const perVector = 1 / activity.transitions;
  const calibration = `x ${formatNumber(scale)} calibration (${table.energyCalibration.source})`;
  const items: PricedItem[] = [];
  table.cells.forEach((row, index) => {
    let count = 0;
    let toggleEnergy = 0;
    let toggles = 0;
    for (const cell of netlist.cells) {
      if (cell.kind !== row.kind) continue;
      count++;
      cell.outputs.forEach((o, k) => {
        const t = activity.netToggles[o];
        toggles += t;
        toggleEnergy += t * (row.outputSwitchingEnergyPj?.[k] ?? row.switchingEnergyPj);
      });
    }
    if (count === 0) return;
    items.push({
      key: `cell ${row.kind}`,
      count,
      energyPj: toggleEnergy * scale * perVector,
      areaUm2: count * row.areaUm2,
      table: table.name,
      row: `/cells/${index}`,
      source: row.source,
      steps: [
        `${row.libraryCell}: ${formatNumber(toggles * perVector)} output toggles per vector x ${row.outputSwitchingEnergyPj ? 'per-output energy' : `${row.switchingEnergyPj} pJ`}`,
        calibration,
        `area ${count} x ${row.areaUm2} um2`,
      ],
    });
  });
  const regs = netlist.registers.length;
  if (regs > 0) {
    const reg = table.register;
    let qToggles = 0;
    for (const r of netlist.registers) qToggles += activity.netToggles[r.q];
    items.push({
      key: 'register',
      count: regs,
      energyPj: (qToggles * perVector * reg.toggleEnergyPj + regs * reg.clockEnergyPj) * scale,
      areaUm2: regs * reg.areaUm2,
      table: table.name,
      row: '/register',
      source: reg.source,
      steps: [
        `${reg.libraryCell}: ${formatNumber(qToggles * perVector)} q toggles per cycle x ${reg.toggleEnergyPj} pJ + ${regs} x ${reg.clockEnergyPj} pJ clock`,
        calibration,
        `area ${regs} x ${reg.areaUm2} um2`,
      ],
    });
  }
  return new Estimate(items, {
    criticalPathPs: criticalPathPs(netlist, table),
    notes: [
      activity.toggleModel === undefined
        ? `${table.name}: energy per vector from zero-delay toggle counts over ${activity.transitions} transitions (glitches not modelled)`
        : `${table.name}: energy per vector from ${activity.toggleModel} toggle counts over ${activity.transitions} transitions`,
    ],
  });
}
