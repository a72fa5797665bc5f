/**
 * Float32 tensors on typed arrays. Layout is row-major with the batch first: activations are
 * NCHW ([N, C, H, W]) or [N, F] after flatten; conv weights [out, in, k, k], linear [out, in].
 * A tensor owns no behaviour: layers and kernels read and write `data` directly.
 */
export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** Number of elements of a shape (1 for the empty shape). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** A tensor of the given shape, zero-filled or wrapping `data` (whose length must match). */
export function tensor(shape: readonly number[], data?: Float32Array): Tensor {
  const n = sizeOf(shape);
  if (data && data.length !== n) {
    throw new Error(`tensor of shape [${shape}] needs ${n} values, got ${data.length}`);
  }
  return { shape: [...shape], data: data ?? new Float32Array(n) };
}

/** Same data, another shape of the same size (flatten). */
export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  return tensor(shape, t.data);
}
