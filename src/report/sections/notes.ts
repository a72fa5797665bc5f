import { formatCount, intLabel } from '../../format.js';
import { list, paragraph, table } from '../document.js';
import { toggleCaveat } from './adders.js';
import type { Section, SectionContext } from './context.js';

/** The run's parameters, the study's own notes, and what the numbers are and are not. */
export const methodSection: Section = {
  title: 'Method, caveats and notes',
  render({ results, chartNote }: SectionContext) {
    const { meta, accuracy } = results;
    const caveats = [
      'Operation counts are exact per inference. Every cost lists the table row that priced it and each scaling step applied (provenance.csv); an operation a table cannot price is an error, never a zero.',
      toggleCaveat(results),
      'FPGA latency is cycles divided by the clock each design closes at; CPU cycles are an instruction-mix model (count times reciprocal throughput), not a measurement on hardware.',
      ...(chartNote === null ? [] : [chartNote]),
    ];
    return [
      paragraph(
        `Run: architecture ${meta.architecture}, dataset ${meta.dataset} (${formatCount(accuracy.testImages)} test images), seed ${meta.seed}, ` +
          `default bit width ${intLabel(meta.defaultBits)} (activations and weights), ${accuracy.backend} backend (bit-accurate), addersim ${meta.toolVersion}.`,
      ),
      list([...meta.notes, ...caveats]),
      paragraph(
        'results.json holds every number of this report exactly; the CSV files hold each table, every primitive at every width (energy-by-primitive.csv) and every provenance line (provenance.csv).',
      ),
    ];
  },
};

/** The cost tables the numbers come from, each with its references. */
export const tableSection: Section = {
  title: 'Cost tables',
  render({ results, refs }: SectionContext) {
    const lines =
      results.energy.length +
      results.fpga.length +
      results.cpu.length +
      results.area.length +
      results.adders.architectures.length;
    return [
      table(
        ['id', 'title', 'kind', 'technology', 'references'],
        results.tables.map((t) => [t.id, t.title, t.kind, t.technology, refs.cite(t.id)]),
        [false, false, false, false, false],
      ),
      paragraph(
        `provenance.csv lists, for each of the ${formatCount(lines)} costs above (energy, FPGA, CPU, PE area, adder architectures), the table rows that priced it and every scaling step applied.`,
      ),
    ];
  },
};

/** Every source once, numbered; rows cite them as [n]. */
export const referenceSection: Section = {
  title: 'References',
  render({ refs }: SectionContext) {
    return refs.sources.length === 0
      ? [paragraph('No cost table was cited.')]
      : [list(refs.sources.map((s, i) => `[${i + 1}] ${s}`))];
  },
};
