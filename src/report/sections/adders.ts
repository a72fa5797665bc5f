import { formatArea, formatCount, formatDelay, formatEnergy, formatSig } from '../../format.js';
import type { ReportResults } from '../../study/results.js';
import {
  type Block,
  type ChartRef,
  heading,
  image,
  NO_DATA,
  paragraph,
  table,
} from '../document.js';

/**
 * The toggle-model caveat, stated wherever adder energies appear: a zero-delay simulation
 * counts settled value changes only, so glitch energy is missing and deep carry chains (ripple
 * carry) are flattered relative to balanced trees.
 */
export function toggleCaveat(results: ReportResults): string {
  return (
    `Energy per operation = measured net toggles × switching energy per cell, with toggles from a ${results.adders.toggleModel} simulation: ` +
    'each net counts only its settled value change per operation. Glitches (transient toggles caused by unequal path delays) are not modelled, ' +
    'so real energies are higher, most of all for adders with long carry chains.'
  );
}

export function adderSection(results: ReportResults, charts: readonly ChartRef[]): Block[] {
  const { adders } = results;
  const head = heading(2, 'Adder architectures: area, delay, energy');
  if (adders.architectures.length === 0) return [head, NO_DATA];
  const cellTable = results.tables.find((t) => t.id === adders.table);
  return [
    head,
    paragraph(
      `${adders.bits}-bit adders priced on ${cellTable?.title ?? adders.table}; toggles measured on ${formatCount(adders.vectors)} operand vectors (${adders.operands}).`,
    ),
    paragraph(toggleCaveat(results)),
    ...image(charts, 'adders-area-delay'),
    table(
      ['architecture', 'cells', 'area', 'delay', 'toggles / op', 'energy / op'],
      adders.architectures.map((a) => [
        a.name,
        formatCount(a.cells),
        formatArea(a.areaUm2),
        formatDelay(a.delayNs),
        formatSig(a.togglesPerOp, 3),
        formatEnergy(a.energyPerOpPj),
      ]),
      [false, true, true, true, true, true],
    ),
  ];
}
