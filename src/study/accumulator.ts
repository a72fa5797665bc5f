import type { QuantizedNetwork } from './inference.js';
import type { AccumulatorCurve, AccumulatorSection } from './results.js';

/**
 * Accumulator width vs accuracy: each network at the default bit width with the accumulators of
 * its body layers cut to `fullAccumulatorBits − s` bits for s = 0 .. steps (never narrower than
 * one addend, nor below 2 bits), once wrapping (WRAP: keep the low bits, what a plain
 * two's-complement register does) and once saturating (SAT: clamp to the register's range). At
 * the full width nothing can overflow, so that point is one run whose count serves both modes.
 * Counted over the first `images` test images. Cost: 1 + 2·steps inference runs per network.
 */
export function accumulatorWidths(full: number, steps: number, min: number): number[] {
  const widths: number[] = [];
  for (let s = 0; s <= steps && full - s >= Math.max(2, min); s++) widths.push(full - s);
  return widths;
}

export async function accumulatorCurve(
  q: QuantizedNetwork,
  images: number,
  steps: number,
  tick: () => void,
): Promise<AccumulatorCurve> {
  const full = q.fullAccumulatorBits;
  const points: AccumulatorCurve['points'][number][] = [];
  for (const accBits of accumulatorWidths(full, steps, q.minAccumulatorBits)) {
    if (accBits === full) {
      const correct = await q.correct(images);
      tick();
      points.push({ accBits, wrapCorrect: correct, satCorrect: correct });
      continue;
    }
    const wrapCorrect = await q.correct(images, { bits: accBits, overflow: 'wrap' });
    tick();
    const satCorrect = await q.correct(images, { bits: accBits, overflow: 'sat' });
    tick();
    points.push({ accBits, wrapCorrect, satCorrect });
  }
  return { network: q.network.network, bits: q.bits, fullWidthBits: full, points };
}

/** Inference runs `accumulatorCurve` makes (for progress bars). */
export function accumulatorRuns(q: QuantizedNetwork, steps: number): number {
  const full = q.fullAccumulatorBits;
  return accumulatorWidths(full, steps, q.minAccumulatorBits).reduce(
    (n, w) => n + (w === full ? 1 : 2),
    0,
  );
}

export function accumulatorSection(
  curves: readonly AccumulatorCurve[],
  images: number,
): AccumulatorSection {
  return { testImages: images, curves };
}
