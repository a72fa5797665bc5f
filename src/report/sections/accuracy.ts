import { formatAccuracy, formatCount, intLabel } from '../../format.js';
import { NETWORK_NAMES } from '../../study/categories.js';
import { NETWORKS, type ReportResults } from '../../study/results.js';
import {
  type Block,
  type ChartRef,
  heading,
  image,
  list,
  NO_DATA,
  paragraph,
  table,
} from '../document.js';

/** Accuracy vs bit width: one row per bit width, one column per network, float last. */
export function accuracySection(results: ReportResults, charts: readonly ChartRef[]): Block[] {
  const { accuracy } = results;
  const head = heading(2, 'Accuracy vs bit width');
  const nets = NETWORKS.flatMap((n) => accuracy.networks.filter((e) => e.network === n));
  if (nets.length === 0) return [head, NO_DATA];
  const n = accuracy.testImages;
  const bits = [...new Set(nets.flatMap((e) => e.points.map((p) => p.bits)))].sort((a, b) => b - a);
  const rows = bits.map((b) => [
    intLabel(b),
    ...nets.map((e) => {
      const p = e.points.find((x) => x.bits === b);
      return p === undefined ? '—' : formatAccuracy(p.correct, n);
    }),
  ]);
  rows.push(['float', ...nets.map((e) => formatAccuracy(e.floatCorrect, n))]);
  return [
    head,
    paragraph(
      `Test accuracy on ${formatCount(n)} ${accuracy.dataset} test images, quantized and bit-accurate (${accuracy.backend} backend), with the float model for reference.`,
    ),
    ...image(charts, 'accuracy-vs-bits'),
    table(['bits', ...nets.map((e) => NETWORK_NAMES[e.network])], rows, [
      false,
      ...nets.map(() => true),
    ]),
    list(nets.map((e) => `${NETWORK_NAMES[e.network]} checkpoint: ${e.checkpoint}`)),
  ];
}

/** Accumulator width vs accuracy, WRAP and SAT, one table per curve. */
export function accumulatorSection(results: ReportResults, charts: readonly ChartRef[]): Block[] {
  const { accumulator } = results;
  const head = heading(2, 'Accumulator width vs accuracy');
  const curves = accumulator.curves.filter((c) => c.points.length > 0);
  if (curves.length === 0) return [head, NO_DATA];
  const n = accumulator.testImages;
  return [
    head,
    paragraph(
      `Accuracy on ${formatCount(n)} test images when the accumulator is narrower than the width that can never overflow: WRAP keeps the low bits (plain two's complement), SAT clamps to the range.`,
    ),
    ...image(charts, 'accumulator-width'),
    ...curves.flatMap((c) => [
      heading(
        3,
        `${NETWORK_NAMES[c.network]}, ${intLabel(c.bits)} (never overflows at ${c.fullWidthBits} bits)`,
      ),
      table(
        ['accumulator bits', 'WRAP', 'SAT'],
        [...c.points]
          .sort((p, q) => q.accBits - p.accBits)
          .map((p) => [
            String(p.accBits),
            formatAccuracy(p.wrapCorrect, n),
            formatAccuracy(p.satCorrect, n),
          ]),
        [true, true, true],
      ),
    ]),
  ];
}
