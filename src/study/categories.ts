import type { Primitive } from '../cost/ops.js';

import type { Network, PrimitiveEnergy } from './results.js';

/**
 * The groups the energy breakdown is shown in. Each primitive falls in exactly one:
 * memory accesses (SRAM and DRAM, read and write) are one group, float ops another, the rest
 * keep their own name.
 */
export const ENERGY_CATEGORIES = [
  'sub',
  'abs',
  'add',
  'mul',
  'xnor',
  'popcount',
  'cmp',
  'float',
  'memory',
] as const;
export type EnergyCategory = (typeof ENERGY_CATEGORIES)[number];

const CATEGORY_OF: Readonly<Record<Primitive, EnergyCategory>> = {
  add: 'add',
  sub: 'sub',
  abs: 'abs',
  mul: 'mul',
  xnor: 'xnor',
  popcount: 'popcount',
  cmp: 'cmp',
  fadd: 'float',
  fmul: 'float',
  'sram-read': 'memory',
  'sram-write': 'memory',
  'dram-read': 'memory',
  'dram-write': 'memory',
};

export function categoryOf(op: Primitive): EnergyCategory {
  return CATEGORY_OF[op];
}

/** Energy (pJ) per category, every category present (0 when unused), in ENERGY_CATEGORIES order. */
export function energyByCategory(rows: readonly PrimitiveEnergy[]): Map<EnergyCategory, number> {
  const sums = new Map<EnergyCategory, number>(ENERGY_CATEGORIES.map((c) => [c, 0]));
  for (const row of rows) {
    const c = categoryOf(row.op);
    sums.set(c, (sums.get(c) ?? 0) + row.energyPj);
  }
  return sums;
}

/** Display names: `AdderNet`, `CNN`, `BNN`. */
export const NETWORK_NAMES: Readonly<Record<Network, string>> = {
  addernet: 'AdderNet',
  cnn: 'CNN',
  bnn: 'BNN',
};
