import type { Tensor } from '../tensor.js';

/**
 * A trainable tensor with its gradient. `adaptive` marks AdderNet weights, whose gradient the
 * optimizer rescales by η·√k/‖g‖₂ before momentum and weight decay.
 */
export interface Param {
  /** Checkpoint name: `<nodeId>.weight`, `<nodeId>.bias`. */
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
  readonly grad: Float32Array;
  readonly adaptive: boolean;
}

/** Non-trainable state saved in checkpoints (BatchNorm running statistics). */
export interface Buffer {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/**
 * One graph node's computation. `forward` with training = true keeps what `backward` needs;
 * `backward` takes dL/d(output) and returns dL/d(input) for each input, writing parameter
 * gradients into `Param.grad` (overwriting: one backward per step).
 */
export interface Layer {
  forward(inputs: readonly Tensor[], training: boolean): Tensor;
  backward(grad: Tensor): Tensor[];
  params(): Param[];
  buffers(): Buffer[];
}

export function param(
  name: string,
  shape: readonly number[],
  data: Float32Array,
  adaptive = false,
): Param {
  return { name, shape: [...shape], data, grad: new Float32Array(data.length), adaptive };
}
