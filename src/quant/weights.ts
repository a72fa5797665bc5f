import { doubleQuantizer, quantizeDouble } from '../bits/fast-number.js';
import { kmeans1d } from './kmeans.js';
import { codeRange, QUANT_ROUNDING } from './widths.js';

/**
 * Weight quantization, one function per layer kind. Weights are [N, K] rows (output channel o,
 * tap r), as flattened from PyTorch's [out, in, k, k] / [out, in].
 */

/**
 * CNN (multiply) layers: per-channel symmetric scales s_w[o] = max|w[o]| / (2^(b−1) − 1),
 * codes round(w / s_w) in [−(2^(b−1) − 1), 2^(b−1) − 1] (ac_int<b, true> with RND_INF and
 * SAT_SYM: the symmetric range keeps −code a code). |w − s_w·code| ≤ s_w/2.
 */
export function quantizeMultiplyWeights(
  w: Float32Array,
  n: number,
  k: number,
  bits: number,
): { codes: Int32Array; scales: Float64Array } {
  const qmax = codeRange(bits, true).hi;
  const q = doubleQuantizer({
    width: bits,
    signed: true,
    rounding: QUANT_ROUNDING,
    overflow: 'SAT_SYM',
  });
  const codes = new Int32Array(n * k);
  const scales = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    let m = 0;
    for (let r = 0; r < k; r++) m = Math.max(m, Math.abs(w[o * k + r]));
    const s = m > 0 ? m / qmax : 1;
    scales[o] = s;
    for (let r = 0; r < k; r++) {
      codes[o * k + r] = quantizeDouble(w[o * k + r] / s, q);
    }
  }
  return { codes, scales };
}

/** Distance from w to the interval [0, a]: how much the lossless clamp removes. */
export function clampDistance(w: number, a: number): number {
  return w < 0 ? -w : w > a ? w - a : 0;
}

/**
 * The lossless weight clamp: for every x in [0, a],
 *   |x − w| = |x − clip(w, 0, a)| + dist(w, [0, a]),
 * because when w lies beyond the interval, x and clip(w) sit on the same side of w. Summed over
 * a channel's taps the second term is a constant C[o] that joins the BatchNorm offset, so the
 * adder datapath only ever sees clip(w) and x, both in [0, a]: unsigned b-bit codes of one
 * shared scale s = a / (2^b − 1).
 *
 * AdderNet layers: channel o of group g has range a_g and scale s_g; codes
 * round(clip(w, 0, a_g) / s_g) in [0, 2^b − 1]; C[o] = Σ_r dist(w[o, r], [0, a_g]).
 */
export function quantizeAdderWeights(
  w: Float32Array,
  n: number,
  k: number,
  bits: number,
  channelRange: Float64Array,
): { codes: Int32Array; scales: Float64Array; clampConstants: Float64Array } {
  const qmax = codeRange(bits, false).hi;
  const q = doubleQuantizer({
    width: bits,
    signed: false,
    rounding: QUANT_ROUNDING,
    overflow: 'SAT',
  });
  const codes = new Int32Array(n * k);
  const scales = new Float64Array(n);
  const clampConstants = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    const a = channelRange[o];
    const s = a / qmax;
    scales[o] = s;
    let c = 0;
    for (let r = 0; r < k; r++) {
      const v = w[o * k + r];
      c += clampDistance(v, a);
      const clipped = Math.min(a, Math.max(0, v));
      codes[o * k + r] = quantizeDouble(clipped / s, q);
    }
    clampConstants[o] = c;
  }
  return { codes, scales, clampConstants };
}

/**
 * Channel groups of an adder layer (NeurIPS 2022, Nie et al.): k-means on max|w[o]| into at most
 * `groups` clusters; group g's range is min(activation range, the largest max|w| in the group),
 * so groups of narrow channels get a finer scale (their activations are clamped at the group
 * range) while wide groups keep the activation range and rely on the lossless clamp.
 */
export function adderGroups(
  w: Float32Array,
  n: number,
  k: number,
  groups: number,
  activationRange: number,
): { channelGroup: Int32Array; groupRange: number[] } {
  const maxAbs: number[] = [];
  for (let o = 0; o < n; o++) {
    let m = 0;
    for (let r = 0; r < k; r++) m = Math.max(m, Math.abs(w[o * k + r]));
    maxAbs.push(m);
  }
  const channelGroup = kmeans1d(maxAbs, groups);
  const count = channelGroup.length === 0 ? 0 : Math.max(...channelGroup) + 1;
  const groupRange = Array.from({ length: count }, (_, g) => {
    let m = 0;
    for (let o = 0; o < n; o++) if (channelGroup[o] === g) m = Math.max(m, maxAbs[o]);
    const r = Math.min(activationRange, m);
    return r > 0 ? r : activationRange;
  });
  return { channelGroup, groupRange };
}

/**
 * Binary layers: w ↦ bit (w ≥ 0), and the per-channel scale α[o] = mean|w[o]| of the float
 * layer (y = α·Σ sign(w)·sign(x)); α joins the BatchNorm slope.
 */
export function binarizeWeights(
  w: Float32Array,
  n: number,
  k: number,
): { codes: Int32Array; alpha: Float64Array } {
  const codes = new Int32Array(n * k);
  const alpha = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    let s = 0;
    for (let r = 0; r < k; r++) {
      const v = w[o * k + r];
      s += Math.abs(v);
      codes[o * k + r] = v >= 0 ? 1 : 0;
    }
    alpha[o] = s / k;
  }
  return { codes, alpha };
}
