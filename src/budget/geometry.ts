/**
 * Window geometry of convolutions and pooling along one spatial axis, in closed form.
 *
 * Output position o reads input positions o·stride − padding + i for i in [0, kernel); the
 * positions outside [0, size) are padding. Because a 2-D window is the product of its row and
 * column ranges, the number of in-range (row, column) pairs summed over every output pixel is
 * validTaps(H)·validTaps(W): per-axis sums replace a loop over the whole output map.
 */

/**
 * Output length: floor((size + padding + padAfter − kernel) / stride) + 1 (PyTorch's formula
 * with padAfter = padding; ONNX's with its begin and end pads).
 */
export function outputLength(
  size: number,
  kernel: number,
  stride: number,
  padding: number,
  padAfter = padding,
): number {
  return Math.floor((size + padding + padAfter - kernel) / stride) + 1;
}

/**
 * Σ over output positions of the number of window positions that fall inside the input.
 * Costs O(output length).
 */
export function validTaps(
  size: number,
  kernel: number,
  stride: number,
  padding: number,
  padAfter = padding,
): number {
  const out = outputLength(size, kernel, stride, padding, padAfter);
  let total = 0;
  for (let o = 0; o < out; o++) {
    const first = o * stride - padding;
    const lo = Math.max(first, 0);
    const hi = Math.min(first + kernel, size);
    total += Math.max(hi - lo, 0);
  }
  return total;
}

/**
 * A window over an H×W map: square with equal padding, unless the optional fields give the
 * width's kernel and stride and the padding per side ([top, left, bottom, right]).
 */
export interface Window2d {
  readonly height: number;
  readonly width: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly kernelWidth?: number;
  readonly strideWidth?: number;
  readonly pads?: readonly number[];
}

/** [size, kernel, stride, pad before, pad after] along the rows, then the columns. */
function axes(w: Window2d): [number, number, number, number, number][] {
  const [top, left, bottom, right] = w.pads ?? [w.padding, w.padding, w.padding, w.padding];
  return [
    [w.height, w.kernel, w.stride, top, bottom],
    [w.width, w.kernelWidth ?? w.kernel, w.strideWidth ?? w.stride, left, right],
  ];
}

/** Output pixels of the window over an H×W map. */
export function outputPixels(w: Window2d): number {
  const [rows, cols] = axes(w);
  return outputLength(...rows) * outputLength(...cols);
}

/** (output pixel, window position) pairs that read a real input pixel, over one channel. */
export function validWindowPairs(w: Window2d): number {
  const [rows, cols] = axes(w);
  return validTaps(...rows) * validTaps(...cols);
}

/** (output pixel, window position) pairs that read zero padding, over one channel. */
export function paddedWindowPairs(w: Window2d): number {
  return outputPixels(w) * w.kernel * (w.kernelWidth ?? w.kernel) - validWindowPairs(w);
}
