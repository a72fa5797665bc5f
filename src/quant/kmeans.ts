/**
 * One-dimensional k-means (Lloyd's algorithm), deterministic: the k initial centres are the
 * (i + 0.5)/k quantiles of the sorted values, iterations stop when no assignment changes (at
 * most 100), and the clusters that end up non-empty are numbered 0, 1, ... by ascending centre
 * (so fewer than k groups come back when values coincide). The NeurIPS 2022 AdderNet quantizer
 * (Nie et al.) groups output channels this way by their max|w|. Cost O(iterations · n · k).
 */
export function kmeans1d(values: readonly number[], k: number): Int32Array {
  const n = values.length;
  const labels = new Int32Array(n);
  if (n === 0 || k <= 1) return labels;
  const sorted = [...values].sort((a, b) => a - b);
  const centres = Array.from(
    { length: k },
    (_, i) => sorted[Math.min(n - 1, Math.floor(((i + 0.5) / k) * n))],
  );
  for (let iter = 0; iter < 100; iter++) {
    let changed = iter === 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) {
        if (Math.abs(values[i] - centres[c]) < Math.abs(values[i] - centres[best])) best = c;
      }
      if (labels[i] !== best) changed = true;
      labels[i] = best;
    }
    if (!changed) break;
    const sums = new Float64Array(k);
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      sums[labels[i]] += values[i];
      counts[labels[i]]++;
    }
    for (let c = 0; c < k; c++) if (counts[c] > 0) centres[c] = sums[c] / counts[c];
  }
  const used = [...new Set(labels)].sort((a, b) => centres[a] - centres[b] || a - b);
  const rank = new Int32Array(k);
  used.forEach((c, r) => {
    rank[c] = r;
  });
  for (let i = 0; i < n; i++) labels[i] = rank[labels[i]];
  return labels;
}
