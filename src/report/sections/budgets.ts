import { formatCount } from '../../format.js';
import { NETWORK_NAMES } from '../../study/categories.js';
import { NETWORKS } from '../../study/results.js';
import { image, NO_DATA, paragraph, table } from '../document.js';
import type { Section, SectionContext } from './context.js';

/**
 * Operation budgets in both conventions: the AdderNet paper's (#Mul, #Add, #XNOR) and the
 * explicit primitive counts, multiplications apart from the rest (every op and width in
 * budgets.csv).
 */
export const budgetSection: Section = {
  title: 'Operation budgets',
  render({ results, charts }: SectionContext) {
    const { budgets } = results;
    if (budgets.architectures.length === 0) return [NO_DATA];
    const entries = budgets.architectures.flatMap((a) =>
      NETWORKS.flatMap((n) => a.networks.filter((b) => b.network === n).map((b) => ({ a, b }))),
    );
    const sum = (b: (typeof entries)[number]['b'], muls: boolean) =>
      b.explicit.filter((x) => (x.op === 'mul') === muls).reduce((s, x) => s + x.count, 0);
    return [
      paragraph(
        "Operations per inference. The AdderNet paper's convention counts a CNN tap as 1 multiplication + 1 addition, an AdderNet tap as 2 additions and a BNN tap as 1 XNOR + 1 addition. " +
          `The explicit counts (at ${budgets.bits} bits) name every primitive, including the multiply layers AdderNet and BNN keep (stem, classifier, BatchNorm); budgets.csv lists each by op and width.`,
      ),
      ...image(charts, 'operation-budgets'),
      table(
        ['architecture', 'network', '#Mul', '#Add', '#XNOR', 'explicit mul', 'explicit other'],
        entries.map(({ a, b }) => [
          `${a.name} (${a.dataset})`,
          NETWORK_NAMES[b.network],
          formatCount(b.paper.mul),
          formatCount(b.paper.add),
          formatCount(b.paper.xnor),
          formatCount(sum(b, true)),
          formatCount(sum(b, false)),
        ]),
        [false, false, true, true, true, true, true],
      ),
    ];
  },
};
