import { accumulatorSection, accuracySection } from './accuracy.js';
import { adderSection } from './adders.js';
import { layerSection, primitiveSection } from './breakdown.js';
import { budgetSection } from './budgets.js';
import type { Section } from './context.js';
import { areaSection, asicSection, cpuSection, fpgaSection } from './costs.js';
import { headlineSection } from './headline.js';
import { methodSection, referenceSection, tableSection } from './notes.js';
import { verdictSection } from './verdict.js';

/**
 * The report's sections, in page order: the headline and the verdict first (the first screen
 * answers the question), then one section per study, then methods, cost tables and references.
 * A new section is one entry here (a title and a renderer over SectionContext); the Markdown
 * and HTML writers, the table of contents and the heading tests follow this list.
 */
export const SECTIONS: readonly Section[] = [
  headlineSection,
  verdictSection,
  accuracySection,
  asicSection,
  primitiveSection,
  layerSection,
  fpgaSection,
  cpuSection,
  areaSection,
  adderSection,
  accumulatorSection,
  budgetSection,
  methodSection,
  tableSection,
  referenceSection,
];
