import { clampInt } from '../../bits/fast.js';
import { floorShift, roundToInteger } from '../../bits/fast-number.js';
import type { BnNode } from '../../quant/graph.js';
import { storedBits } from '../../quant/graph.js';
import { searchComparisons } from '../../quant/requant.js';
import type { NodeCounter } from '../counters.js';
import { codesTensor, type IntTensor, sizeOf } from '../tensor.js';
import { type Kernel, registerKernel } from './registry.js';

/**
 * BatchNorm + requantization, functional (requant.ts states both integer maps):
 * - multiply-shift: code = clamp(floor((acc·M + B) / 2^S), lo, hi), exact in float64 because
 *   |acc·M + B| < 2^(addBits − 1) ≤ 2^52;
 * - thresholds: code = lo + thresholds crossed (binary search).
 * One output plane per channel group of the layer that reads it.
 * Counted per element and plane: multiply-shift 1 mul (inBits × b) + 1 add (inBits + b);
 * thresholds ceil(log2 levels) cmp (inBits). Memory: the input once, the output codes once, and
 * the per-channel parameters once per image: scale (b bits) and offset (inBits + b bits), or the
 * thresholds (inBits each) a channel's binary searches can touch, min(levels − 1, elements per
 * channel · ceil(log2 levels)).
 */
export const bnKernel: Kernel = (node, [x], ctx) => {
  const bn = node as BnNode;
  const planes = bn.lo.length;
  const out = codesTensor(bn.shape, x.images, planes);
  const per = sizeOf(bn.shape);
  const spatial = per / bn.channels;
  const src = x.data as Float64Array;
  const dst = out.data as Int32Array;
  for (let p = 0; p < planes; p++) {
    for (let img = 0; img < x.images; img++) {
      for (let o = 0; o < bn.channels; o++) {
        const from = img * per + o * spatial;
        const to = (p * x.images + img) * per + o * spatial;
        if (bn.mode === 'multiply-shift') multiplyShiftRun(bn, p, o, src, from, dst, to, spatial);
        else thresholdRun(bn, p, o, src, from, dst, to, spatial);
      }
    }
  }
  countBn(bn, x, ctx.counter);
  return out;
};

function multiplyShiftRun(
  bn: BnNode,
  p: number,
  o: number,
  src: Float64Array,
  from: number,
  dst: Int32Array,
  to: number,
  count: number,
): void {
  const at = p * bn.channels + o;
  const lo = bn.lo[p];
  const hi = bn.hi[p];
  const m = bn.multiplier[at];
  const add = bn.addend[at];
  const shift = bn.shift[at];
  for (let i = 0; i < count; i++) {
    dst[to + i] = clampInt(floorShift(src[from + i] * m + add, shift), lo, hi);
  }
}

/**
 * The thresholds' code, found fast and exactly: start from the real-valued estimate
 * round(slope·acc + offset), then step while the next threshold is crossed or the current one
 * is not. Thresholds are monotone, so this lands on lo + (number crossed), the same code the
 * binary search of the hardware finds (its comparisons are what gets counted).
 */
function thresholdRun(
  bn: BnNode,
  p: number,
  o: number,
  src: Float64Array,
  from: number,
  dst: Int32Array,
  to: number,
  count: number,
): void {
  const at = p * bn.channels + o;
  const lo = bn.lo[p];
  const hi = bn.hi[p];
  const start = bn.thresholdStart[at] - lo - 1;
  const dir = bn.direction[at];
  const slope = bn.slope[at];
  const offset = bn.offset[at];
  const t = bn.thresholds;
  if (dir > 0) {
    for (let i = 0; i < count; i++) {
      const acc = src[from + i];
      let c = clampInt(roundToInteger(slope * acc + offset, 'RND'), lo, hi);
      // Code c means thresholds lo+1 .. c are crossed; threshold j sits at t[start + j].
      while (c < hi && acc >= t[start + c + 1]) c++;
      while (c > lo && acc < t[start + c]) c--;
      dst[to + i] = c;
    }
  } else {
    for (let i = 0; i < count; i++) {
      const acc = src[from + i];
      let c = clampInt(roundToInteger(slope * acc + offset, 'RND'), lo, hi);
      while (c < hi && acc <= t[start + c + 1]) c++;
      while (c > lo && acc > t[start + c]) c--;
      dst[to + i] = c;
    }
  }
}

export function countBn(bn: BnNode, x: IntTensor, counter: NodeCounter): void {
  const planes = bn.lo.length;
  const elements = x.data.length;
  const b = bn.mulBits;
  counter.read(bn.inBits, elements);
  for (let p = 0; p < planes; p++) {
    if (bn.mode === 'multiply-shift') {
      counter.op('mul', bn.inBits, elements, b);
      counter.op('add', bn.addBits, elements);
      counter.read(b, x.images * bn.channels);
      counter.read(bn.addBits, x.images * bn.channels);
    } else {
      const search = searchComparisons(bn.levels[p]);
      counter.op('cmp', bn.inBits, elements * search);
      // Each threshold is read at most once per inference, and a channel's searches touch at
      // most `search` thresholds per element: min(levels − 1, elements per channel · search).
      const perChannel = Math.min(bn.levels[p] - 1, (elements / (x.images * bn.channels)) * search);
      counter.read(bn.inBits, x.images * bn.channels * perChannel);
    }
    counter.write(storedBits(bn.format), elements);
  }
  counter.accumulations += elements * planes;
}

registerKernel('functional', 'bn', bnKernel);
