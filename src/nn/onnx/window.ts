import { InputError } from '../../errors.js';
import { type NodeWindow, windowOutput } from '../graph.js';
import type { Attributes } from './attributes.js';

/**
 * The 2-D window of an ONNX Conv, MaxPool or AveragePool from its attributes: kernel_shape,
 * strides (default 1), pads [top, left, bottom, right] (default 0) or auto_pad (NOTSET, VALID,
 * SAME_UPPER, SAME_LOWER: output = ceil(size / stride), the odd padding pixel after (UPPER) or
 * before (LOWER)), dilations (only 1). `extra` is zero padding a preceding Pad node asked for.
 */
export function readWindow(
  a: Attributes,
  kernel: readonly [number, number],
  input: readonly number[],
  where: string,
  file: string,
  extra: readonly number[] = [0, 0, 0, 0],
): NodeWindow {
  const fail = (what: string, expected: string, found: unknown): never => {
    throw new InputError(
      `${file}: ${where}: ${what} (expected ${expected}, found ${JSON.stringify(found)})`,
    );
  };
  const strides = a.ints('strides') ?? [1, 1];
  if (strides.length !== 2 || strides.some((s) => s < 1 || s > 1024)) {
    fail('unsupported strides', 'two strides from 1 to 1024', strides);
  }
  const dilations = a.ints('dilations') ?? [1, 1];
  if (dilations.some((d) => d !== 1)) fail('unsupported dilations', 'dilations of 1', dilations);
  const autoPad = a.string('auto_pad', 'NOTSET');
  let pads = a.ints('pads') ?? [0, 0, 0, 0];
  if (autoPad === 'VALID') pads = [0, 0, 0, 0];
  else if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    const half = [1, 2].map((axis, k) => {
      const size = input[axis];
      const out = Math.ceil(size / strides[k]);
      const total = Math.max((out - 1) * strides[k] + kernel[k] - size, 0);
      const small = Math.floor(total / 2);
      return autoPad === 'SAME_UPPER' ? [small, total - small] : [total - small, small];
    });
    pads = [half[0][0], half[1][0], half[0][1], half[1][1]];
  } else if (autoPad !== 'NOTSET') {
    fail('unknown auto_pad', 'NOTSET, VALID, SAME_UPPER or SAME_LOWER', autoPad);
  }
  if (pads.length !== 4 || pads.some((p) => p < 0 || p > 1024)) {
    fail('unsupported pads', 'four pads [top, left, bottom, right] from 0 to 1024', pads);
  }
  const w: NodeWindow = {
    kernelH: kernel[0],
    kernelW: kernel[1],
    strideH: strides[0],
    strideW: strides[1],
    top: pads[0] + extra[0],
    left: pads[1] + extra[1],
    bottom: pads[2] + extra[2],
    right: pads[3] + extra[3],
    groups: 1,
  };
  const [h, wo] = windowOutput(w, input);
  if (h < 1 || wo < 1) {
    fail(
      'window does not fit the input',
      `a ${kernel.join('x')} window inside [${input}] with its pads`,
      pads,
    );
  }
  return w;
}

/** The graph-node fields of a window: square, symmetric fields when they say it all. */
export function windowFields(w: NodeWindow, pool: boolean): Record<string, unknown> {
  const fields: Record<string, unknown> = { kernel: w.kernelH, stride: w.strideH };
  if (w.kernelW !== w.kernelH) fields.kernelWidth = w.kernelW;
  if (w.strideW !== w.strideH) fields.strideWidth = w.strideW;
  const sides = [w.top, w.left, w.bottom, w.right];
  // Pools keep PyTorch's bound (padding at most half the kernel) for `padding`; more needs pads.
  const limit = pool ? Math.floor(Math.min(w.kernelH, w.kernelW) / 2) : Number.POSITIVE_INFINITY;
  if (new Set(sides).size === 1 && w.top <= limit) fields.padding = w.top;
  else fields.pads = sides;
  if (w.groups !== 1) fields.groups = w.groups;
  return fields;
}
