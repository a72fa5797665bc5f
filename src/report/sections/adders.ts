import { formatArea, formatCount, formatDelay, formatEnergy, formatSig } from '../../format.js';
import type { ReportResults } from '../../study/results.js';
import { image, NO_DATA, paragraph, table } from '../document.js';
import type { Section, SectionContext } from './context.js';

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

export const adderSection: Section = {
  title: 'Adder architectures: area, delay, energy',
  render({ results, charts, refs }: SectionContext) {
    const { adders } = results;
    if (adders.architectures.length === 0) return [NO_DATA];
    return [
      paragraph(
        `${adders.bits}-bit adders priced on ${refs.titled(adders.table)}; toggles measured on ${formatCount(adders.vectors)} operand vectors (${adders.operands}). ` +
          toggleCaveat(results),
      ),
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
  },
};
