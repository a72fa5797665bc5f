/**
 * im2col and its adjoint col2im: a convolution becomes one "patch matrix" product per batch.
 *
 * Layout: `cols` is [N·P, R], one contiguous row per output position q = n·P + oy·Wo + ox,
 * P = Ho·Wo, R = C·k·k with column r = (c·k + i)·k + j — the order of a flattened
 * [out, C, k, k] weight row, so every layer kernel reduces over two contiguous rows.
 * Zero padding writes 0 into the row (an adder layer then adds −|w| for that tap, as the
 * official code does); col2im drops the gradient of padded taps.
 * Cost: N·P·R copies each way; memory N·P·R floats.
 */
export interface ConvGeometry {
  readonly n: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
  readonly k: number;
  readonly stride: number;
  readonly pad: number;
  readonly ho: number;
  readonly wo: number;
}

export function convGeometry(
  shape: readonly number[],
  k: number,
  stride: number,
  pad: number,
): ConvGeometry {
  const [n, c, h, w] = shape;
  const ho = Math.floor((h + 2 * pad - k) / stride) + 1;
  const wo = Math.floor((w + 2 * pad - k) / stride) + 1;
  return { n, c, h, w, k, stride, pad, ho, wo };
}

export function im2col(x: Float32Array, g: ConvGeometry, cols: Float32Array): void {
  const { n, c, h, w, k, stride, pad, ho, wo } = g;
  const r = c * k * k;
  let row = 0;
  for (let b = 0; b < n; b++) {
    const xb = b * c * h * w;
    for (let oy = 0; oy < ho; oy++) {
      for (let ox = 0; ox < wo; ox++) {
        let at = row * r;
        for (let ch = 0; ch < c; ch++) {
          const xc = xb + ch * h * w;
          for (let i = 0; i < k; i++) {
            const y = oy * stride + i - pad;
            if (y < 0 || y >= h) {
              for (let j = 0; j < k; j++) cols[at++] = 0;
              continue;
            }
            const xr = xc + y * w;
            for (let j = 0; j < k; j++) {
              const xx = ox * stride + j - pad;
              cols[at++] = xx >= 0 && xx < w ? x[xr + xx] : 0;
            }
          }
        }
        row++;
      }
    }
  }
}

/** Adds each row of `dcols` back onto the input positions it was read from (into zeroed `dx`). */
export function col2im(dcols: Float32Array, g: ConvGeometry, dx: Float32Array): void {
  const { n, c, h, w, k, stride, pad, ho, wo } = g;
  const r = c * k * k;
  dx.fill(0);
  let row = 0;
  for (let b = 0; b < n; b++) {
    const xb = b * c * h * w;
    for (let oy = 0; oy < ho; oy++) {
      for (let ox = 0; ox < wo; ox++) {
        let at = row * r;
        for (let ch = 0; ch < c; ch++) {
          const xc = xb + ch * h * w;
          for (let i = 0; i < k; i++) {
            const y = oy * stride + i - pad;
            if (y < 0 || y >= h) {
              at += k;
              continue;
            }
            const xr = xc + y * w;
            for (let j = 0; j < k; j++, at++) {
              const xx = ox * stride + j - pad;
              if (xx >= 0 && xx < w) dx[xr + xx] += dcols[at];
            }
          }
        }
        row++;
      }
    }
  }
}
