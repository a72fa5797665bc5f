import { formatAccuracy, intLabel } from '../format.js';
import { NETWORK_NAMES } from './categories.js';
import type { QuantizedEngine, QuantizedNetwork } from './inference.js';
import type { StudyNetwork } from './networks.js';

/**
 * Low-width accuracy depends on how BatchNorm and requantization run after each accumulator,
 * not only on the layer kind: the engine's default multiply-shift uses a b-bit multiplier, so
 * at 4 bits the per-channel BatchNorm slope itself has 4 bits. This note sets the default next
 * to the multiplier-free threshold requantization, network by network, at every width of the
 * sweep below the default, over the first `images` test images.
 * Cost: two inference runs per network and width (the multiply-shift ones are usually cached).
 */
export async function requantizationNote(
  engine: QuantizedEngine,
  runs: readonly {
    readonly net: StudyNetwork;
    readonly byBits: (bits: number) => QuantizedNetwork;
  }[],
  widths: readonly number[],
  images: number,
  tick: () => void,
): Promise<string> {
  const parts: string[] = [];
  for (const { net, byBits } of runs) {
    const cells: string[] = [];
    for (const bits of widths) {
      const shift = await byBits(bits).correct(images);
      const thresholds = await engine.quantize(net, bits, 'thresholds').correct(images);
      tick();
      cells.push(
        `${intLabel(bits)} ${formatAccuracy(thresholds, images)} (multiply-shift ${formatAccuracy(shift, images)})`,
      );
    }
    parts.push(`${NETWORK_NAMES[net.network]}: ${cells.join(', ')}`);
  }
  return `Requantization after each accumulator: the accuracy table uses a multiply-shift (a b-bit multiplier, as the operation budget counts it). With multiplier-free threshold requantization instead, over the first ${images} test images: ${parts.join('; ')}.`;
}
