/**
 * AdderNet kernels (AdderConv2d, adder Linear) on the same patch matrices as the multiply
 * kernels (see multiply.ts for the layout):
 *   y[o,q] = −Σ_r |x[q,r] − w[o,r]|
 * Zero-padded taps hold x = 0 and so contribute −|w|, as the official code. Four output
 * channels per pass. Cost per call: O·Q·R subtract-abs-accumulate taps.
 */

export function adderForward(
  cols: Float32Array,
  weight: Float32Array,
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
        s0 += Math.abs(x - weight[w0 + i]);
        s1 += Math.abs(x - weight[w1 + i]);
        s2 += Math.abs(x - weight[w2 + i]);
        s3 += Math.abs(x - weight[w3 + i]);
      }
      y[base + ch * p] = -s0;
      y[base + (ch + 1) * p] = -s1;
      y[base + (ch + 2) * p] = -s2;
      y[base + (ch + 3) * p] = -s3;
    }
    for (; ch < o; ch++) {
      const w0 = ch * r;
      let s = 0;
      for (let i = 0; i < r; i++) s += Math.abs(cols[xo + i] - weight[w0 + i]);
      y[base + ch * p] = -s;
    }
  }
}

/**
 * AdderNet backward as the official code computes it (not the true derivative):
 * dW[o,r] += Σ_q (x[q,r] − w[o,r])·g[o,q]   (full-precision difference, not its sign);
 * dcols[q,r] = Σ_o HardTanh(w[o,r] − x[q,r])·g[o,q]   (difference clipped to [−1, 1]).
 * The clip is computed without branches as (|d + 1| − |d − 1|)/2 (d = x − w, sign folded in):
 * data-dependent branches here cost five times more than the arithmetic. Four output channels
 * per pass. Cost 2·O·Q·R (O·Q·R without dcols).
 */
export function adderBackward(
  cols: Float32Array,
  weight: Float32Array,
  grad: Float32Array,
  q: number,
  r: number,
  o: number,
  p: number,
  dWeight: Float64Array,
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
      const h0 = 0.5 * g0;
      const h1 = 0.5 * g1;
      const h2 = 0.5 * g2;
      const h3 = 0.5 * g3;
      const w0 = ch * r;
      const w1 = w0 + r;
      const w2 = w1 + r;
      const w3 = w2 + r;
      if (dcols) {
        for (let i = 0; i < r; i++) {
          const x = cols[xo + i];
          const d0 = x - weight[w0 + i];
          const d1 = x - weight[w1 + i];
          const d2 = x - weight[w2 + i];
          const d3 = x - weight[w3 + i];
          dWeight[w0 + i] += d0 * g0;
          dWeight[w1 + i] += d1 * g1;
          dWeight[w2 + i] += d2 * g2;
          dWeight[w3 + i] += d3 * g3;
          dcols[xo + i] -=
            (Math.abs(d0 + 1) - Math.abs(d0 - 1)) * h0 +
            (Math.abs(d1 + 1) - Math.abs(d1 - 1)) * h1 +
            (Math.abs(d2 + 1) - Math.abs(d2 - 1)) * h2 +
            (Math.abs(d3 + 1) - Math.abs(d3 - 1)) * h3;
        }
      } else {
        for (let i = 0; i < r; i++) {
          const x = cols[xo + i];
          dWeight[w0 + i] += (x - weight[w0 + i]) * g0;
          dWeight[w1 + i] += (x - weight[w1 + i]) * g1;
          dWeight[w2 + i] += (x - weight[w2 + i]) * g2;
          dWeight[w3 + i] += (x - weight[w3 + i]) * g3;
        }
      }
    }
    for (; ch < o; ch++) {
      const g = grad[base + ch * p];
      const h = 0.5 * g;
      const w0 = ch * r;
      for (let i = 0; i < r; i++) {
        const d = cols[xo + i] - weight[w0 + i];
        dWeight[w0 + i] += d * g;
        if (dcols) dcols[xo + i] -= (Math.abs(d + 1) - Math.abs(d - 1)) * h;
      }
    }
  }
}
