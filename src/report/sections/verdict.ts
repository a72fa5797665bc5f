import { formatPlain, formatRatio } from '../../format.js';
import { NETWORK_NAMES } from '../../study/categories.js';
import { type Block, heading, list, NO_DATA, paragraph, table } from '../document.js';
import type { Finding, VerdictTopic } from '../verdict-types.js';
import type { Section, SectionContext } from './context.js';

const METRIC: Readonly<Record<VerdictTopic, string>> = {
  'asic-energy': 'ASIC energy',
  'cpu-cycles': 'CPU cycles',
  'cpu-energy': 'CPU energy',
  'fpga-latency': 'FPGA latency',
  'fpga-energy': 'FPGA energy',
  accuracy: 'accuracy',
};

/**
 * `AdderNet, 2.16×`: which network wins a comparison and by what factor (the larger cost over
 * the smaller), or by how many percentage points for accuracy; `tie (…)` within the tolerance.
 */
function verdictCell(f: Finding | undefined): string {
  if (f === undefined) return '—';
  const rival = NETWORK_NAMES[f.versus];
  const by =
    f.topic === 'accuracy'
      ? `${Math.abs(f.addernet - f.other).toFixed(2)} points`
      : formatRatio(Math.max(f.addernet, f.other) / Math.min(f.addernet, f.other));
  if (f.outcome === 'tie') return `tie (${by})`;
  return `${f.outcome === 'wins' ? 'AdderNet' : rival}, ${by}`;
}

/** The verdict as one table (metric x platform -> winner and factor), then where the energy goes. */
export const verdictSection: Section = {
  title: 'Verdict',
  render({ results, verdict, refs }: SectionContext) {
    const v = results.verdictInputs;
    const intro = paragraph(
      `Computed from the numbers in this report, not written in advance: each cell names the network that wins and by what factor (the larger value over the smaller; for accuracy, the difference in percentage points). ` +
        `Costs within ${formatPlain(v.tieTolerance * 100)} % of each other, or accuracies within ${formatPlain(v.accuracyTolerancePoints)} points, are a tie.`,
    );
    if (verdict.findings.length === 0) return [intro, NO_DATA];
    const keys: { topic: VerdictTopic; table: string | null }[] = [];
    for (const f of verdict.findings) {
      if (!keys.some((k) => k.topic === f.topic && k.table === f.table)) {
        keys.push({ topic: f.topic, table: f.table });
      }
    }
    const find = (k: (typeof keys)[number], versus: 'cnn' | 'bnn') =>
      verdict.findings.find(
        (f) => f.topic === k.topic && f.table === k.table && f.versus === versus,
      );
    const blocks: Block[] = [
      intro,
      table(
        ['metric', 'platform', 'AdderNet vs CNN', 'AdderNet vs BNN'],
        keys.map((k) => [
          METRIC[k.topic],
          k.table === null ? 'test set' : refs.titled(k.table),
          verdictCell(find(k, 'cnn')),
          verdictCell(find(k, 'bnn')),
        ]),
        [false, false, false, false],
      ),
    ];
    if (verdict.explanations.length > 0) {
      blocks.push(heading(3, 'Where the energy goes'), list(verdict.explanations));
    }
    return blocks;
  },
};
