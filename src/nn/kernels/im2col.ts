import { type NodeWindow, windowOutput } from '../graph.js';

/**
 * im2col and its adjoint col2im: a convolution becomes one "patch matrix" product per batch.
 *
 * Layout: `cols` is [N·P, R], one contiguous row per output position q = n·P + oy·Wo + ox,
 * P = Ho·Wo, R = C·kh·kw with column r = (c·kh + i)·kw + j — the order of a flattened
 * [out, C, kh, kw] weight row, so every layer kernel reduces over two contiguous rows.
 * Zero padding writes 0 into the row (an adder layer then adds −|w| for that tap, as the
 * official code does); col2im drops the gradient of padded taps.
 * Cost: N·P·R copies each way; memory N·P·R floats.
 */
export interface ConvGeometry {
  readonly n: number;
  /** Channels of the input tensor, and the channels one im2col call reads (one group's). */
  readonly channels: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
  readonly kh: number;
  readonly kw: number;
  readonly sh: number;
  readonly sw: number;
  /** Padding before the first row and column (the far sides only shorten the output). */
  readonly top: number;
  readonly left: number;
  readonly ho: number;
  readonly wo: number;
}

/** The geometry of `window` over an [N, C, H, W] input, one im2col call per group. */
export function convGeometry(shape: readonly number[], window: NodeWindow): ConvGeometry {
  const [n, channels, h, w] = shape;
  const [ho, wo] = windowOutput(window, [channels, h, w]);
  return {
    n,
    channels,
    c: channels / window.groups,
    h,
    w,
    kh: window.kernelH,
    kw: window.kernelW,
    sh: window.strideH,
    sw: window.strideW,
    top: window.top,
    left: window.left,
    ho,
    wo,
  };
}

/** Patch rows of input channels [c0, c0 + g.c) (c0 = 0 for an ungrouped convolution). */
export function im2col(x: Float32Array, g: ConvGeometry, cols: Float32Array, c0 = 0): void {
  const { n, channels, c, h, w, kh, kw, sh, sw, top, left, ho, wo } = g;
  const r = c * kh * kw;
  let row = 0;
  for (let b = 0; b < n; b++) {
    const xb = (b * channels + c0) * h * w;
    for (let oy = 0; oy < ho; oy++) {
      for (let ox = 0; ox < wo; ox++) {
        let at = row * r;
        for (let ch = 0; ch < c; ch++) {
          const xc = xb + ch * h * w;
          for (let i = 0; i < kh; i++) {
            const y = oy * sh + i - top;
            if (y < 0 || y >= h) {
              for (let j = 0; j < kw; j++) cols[at++] = 0;
              continue;
            }
            const xr = xc + y * w;
            for (let j = 0; j < kw; j++) {
              const xx = ox * sw + j - left;
              cols[at++] = xx >= 0 && xx < w ? x[xr + xx] : 0;
            }
          }
        }
        row++;
      }
    }
  }
}

/**
 * Adds each row of `dcols` back onto the input positions it was read from (into zeroed `dx`);
 * ungrouped convolutions only (training runs no grouped layer).
 */
export function col2im(dcols: Float32Array, g: ConvGeometry, dx: Float32Array): void {
  const { n, c, h, w, kh, kw, sh, sw, top, left, ho, wo } = g;
  const r = c * kh * kw;
  dx.fill(0);
  let row = 0;
  for (let b = 0; b < n; b++) {
    const xb = b * c * h * w;
    for (let oy = 0; oy < ho; oy++) {
      for (let ox = 0; ox < wo; ox++) {
        let at = row * r;
        for (let ch = 0; ch < c; ch++) {
          const xc = xb + ch * h * w;
          for (let i = 0; i < kh; i++) {
            const y = oy * sh + i - top;
            if (y < 0 || y >= h) {
              at += kw;
              continue;
            }
            const xr = xc + y * w;
            for (let j = 0; j < kw; j++, at++) {
              const xx = ox * sw + j - left;
              if (xx >= 0 && xx < w) dx[xr + xx] += dcols[at];
            }
          }
        }
        row++;
      }
    }
  }
}
