import { InputError } from '../errors.js';
import type { GraphNode } from '../nn/graph.js';
import type { BnNode, TensorFormat, WeightNode } from './graph.js';
import type { BnMode } from './options.js';
import { codeBounds, multiplyShiftFor, thresholdsFor } from './requant.js';
import { codeRange, roundNearest } from './widths.js';

/**
 * The BatchNorm node of the integer graph. With the weight layer's real map y = u·acc + v and
 * eval-mode BatchNorm z = a·y + c (a = γ/√(σ² + ε), c = β − a·μ), the output in code units of
 * plane p (scale s_p) is
 *   slope = a·u / s_p,  offset = (a·v + c) / s_p,
 * and the ideal code clamp(round(slope·acc + offset), lo, hi). A binary output is the sign of z
 * (z ≥ 0 → 1). multiply-shift requantizes to the format's full range (the activation node that
 * follows clamps, and is counted); thresholds fold the activation's clamp into [lo, hi]:
 * relu → lo = 0, hardtanh → [−c, c] with c the code of 1.0.
 */
/** Widest requantization adder simulated exactly (|acc·M + B| < 2^52 in float64). */
export const MAX_ADD_BITS = 52;

export interface BnInput {
  readonly id: string;
  readonly shape: readonly number[];
  readonly weightNode: WeightNode;
  readonly gamma: Float32Array;
  readonly beta: Float32Array;
  readonly mean: Float32Array;
  readonly variance: Float32Array;
  readonly eps: number;
  readonly format: TensorFormat;
  /** Ops of the element-wise nodes between this bn and the layer that reads its output. */
  readonly activations: readonly GraphNode['op'][];
  readonly mode: BnMode;
  readonly bits: number;
}

export function buildBn(input: BnInput): BnNode {
  const w = input.weightNode;
  const { format, mode, bits } = input;
  const n = w.outChannels;
  const accRange = w.accSigned
    ? { accLo: -(2 ** (w.accBits - 1)), accHi: 2 ** (w.accBits - 1) - 1 }
    : { accLo: 0, accHi: 2 ** w.accBits - 1 };
  const planes = format.kind === 'codes' ? format.planes : 1;
  const lo = new Int32Array(planes);
  const hi = new Int32Array(planes);
  for (let p = 0; p < planes; p++) {
    if (format.kind === 'binary') {
      lo[p] = 0;
      hi[p] = 1;
      continue;
    }
    if (format.kind !== 'codes') throw new Error(`bn ${input.id}: output must be codes or binary`);
    const r = codeRange(format.bits, format.signed);
    lo[p] = r.lo;
    hi[p] = r.hi;
    if (mode === 'thresholds') {
      for (const op of input.activations) {
        if (op === 'relu') lo[p] = Math.max(lo[p], 0);
        if (op === 'hardtanh') {
          const c = roundNearest(1 / format.scales[p]);
          lo[p] = Math.max(lo[p], -c);
          hi[p] = Math.min(hi[p], c);
        }
      }
    }
  }
  const multiplier = new Float64Array(planes * n);
  const addend = new Float64Array(planes * n);
  const shift = new Int32Array(planes * n);
  const levels = new Int32Array(planes);
  const chunks: Float64Array[] = [];
  const thresholdStart = new Int32Array(planes * n);
  let filled = 0;
  const direction = new Int8Array(planes * n);
  const slopes = new Float64Array(planes * n);
  const offsets = new Float64Array(planes * n);
  const mulBits = bits;
  const addBits = w.accBits + bits;
  if (mode === 'multiply-shift' && format.kind === 'codes' && addBits > MAX_ADD_BITS) {
    throw new InputError(
      `${input.id}: the multiply-shift adder must be at most ${MAX_ADD_BITS} bits wide (exact in float64), not ${addBits} (accumulator ${w.accBits} + ${bits} bits); use --bn thresholds or fewer --bits`,
    );
  }
  for (let p = 0; p < planes; p++) {
    levels[p] = hi[p] - lo[p] + 1;
    const scale = format.kind === 'codes' ? format.scales[p] : 1;
    const bounds = format.kind === 'binary' ? [0] : codeBounds(lo[p], hi[p]);
    for (let o = 0; o < n; o++) {
      const a = input.gamma[o] / Math.sqrt(input.variance[o] + input.eps);
      const c = input.beta[o] - a * input.mean[o];
      const slope = (a * w.accScale[o]) / scale;
      const offset = (a * w.accOffset[o] + c) / scale;
      const at = p * n + o;
      slopes[at] = slope;
      offsets[at] = offset;
      if (mode === 'multiply-shift' && format.kind === 'codes') {
        const ms = multiplyShiftFor(
          slope,
          offset,
          { lo: lo[p], hi: hi[p], ...accRange },
          mulBits,
          addBits,
        );
        multiplier[at] = ms.multiplier;
        addend[at] = ms.addend;
        shift[at] = ms.shift;
      } else {
        const t = thresholdsFor(slope, offset, bounds, accRange.accLo, accRange.accHi);
        direction[at] = t.direction;
        thresholdStart[at] = filled;
        filled += t.thresholds.length;
        chunks.push(t.thresholds);
      }
    }
  }
  const thresholds = new Float64Array(filled);
  let at = 0;
  for (const c of chunks) {
    thresholds.set(c, at);
    at += c.length;
  }
  return {
    op: 'bn',
    id: input.id,
    input: w.id,
    shape: input.shape,
    format,
    mode: format.kind === 'binary' ? 'thresholds' : mode,
    channels: n,
    inBits: w.accBits,
    inSigned: w.accSigned,
    lo,
    hi,
    mulBits,
    addBits,
    multiplier,
    addend,
    shift,
    levels,
    thresholds,
    thresholdStart,
    direction,
    slope: slopes,
    offset: offsets,
  };
}
