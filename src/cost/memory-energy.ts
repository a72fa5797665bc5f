import { formatNumber } from './estimate.js';
import type { MemoryTable } from './memory-files.js';

/**
 * SRAM energy per access of a buffer of `capacityKiB`, from the memory table's published
 * points: between two capacities, linear in log(capacity) and log(energy) (a power law
 * E = E1 x (c / c1)^k with k = log(E2/E1) / log(c2/c1) on that segment, so 8 KB -> 32 KB
 * gives k = 0.5 from Horowitz's 10 and 20 pJ); beyond either end the nearest segment's law is
 * extended, and the step says it is an extrapolation. Returns pJ per `accessBits` access.
 */
export function sramEnergyPj(
  table: MemoryTable,
  capacityKiB: number,
): { energyPj: number; step: string } {
  const pts = table.sram;
  const exact = pts.find((p) => p.capacityKiB === capacityKiB);
  if (exact) {
    return {
      energyPj: exact.energyPj,
      step: `${formatNumber(capacityKiB)} KiB SRAM: ${exact.energyPj} pJ per ${table.accessBits}-bit access (${exact.source})`,
    };
  }
  let i = pts.findIndex((p) => p.capacityKiB > capacityKiB);
  const outside = i <= 0;
  if (i < 0) i = pts.length - 1;
  if (i === 0) i = 1;
  const lo = pts[i - 1];
  const hi = pts[i];
  const k = Math.log(hi.energyPj / lo.energyPj) / Math.log(hi.capacityKiB / lo.capacityKiB);
  const energyPj = lo.energyPj * (capacityKiB / lo.capacityKiB) ** k;
  const how = outside ? 'extrapolated (estimate) from' : 'interpolated between';
  return {
    energyPj,
    step: `${formatNumber(capacityKiB)} KiB SRAM: ${formatNumber(energyPj)} pJ per ${table.accessBits}-bit access, ${how} ${lo.capacityKiB} KiB (${lo.energyPj} pJ) and ${hi.capacityKiB} KiB (${hi.energyPj} pJ), E proportional to capacity^${formatNumber(k)} <- ${table.name}`,
  };
}
