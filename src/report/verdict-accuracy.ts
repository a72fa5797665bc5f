import { formatAccuracy, formatCount, formatPlain, intLabel, percent } from '../format.js';
import { NETWORK_NAMES } from '../study/categories.js';
import type { Network, ReportResults } from '../study/results.js';
import type { Finding, Outcome } from './verdict-types.js';

/**
 * The accuracy side of the verdict: AdderNet against each rival at the default bit width,
 * counted over the same test images. Differences are in percentage points of accuracy.
 */

export function summariseAccuracy(f: Finding, bits: string): string {
  const name = NETWORK_NAMES[f.versus];
  const diff = Math.abs(f.addernet - f.other).toFixed(2);
  const how =
    f.outcome === 'tie'
      ? `about equal to the ${name}'s (${diff} points apart)`
      : `${diff} points ${f.outcome === 'wins' ? 'above' : 'below'} the ${name}'s`;
  return `Accuracy at ${bits}: AdderNet's is ${how}.`;
}

/** Accuracy at the default bit width, AdderNet against each rival measured at that width. */
export function accuracyFindings(results: ReportResults): Finding[] {
  const { accuracy, meta, verdictInputs } = results;
  const n = accuracy.testImages;
  const at = (net: Network) => {
    const entry = accuracy.networks.find((e) => e.network === net);
    const point = entry?.points.find((p) => p.bits === meta.defaultBits);
    return entry && point ? { entry, point } : undefined;
  };
  const a = at('addernet');
  if (a === undefined) return [];
  return (['cnn', 'bnn'] as const).flatMap((rival): Finding[] => {
    const o = at(rival);
    if (o === undefined) return [];
    const pa = percent(a.point.correct, n);
    const po = percent(o.point.correct, n);
    const diff = Math.abs(pa - po);
    const tol = verdictInputs.accuracyTolerancePoints;
    const outcome: Outcome = diff <= tol ? 'tie' : pa > po ? 'wins' : 'loses';
    const points = `${diff.toFixed(2)} percentage points`;
    const judgement =
      outcome === 'tie'
        ? `within the ${formatPlain(tol)}-point tolerance (${points} apart)`
        : `AdderNet is ${points} ${outcome === 'wins' ? 'higher' : 'lower'}, beyond the ${formatPlain(tol)}-point tolerance`;
    const name = NETWORK_NAMES[rival];
    const text =
      `At ${intLabel(meta.defaultBits)} (bit-accurate, ${accuracy.backend} backend, ${formatCount(n)} ${accuracy.dataset} test images) ` +
      `AdderNet's accuracy is ${formatAccuracy(a.point.correct, n)} and the ${name}'s ${formatAccuracy(o.point.correct, n)} ` +
      `(float: ${formatAccuracy(a.entry.floatCorrect, n)} and ${formatAccuracy(o.entry.floatCorrect, n)}): ${judgement}.`;
    return [
      { topic: 'accuracy', table: null, versus: rival, addernet: pa, other: po, outcome, text },
    ];
  });
}
