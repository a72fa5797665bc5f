import { formatCount, formatPlain, intLabel } from '../../format.js';
import type { ReportResults } from '../../study/results.js';
import { type Block, heading, list, paragraph } from '../document.js';
import type { Verdict } from '../verdict.js';

/** Title and the run's parameters. */
export function runSection(results: ReportResults): Block[] {
  const { meta, accuracy } = results;
  return [
    heading(1, `addersim report: ${meta.name}`),
    heading(2, 'Run'),
    list([
      `Architecture: ${meta.architecture}`,
      `Dataset: ${meta.dataset} (${formatCount(accuracy.testImages)} test images)`,
      `Seed: ${meta.seed}`,
      `Default bit width: ${intLabel(meta.defaultBits)} (activations and weights)`,
      `Inference backend: ${accuracy.backend} (bit-accurate)`,
      `addersim version: ${meta.toolVersion}`,
    ]),
    ...(meta.notes.length > 0 ? [paragraph('Notes from the study:'), list(meta.notes)] : []),
  ];
}

/** The computed verdict: summary, findings with numbers and sources, and the breakdown's why. */
export function verdictSection(results: ReportResults, verdict: Verdict): Block[] {
  const v = results.verdictInputs;
  return [
    heading(2, 'Verdict'),
    paragraph(
      `Computed from the numbers in this report, not written in advance. Two costs within ${formatPlain(v.tieTolerance * 100)} % of each other, ` +
        `or accuracies within ${formatPlain(v.accuracyTolerancePoints)} percentage points, are called about equal.`,
    ),
    list(verdict.summary),
    ...(verdict.findings.length > 0
      ? [heading(3, 'Findings'), list(verdict.findings.map((f) => f.text))]
      : []),
    ...(verdict.explanations.length > 0
      ? [heading(3, 'Where the energy goes'), list(verdict.explanations)]
      : []),
  ];
}
