import { InputError } from '../errors.js';
import { Estimate, type PricedItem } from './estimate.js';
import { fpgaUnit } from './fpga.js';
import { priceOp } from './op-pricing.js';
import { mergeCounts, type OpCount, opKey } from './ops.js';
import type { CostTable } from './table-types.js';

/**
 * Folds operation counts through a table into an Estimate.
 * - asic-op tables: energy = count x energy per op (priceOp); area = one functional unit per
 *   distinct op and width (the hardware that executes the ops, time-multiplexed), where the
 *   table gives area.
 * - fpga tables: resources of one unit per distinct op and width, register-to-register delay,
 *   and an energy estimate for LUT-built ops (undefined as soon as a DSP op appears).
 * Cell-level and CPU tables do not price op counts: asking them is an InputError, never zero.
 */
export function estimateOps(table: CostTable, counts: readonly OpCount[]): Estimate {
  const merged = mergeCounts(counts);
  for (const c of merged) {
    if (!(Number.isFinite(c.count) && c.count >= 0)) {
      throw new InputError(`count of ${opKey(c)} must be a number >= 0, not ${c.count}`);
    }
  }
  if (table.kind === 'asic-op') {
    return new Estimate(
      merged.map((c): PricedItem => {
        const unit = priceOp(table, c);
        return {
          key: opKey(c),
          count: c.count,
          energyPj: unit.energyPj * c.count,
          areaUm2: unit.areaUm2,
          table: table.name,
          row: unit.row,
          source: unit.source,
          steps: unit.steps,
        };
      }),
    );
  }
  if (table.kind === 'fpga') {
    const notes: string[] = [];
    const items = merged.map((c): PricedItem => {
      const unit = fpgaUnit(table, c);
      if (unit.energyPj === undefined) {
        notes.push(
          `${table.name}: no energy for ${opKey(c)} (no public per-operation ${table.dsp.name} energy)`,
        );
      }
      return {
        key: opKey(c),
        count: c.count,
        energyPj: unit.energyPj === undefined ? undefined : unit.energyPj * c.count,
        resources: { luts: unit.luts, carryCells: unit.carryCells, dsps: unit.dsps },
        delayPs: unit.delayPs,
        table: table.name,
        row: unit.row,
        source: unit.source,
        steps: unit.steps,
      };
    });
    if (table.energy.estimate)
      notes.push(`${table.name}: energy is an estimate (${table.energy.source})`);
    return new Estimate(items, { notes });
  }
  const prices =
    table.kind === 'asic-cell'
      ? 'netlists with switching activity'
      : 'layer taps (cycles per core)';
  throw new InputError(
    `table ${table.name} (${table.kind}) cannot price operation counts: it prices ${prices}`,
  );
}
