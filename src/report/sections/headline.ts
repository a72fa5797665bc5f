import { formatCount, intLabel } from '../../format.js';
import { NETWORK_NAMES } from '../../study/categories.js';
import { headlineTable } from '../../study/headline.js';
import { columns, image, NO_DATA, paragraph, table } from '../document.js';
import type { Section, SectionContext } from './context.js';

/** The first screen: the question, the headline numbers and the energy chart. */
export const headlineSection: Section = {
  title: 'The question and the answer in numbers',
  render({ results, charts, refs }: SectionContext) {
    const { meta, accuracy } = results;
    const { networks, rows } = headlineTable(results);
    const question = paragraph(
      'AdderNet replaces every multiplication of a convolution with an absolute difference, |x − w|. ' +
        'Does that make inference cheaper than the same network as a CNN (multiply-accumulate) or as a BNN (XNOR-popcount), and at what accuracy? ' +
        `Here: ${meta.architecture} on ${formatCount(accuracy.testImages)} ${meta.dataset.toUpperCase()} test images, ${intLabel(meta.defaultBits)} activations and weights, ` +
        'every network run bit-accurately and priced from exact operation counts on public cost tables (numbers in brackets: references).',
    );
    if (networks.length === 0) return [question, NO_DATA];
    const headline = table(
      [`${intLabel(meta.defaultBits)}, per inference`, ...networks.map((n) => NETWORK_NAMES[n])],
      rows.map((r) => [
        r.table === null ? r.metric : `${r.metric}, ${refs.titled(r.table)}`,
        ...r.cells,
      ]),
      [false, ...networks.map(() => true)],
    );
    return [question, columns([headline], image(charts, 'energy-per-inference'))];
  },
};
