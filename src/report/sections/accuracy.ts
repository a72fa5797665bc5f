import { formatAccuracy, formatCount, intLabel } from '../../format.js';
import { NETWORK_NAMES } from '../../study/categories.js';
import { NETWORKS } from '../../study/results.js';
import { image, NO_DATA, paragraph, table } from '../document.js';
import type { Section, SectionContext } from './context.js';

/** Accuracy vs bit width: one row per bit width, one column per network, float last. */
export const accuracySection: Section = {
  title: 'Accuracy vs bit width',
  render({ results, charts }: SectionContext) {
    const { accuracy } = results;
    const nets = NETWORKS.flatMap((n) => accuracy.networks.filter((e) => e.network === n));
    if (nets.length === 0) return [NO_DATA];
    const n = accuracy.testImages;
    const bits = [...new Set(nets.flatMap((e) => e.points.map((p) => p.bits)))].sort(
      (a, b) => b - a,
    );
    const rows = bits.map((b) => [
      intLabel(b),
      ...nets.map((e) => {
        const p = e.points.find((x) => x.bits === b);
        return p === undefined ? '—' : formatAccuracy(p.correct, n);
      }),
    ]);
    rows.push(['float', ...nets.map((e) => formatAccuracy(e.floatCorrect, n))]);
    return [
      paragraph(
        `Test accuracy on ${formatCount(n)} ${accuracy.dataset} test images, quantized and bit-accurate (${accuracy.backend} backend), with the float model for reference. ` +
          `Checkpoints: ${nets.map((e) => `${NETWORK_NAMES[e.network]} ${e.checkpoint}`).join(', ')}.`,
      ),
      ...image(charts, 'accuracy-vs-bits'),
      table(['bits', ...nets.map((e) => NETWORK_NAMES[e.network])], rows, [
        false,
        ...nets.map(() => true),
      ]),
    ];
  },
};

/**
 * Accumulator width vs accuracy, WRAP and SAT: one row per accumulator width, two columns per
 * curve (a curve lacking a width shows a dash).
 */
export const accumulatorSection: Section = {
  title: 'Accumulator width vs accuracy',
  render({ results, charts }: SectionContext) {
    const { accumulator } = results;
    const curves = accumulator.curves.filter((c) => c.points.length > 0);
    if (curves.length === 0) return [NO_DATA];
    const n = accumulator.testImages;
    const name = (c: (typeof curves)[number]) => `${NETWORK_NAMES[c.network]} ${intLabel(c.bits)}`;
    const widths = [...new Set(curves.flatMap((c) => c.points.map((p) => p.accBits)))].sort(
      (a, b) => b - a,
    );
    return [
      paragraph(
        `Accuracy on ${formatCount(n)} test images when the accumulator is narrower than the width that can never overflow ` +
          `(${curves.map((c) => `${name(c)}: ${c.fullWidthBits} bits`).join(', ')}): WRAP keeps the low bits (plain two's complement), SAT clamps to the range.`,
      ),
      ...image(charts, 'accumulator-width'),
      table(
        ['accumulator bits', ...curves.flatMap((c) => [`${name(c)} WRAP`, `${name(c)} SAT`])],
        widths.map((w) => [
          String(w),
          ...curves.flatMap((c) => {
            const p = c.points.find((x) => x.accBits === w);
            return p === undefined
              ? ['—', '—']
              : [formatAccuracy(p.wrapCorrect, n), formatAccuracy(p.satCorrect, n)];
          }),
        ]),
        [true, ...curves.flatMap(() => [true, true])],
      ),
    ];
  },
};
