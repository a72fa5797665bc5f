/**
 * Multiply kernels (Conv2d, Linear; BinaryConv2d with ±α / ±1 operands) on patch matrices:
 * `cols` [Q, R] (Q = N·P rows from im2col, or the batch's feature rows with P = 1), weights
 * [O, R]; outputs straight into NCHW order y[(n·O + o)·P + p] for q = n·P + p.
 *   y[o,q] = Σ_r w[o,r]·x[q,r] (+ bias[o])
 * Four output channels per pass over one input row (read once for four weight rows; sums in
 * registers). Cost per call: O·Q·R multiply-adds.
 */

export function multiplyForward(
  cols: Float32Array,
  weight: Float32Array,
  bias: Float32Array | undefined,
  q: number,
  r: number,
  o: number,
  p: number,
  y: Float32Array,
): void {
  const o4 = o - (o % 4);
  for (let row = 0; row < q; row++) {
    const xo = row * r;
    const n = (row / p) | 0;
    const base = n * o * p + (row - n * p);
    let ch = 0;
    for (; ch < o4; ch += 4) {
      const w0 = ch * r;
      const w1 = w0 + r;
      const w2 = w1 + r;
      const w3 = w2 + r;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < r; i++) {
        const x = cols[xo + i];
        s0 += x * weight[w0 + i];
        s1 += x * weight[w1 + i];
        s2 += x * weight[w2 + i];
        s3 += x * weight[w3 + i];
      }
      if (bias) {
        s0 += bias[ch];
        s1 += bias[ch + 1];
        s2 += bias[ch + 2];
        s3 += bias[ch + 3];
      }
      y[base + ch * p] = s0;
      y[base + (ch + 1) * p] = s1;
      y[base + (ch + 2) * p] = s2;
      y[base + (ch + 3) * p] = s3;
    }
    for (; ch < o; ch++) {
      const w0 = ch * r;
      let s = bias ? bias[ch] : 0;
      for (let i = 0; i < r; i++) s += cols[xo + i] * weight[w0 + i];
      y[base + ch * p] = s;
    }
  }
}

/**
 * Multiply backward: dW[o,r] += Σ_q g[o,q]·x[q,r]; dcols[q,r] = Σ_o g[o,q]·w[o,r];
 * dBias[o] += Σ_q g[o,q]. dW accumulates in float64. Four output channels per pass, so each
 * dcols element is stored once per four channels. Cost 2·O·Q·R (O·Q·R without dcols).
 */
export function multiplyBackward(
  cols: Float32Array,
  weight: Float32Array,
  grad: Float32Array,
  q: number,
  r: number,
  o: number,
  p: number,
  dWeight: Float64Array,
  dBias: Float64Array | undefined,
  dcols: Float32Array | undefined,
): void {
  const o4 = o - (o % 4);
  for (let row = 0; row < q; row++) {
    const xo = row * r;
    const n = (row / p) | 0;
    const base = n * o * p + (row - n * p);
    if (dcols) dcols.fill(0, xo, xo + r);
    let ch = 0;
    for (; ch < o4; ch += 4) {
      const g0 = grad[base + ch * p];
      const g1 = grad[base + (ch + 1) * p];
      const g2 = grad[base + (ch + 2) * p];
      const g3 = grad[base + (ch + 3) * p];
      if (dBias) {
        dBias[ch] += g0;
        dBias[ch + 1] += g1;
        dBias[ch + 2] += g2;
        dBias[ch + 3] += g3;
      }
      const w0 = ch * r;
      const w1 = w0 + r;
      const w2 = w1 + r;
      const w3 = w2 + r;
      for (let i = 0; i < r; i++) {
        const x = cols[xo + i];
        dWeight[w0 + i] += g0 * x;
        dWeight[w1 + i] += g1 * x;
        dWeight[w2 + i] += g2 * x;
        dWeight[w3 + i] += g3 * x;
      }
      if (dcols) {
        for (let i = 0; i < r; i++) {
          dcols[xo + i] +=
            g0 * weight[w0 + i] + g1 * weight[w1 + i] + g2 * weight[w2 + i] + g3 * weight[w3 + i];
        }
      }
    }
    for (; ch < o; ch++) {
      const g = grad[base + ch * p];
      if (dBias) dBias[ch] += g;
      const w0 = ch * r;
      for (let i = 0; i < r; i++) dWeight[w0 + i] += g * cols[xo + i];
      if (dcols) for (let i = 0; i < r; i++) dcols[xo + i] += g * weight[w0 + i];
    }
  }
}
