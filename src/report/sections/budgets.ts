import { formatCount } from '../../format.js';
import {
  categoryOf,
  ENERGY_CATEGORIES,
  type EnergyCategory,
  NETWORK_NAMES,
} from '../../study/categories.js';
import { NETWORKS, type ReportResults } from '../../study/results.js';
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
 * Operation budgets in both conventions: the AdderNet paper's (#Mul, #Add, #XNOR) and explicit
 * primitive counts grouped like the energy breakdown (exact per op and width in budgets.csv).
 */
export function budgetSection(results: ReportResults, charts: readonly ChartRef[]): Block[] {
  const { budgets } = results;
  const head = heading(2, 'Operation budgets');
  if (budgets.architectures.length === 0) return [head, NO_DATA];
  const entries = budgets.architectures.flatMap((a) =>
    NETWORKS.flatMap((n) => a.networks.filter((b) => b.network === n).map((b) => ({ a, b }))),
  );
  const used = ENERGY_CATEGORIES.filter((c) =>
    entries.some(({ b }) => b.explicit.some((x) => categoryOf(x.op) === c && x.count > 0)),
  );
  const sumOf = (explicit: (typeof entries)[number]['b']['explicit'], c: EnergyCategory) =>
    explicit.filter((x) => categoryOf(x.op) === c).reduce((s, x) => s + x.count, 0);
  return [
    head,
    paragraph(
      "Operations per inference. The AdderNet paper's convention counts a CNN tap as 1 multiplication + 1 addition, an AdderNet tap as 2 additions and a BNN tap as 1 XNOR + 1 addition. " +
        `The explicit counts (at ${budgets.bits} bits) name every primitive, including the multiply layers AdderNet and BNN keep (stem, classifier, BatchNorm).`,
    ),
    ...image(charts, 'operation-budgets'),
    heading(3, "AdderNet paper's convention"),
    table(
      ['architecture', 'network', '#Mul', '#Add', '#XNOR'],
      entries.map(({ a, b }) => [
        `${a.name} (${a.dataset})`,
        NETWORK_NAMES[b.network],
        formatCount(b.paper.mul),
        formatCount(b.paper.add),
        formatCount(b.paper.xnor),
      ]),
      [false, false, true, true, true],
    ),
    heading(3, 'Explicit primitive counts'),
    table(
      ['architecture', 'network', ...used],
      entries.map(({ a, b }) => [
        `${a.name} (${a.dataset})`,
        NETWORK_NAMES[b.network],
        ...used.map((c) => formatCount(sumOf(b.explicit, c))),
      ]),
      [false, false, ...used.map(() => true)],
    ),
  ];
}
