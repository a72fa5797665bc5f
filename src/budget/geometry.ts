/**
 * Window geometry of convolutions and pooling along one spatial axis, in closed form.
 *
 * Output position o reads input positions o·stride − padding + i for i in [0, kernel); the
 * positions outside [0, size) are padding. Because a 2-D window is the product of its row and
 * column ranges, the number of in-range (row, column) pairs summed over every output pixel is
 * validTaps(H)·validTaps(W): per-axis sums replace a loop over the whole output map.
 */

/** Output length: floor((size + 2·padding − kernel) / stride) + 1 (PyTorch's formula). */
export function outputLength(
  size: number,
  kernel: number,
  stride: number,
  padding: number,
): number {
  return Math.floor((size + 2 * padding - kernel) / stride) + 1;
}

/**
 * Σ over output positions of the number of window positions that fall inside the input.
 * Costs O(output length).
 */
export function validTaps(size: number, kernel: number, stride: number, padding: number): number {
  const out = outputLength(size, kernel, stride, padding);
  let total = 0;
  for (let o = 0; o < out; o++) {
    const first = o * stride - padding;
    const lo = Math.max(first, 0);
    const hi = Math.min(first + kernel, size);
    total += Math.max(hi - lo, 0);
  }
  return total;
}

export interface Window2d {
  readonly height: number;
  readonly width: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
}

/** Output pixels of a square window over an H×W map. */
export function outputPixels(w: Window2d): number {
  return (
    outputLength(w.height, w.kernel, w.stride, w.padding) *
    outputLength(w.width, w.kernel, w.stride, w.padding)
  );
}

/** (output pixel, window position) pairs that read a real input pixel, over one channel. */
export function validWindowPairs(w: Window2d): number {
  return (
    validTaps(w.height, w.kernel, w.stride, w.padding) *
    validTaps(w.width, w.kernel, w.stride, w.padding)
  );
}

/** (output pixel, window position) pairs that read zero padding, over one channel. */
export function paddedWindowPairs(w: Window2d): number {
  return outputPixels(w) * w.kernel * w.kernel - validWindowPairs(w);
}
