/**
 * Integer tensors of the engine: a batch of `images`, each in `planes` copies (one per channel
 * group of a grouped adder layer that reads it), layout [plane][image][C·H·W]. Codes and bits
 * are Int32Array; accumulators Float64Array (exact integers up to 2^53: a 16-bit multiply layer's
 * accumulator needs 41 bits).
 */
export interface IntTensor {
  /** Per image and plane: [C, H, W] or [F]. */
  readonly shape: readonly number[];
  readonly images: number;
  readonly planes: number;
  readonly data: Int32Array | Float64Array;
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function codesTensor(shape: readonly number[], images: number, planes = 1): IntTensor {
  return { shape, images, planes, data: new Int32Array(sizeOf(shape) * images * planes) };
}

export function accTensor(shape: readonly number[], images: number): IntTensor {
  return { shape, images, planes: 1, data: new Float64Array(sizeOf(shape) * images) };
}
