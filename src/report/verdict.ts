import {
  formatCount,
  formatEnergy,
  formatPlain,
  formatRatio,
  formatSig,
  intLabel,
  plural,
} from '../format.js';
import { NETWORK_NAMES } from '../study/categories.js';
import type { CostTableRef, Network, ReportResults } from '../study/results.js';
import { accuracyFindings, summariseAccuracy } from './verdict-accuracy.js';
import { explainBreakdown } from './verdict-breakdown.js';
import { type Finding, type Outcome, VERDICT_TOPICS, type VerdictTopic } from './verdict-types.js';

/**
 * The verdict: where an adder-only datapath wins and where it does not, computed from the
 * numbers in a ReportResults. No conclusion is written in advance: every finding compares two
 * values, decides the outcome with the tolerances in `verdictInputs`, and says so in a sentence
 * with the numbers inline and the cost table (and its source) cited.
 *
 * Outcome rules (from AdderNet's side, against the CNN and against the BNN):
 * - costs (energy, time): `tie` when max/min - 1 <= tieTolerance, else `wins` if AdderNet's is lower;
 * - accuracy: `tie` when |difference| <= accuracyTolerancePoints, else `wins` if AdderNet's is higher.
 * CPU cycles compare cycles per inference; FPGA compares latency (cycles / clock), because the
 * two PEs may close timing at different clocks.
 */
export interface Verdict {
  /** One sentence per topic and rival: how many tables AdderNet wins on. */
  readonly summary: readonly string[];
  readonly findings: readonly Finding[];
  /** Why, from the energy breakdown: which primitives the energy goes to. */
  readonly explanations: readonly string[];
}

const RIVALS = ['cnn', 'bnn'] as const;

interface TopicWords {
  readonly label: string;
  readonly better: string;
  readonly worse: string;
  readonly unit: string;
}
const WORDS: Readonly<Record<VerdictTopic, TopicWords>> = {
  'asic-energy': {
    label: 'ASIC energy per inference',
    better: 'lower',
    worse: 'higher',
    unit: 'ASIC tables',
  },
  'cpu-cycles': {
    label: 'CPU cycles per inference',
    better: 'faster',
    worse: 'slower',
    unit: 'CPU tables',
  },
  'cpu-energy': {
    label: 'CPU energy per inference',
    better: 'lower',
    worse: 'higher',
    unit: 'CPU tables',
  },
  'fpga-latency': {
    label: 'FPGA latency per inference',
    better: 'faster',
    worse: 'slower',
    unit: 'FPGA tables',
  },
  'fpga-energy': {
    label: 'FPGA energy per inference',
    better: 'lower',
    worse: 'higher',
    unit: 'FPGA tables',
  },
  accuracy: { label: 'accuracy', better: 'higher', worse: 'lower', unit: '' },
};

function costOutcome(addernet: number, other: number, tolerance: number): Outcome {
  const factor = Math.max(addernet, other) / Math.min(addernet, other);
  if (factor - 1 <= tolerance) return 'tie';
  return addernet < other ? 'wins' : 'loses';
}

/** `AdderNet is lower; the CNN needs 1.63× as much` and its mirror images. */
function costJudgement(
  topic: VerdictTopic,
  outcome: Outcome,
  a: number,
  o: number,
  rival: string,
  tolerance: number,
): string {
  const w = WORDS[topic];
  const factor = formatRatio(Math.max(a, o) / Math.min(a, o));
  const much = topic.endsWith('energy')
    ? 'as much'
    : topic === 'cpu-cycles'
      ? 'as many cycles'
      : 'as long';
  if (outcome === 'tie') {
    return `about equal (within ${formatPlain(tolerance * 100)} %: ${factor} apart)`;
  }
  return outcome === 'wins'
    ? `AdderNet is ${w.better}; the ${rival} needs ${factor} ${much}`
    : `AdderNet is ${w.worse}; it needs ${factor} ${much} as the ${rival}`;
}

function cite(t: CostTableRef | undefined, id: string): string {
  return t === undefined ? id : `${t.title} (${t.technology}; source: ${t.source})`;
}

/** Computes the verdict; `results` must already have passed checkResults. */
export function computeVerdict(results: ReportResults): Verdict {
  const tables = new Map(results.tables.map((t) => [t.id, t]));
  const tol = results.verdictInputs.tieTolerance;
  const bits = intLabel(results.meta.defaultBits);
  const findings: Finding[] = [];

  const pairs = <R extends { network: Network; table: string }>(rows: readonly R[]) =>
    rows
      .filter((r) => r.network === 'addernet')
      .flatMap((a) =>
        RIVALS.flatMap((rival) => {
          const o = rows.find((r) => r.network === rival && r.table === a.table);
          return o === undefined ? [] : [{ a, o, rival, name: NETWORK_NAMES[rival] }];
        }),
      );
  const push = (
    topic: VerdictTopic,
    table: string,
    rival: (typeof RIVALS)[number],
    a: number,
    o: number,
    say: (judgement: string) => string,
  ) => {
    const outcome = costOutcome(a, o, tol);
    const judgement = costJudgement(topic, outcome, a, o, NETWORK_NAMES[rival], tol);
    findings.push({
      topic,
      table,
      versus: rival,
      addernet: a,
      other: o,
      outcome,
      text: say(judgement),
    });
  };

  for (const { a, o, rival, name } of pairs(results.energy)) {
    push(
      'asic-energy',
      a.table,
      rival,
      a.energyPj,
      o.energyPj,
      (j) =>
        `On ${cite(tables.get(a.table), a.table)}, ${intLabel(a.bits)} energy per inference is ${formatEnergy(a.energyPj)} for AdderNet and ${formatEnergy(o.energyPj)} for the ${name}: ${j}.`,
    );
  }
  for (const { a, o, rival, name } of pairs(results.cpu)) {
    push(
      'cpu-cycles',
      a.table,
      rival,
      a.cycles,
      o.cycles,
      (j) =>
        `On ${cite(tables.get(a.table), a.table)}, AdderNet's ${a.kernel} kernel takes ${formatCount(a.cyclesPerTap)} cycles per tap and ${formatCount(a.cycles)} cycles per inference; the ${name}'s ${o.kernel} kernel takes ${formatCount(o.cyclesPerTap)} per tap and ${formatCount(o.cycles)} per inference: ${j}.`,
    );
    if (a.energyPj !== null && o.energyPj !== null) {
      push(
        'cpu-energy',
        a.table,
        rival,
        a.energyPj,
        o.energyPj,
        (j) =>
          `On ${cite(tables.get(a.table), a.table)}, CPU energy per inference is ${formatEnergy(a.energyPj as number)} for AdderNet and ${formatEnergy(o.energyPj as number)} for the ${name}: ${j}.`,
      );
    }
  }
  for (const { a, o, rival, name } of pairs(results.fpga)) {
    const latencyUs = (r: typeof a) => r.cycles / r.clockMhz;
    const pe = (r: typeof a) =>
      `${plural(r.lutsPerPe, 'LUT')} and ${plural(r.dspsPerPe, 'DSP')} per PE, ${plural(r.pes, 'PE')} at ${formatSig(r.clockMhz, 3)} MHz, ${formatCount(r.cycles)} cycles (${formatSig(latencyUs(r), 3)} µs)`;
    push(
      'fpga-latency',
      a.table,
      rival,
      latencyUs(a),
      latencyUs(o),
      (j) =>
        `On ${cite(tables.get(a.table), a.table)}, AdderNet uses ${pe(a)}; the ${name} uses ${pe(o)}: ${j}.`,
    );
    if (a.energyPj !== null && o.energyPj !== null) {
      push(
        'fpga-energy',
        a.table,
        rival,
        a.energyPj,
        o.energyPj,
        (j) =>
          `On ${cite(tables.get(a.table), a.table)}, FPGA energy per inference is ${formatEnergy(a.energyPj as number)} for AdderNet and ${formatEnergy(o.energyPj as number)} for the ${name}: ${j}.`,
      );
    }
  }
  findings.push(...accuracyFindings(results));

  const summary = VERDICT_TOPICS.flatMap((topic) =>
    RIVALS.flatMap((rival) => {
      const fs = findings.filter((f) => f.topic === topic && f.versus === rival);
      if (fs.length === 0) return [];
      if (topic === 'accuracy') return [summariseAccuracy(fs[0], bits)];
      return [summarise(topic, rival, fs, tables, bits)];
    }),
  );
  if (summary.length === 0) {
    summary.push(
      'These results hold no value of AdderNet next to the same value of a CNN or BNN, so there is no verdict.',
    );
  }
  return { summary, findings, explanations: explainBreakdown(results) };
}

function summarise(
  topic: VerdictTopic,
  rival: (typeof RIVALS)[number],
  fs: readonly Finding[],
  tables: Map<string, CostTableRef>,
  bits: string,
): string {
  const w = WORDS[topic];
  const names = (o: Outcome) =>
    fs.filter((f) => f.outcome === o).map((f) => tables.get(f.table ?? '')?.title ?? f.table);
  const list = (o: Outcome) => (names(o).length === 0 ? '' : ` (${names(o).join(', ')})`);
  const parts = [
    `${w.better} than the ${NETWORK_NAMES[rival]} on ${names('wins').length} of ${fs.length} ${w.unit}${list('wins')}`,
  ];
  if (names('tie').length > 0) parts.push(`about equal on ${names('tie').length}${list('tie')}`);
  if (names('loses').length > 0)
    parts.push(`${w.worse} on ${names('loses').length}${list('loses')}`);
  return `${w.label[0].toUpperCase()}${w.label.slice(1)} at ${bits}: AdderNet is ${parts.join(', ')}.`;
}
