import type { GraphNode } from '../graph.js';
import type { Activation } from './builder.js';
import type { OpContext } from './op-context.js';
import { readWindow, windowFields } from './window.js';

/**
 * The ONNX operators without weights: activations, pools, shape ops and pass-throughs.
 * Identity and Dropout (inference: the identity) emit nothing; Flatten and a flattening
 * Reshape emit one flatten node; Pad hands its zeros to the Conv or AveragePool after it.
 */

function emitAct(ctx: OpContext, node: Omit<GraphNode, 'id'>, shape: readonly number[]): void {
  const id = ctx.id();
  ctx.b.emit({ ...node, id } as GraphNode);
  ctx.b.define(ctx.output(0), { kind: 'act', id, shape }, ctx.where);
}

export function relu(ctx: OpContext): void {
  ctx.attrs([]);
  const x = ctx.b.act(ctx.input(0), ctx.where);
  emitAct(ctx, { op: 'relu', input: x.id }, x.shape);
}

/**
 * Clip: [0, 6] is ReLU6, [0, ∞) ReLU, [−1, 1] HardTanh. PyTorch exports relu6 as Relu then
 * Clip(max 6) with no minimum: after a Relu read by nothing else, that pair is one ReLU6.
 * Bounds are attributes before opset 11 and constant inputs from 11 on.
 */
export function clip(ctx: OpContext): void {
  const { b, where } = ctx;
  const a = ctx.attrs(['min', 'max']);
  const bound = (k: number, attr: 'min' | 'max'): number | undefined => {
    if (ctx.opset < 11) return a.float(attr);
    const c = b.constant(ctx.inputs[k], where);
    if (c === undefined) return undefined;
    if (c.data.length !== 1) ctx.fail(attr, 'one value', `[${c.dims}]`);
    return c.data[0];
  };
  const lo = bound(1, 'min') ?? Number.NEGATIVE_INFINITY;
  const hi = bound(2, 'max') ?? Number.POSITIVE_INFINITY;
  const x = b.act(ctx.input(0), where);
  const at = b.nodes.findIndex((n) => n.id === x.id);
  const relu = b.nodes[at];
  const afterRelu = relu?.op === 'relu' && (b.readers.get(ctx.input(0)) ?? 0) === 1;
  if (hi === 6 && (lo === 0 || (lo <= 0 && afterRelu))) {
    if (afterRelu) {
      b.nodes[at] = { ...relu, op: 'relu6' } as GraphNode;
      b.define(ctx.output(0), x, where);
      return;
    }
    emitAct(ctx, { op: 'relu6', input: x.id }, x.shape);
  } else if (lo === 0 && hi === Number.POSITIVE_INFINITY) {
    emitAct(ctx, { op: 'relu', input: x.id }, x.shape);
  } else if (lo === -1 && hi === 1) {
    emitAct(ctx, { op: 'hardtanh', input: x.id }, x.shape);
  } else {
    ctx.fail('bounds', '[0, 6] (ReLU6), [0, inf) (ReLU) or [-1, 1] (HardTanh)', `[${lo}, ${hi}]`);
  }
}

/** MaxPool and AveragePool (ceil_mode 0; AveragePool's average counts padded zeros). */
export function pool(ctx: OpContext, op: 'maxpool' | 'avgpool'): void {
  const known = ['auto_pad', 'ceil_mode', 'dilations', 'kernel_shape', 'pads', 'strides'];
  const a = ctx.attrs(
    op === 'maxpool' ? [...known, 'storage_order'] : [...known, 'count_include_pad'],
  );
  if (a.int('ceil_mode', 0) !== 0) ctx.fail('ceil_mode', '0 (floor)', a.int('ceil_mode', 0));
  ctx.unusedOutputs(1);
  const x = ctx.b.act(ctx.input(0), ctx.where, op === 'avgpool');
  if (x.shape.length !== 3)
    ctx.fail('input', 'an [N, C, H, W] activation', `[${x.shape}] per image`);
  const kernel = a.ints('kernel_shape') ?? [];
  if (kernel.length !== 2 || kernel.some((k) => k < 1 || k > 1024)) {
    ctx.fail('kernel_shape', 'two sizes from 1 to 1024', `[${kernel}]`);
  }
  const w = readWindow(a, [kernel[0], kernel[1]], x.shape, ctx.where, ctx.b.file, x.pad);
  const padded = w.top + w.left + w.bottom + w.right > (x.pad ?? [0]).reduce((s, p) => s + p, 0);
  if (op === 'avgpool' && padded && a.int('count_include_pad', 0) === 0) {
    ctx.fail('count_include_pad', '1 when pads are given (the average over the whole window)', 0);
  }
  if (Math.max(w.top, w.bottom) >= w.kernelH || Math.max(w.left, w.right) >= w.kernelW) {
    ctx.fail(
      'pads',
      'each smaller than the kernel',
      `[${w.top}, ${w.left}, ${w.bottom}, ${w.right}]`,
    );
  }
  const shape = [
    x.shape[0],
    Math.floor((x.shape[1] + w.top + w.bottom - w.kernelH) / w.strideH) + 1,
    Math.floor((x.shape[2] + w.left + w.right - w.kernelW) / w.strideW) + 1,
  ];
  emitAct(ctx, { op, input: x.id, ...windowFields(w, true) } as Omit<GraphNode, 'id'>, shape);
}

export function globalAveragePool(ctx: OpContext): void {
  ctx.attrs([]);
  const x = ctx.b.act(ctx.input(0), ctx.where);
  if (x.shape.length !== 3)
    ctx.fail('input', 'an [N, C, H, W] activation', `[${x.shape}] per image`);
  emitAct(ctx, { op: 'globalavgpool', input: x.id }, [x.shape[0], 1, 1]);
}

function flattenTo(ctx: OpContext, x: Activation): void {
  if (x.shape.length === 1) {
    ctx.b.define(ctx.output(0), x, ctx.where);
    return;
  }
  emitAct(ctx, { op: 'flatten', input: x.id }, [x.shape.reduce((p, d) => p * d, 1)]);
}

/** Flatten with axis 1 (everything but the batch). */
export function flatten(ctx: OpContext): void {
  const a = ctx.attrs(['axis']);
  const x = ctx.b.act(ctx.input(0), ctx.where);
  const axis = a.int('axis', 1);
  if (axis !== 1 && axis !== -x.shape.length)
    ctx.fail('axis', '1 (keep the batch, flatten the rest)', axis);
  flattenTo(ctx, x);
}

/** Reshape to [batch, features] ([0, -1], [1, -1], [-1, F], [N, F]): a flatten. */
export function reshape(ctx: OpContext): void {
  const a = ctx.attrs(['allowzero', 'shape']);
  const x = ctx.b.act(ctx.input(0), ctx.where);
  const c = ctx.opset < 5 ? undefined : ctx.b.constant(ctx.input(1), ctx.where);
  const target = c?.kind === 'int' ? [...c.data] : (a.ints('shape') ?? []);
  const f = x.shape.reduce((p, d) => p * d, 1);
  const zeroCopies = a.int('allowzero', 0) === 0;
  const [first, second] = target;
  const batchOk = first === -1 ? second === f : (first === 0 && zeroCopies) || first === 1;
  if (target.length !== 2 || !batchOk || !(second === -1 || second === f)) {
    ctx.fail('shape', `[batch, features] of ${f} features per image (a flatten)`, `[${target}]`);
  }
  flattenTo(ctx, x);
}

/** Concat along the channels (axis 1 of NCHW). */
export function concat(ctx: OpContext): void {
  const a = ctx.attrs(['axis']);
  const xs = ctx.inputs.map((name) => ctx.b.act(name, ctx.where));
  const rank = xs[0]?.shape.length ?? 0;
  const axis = a.int('axis', 1);
  if (rank !== 3 || (axis !== 1 && axis !== -3))
    ctx.fail('axis', '1 of [N, C, H, W] activations (channels)', axis);
  if (xs.length === 1) {
    ctx.b.define(ctx.output(0), xs[0], ctx.where);
    return;
  }
  const [, h, w] = xs[0].shape;
  if (xs.some((x) => x.shape.length !== 3 || x.shape[1] !== h || x.shape[2] !== w)) {
    ctx.fail(
      'inputs',
      `activations of one height and width (${h}x${w})`,
      xs.map((x) => `[${x.shape}]`).join(' '),
    );
  }
  const channels = xs.reduce((s, x) => s + x.shape[0], 0);
  emitAct(ctx, { op: 'concat', inputs: xs.map((x) => x.id) } as Omit<GraphNode, 'id'>, [
    channels,
    h,
    w,
  ]);
}

/** Identity, and Dropout in inference (its ratio does not matter; its mask must be unread). */
export function passThrough(ctx: OpContext, dropout: boolean): void {
  ctx.attrs(dropout ? ['ratio', 'seed', 'is_test'] : []);
  if (dropout) {
    ctx.unusedOutputs(1);
    const training = ctx.b.constant(ctx.inputs[2], ctx.where);
    if (training?.data.some((v) => v !== 0)) ctx.fail('training_mode', 'false', 'true');
  }
  ctx.b.define(ctx.output(0), ctx.b.value(ctx.input(0), ctx.where), ctx.where);
}

/** Constant: its `value` tensor becomes a constant that later nodes read. */
export function constant(ctx: OpContext): void {
  const a = ctx.attrs(['value']);
  const t = a.tensor('value');
  if (t === undefined) ctx.fail('value', 'a tensor', 'none');
  ctx.b.define(ctx.output(0), { kind: 'const', tensor: t, name: ctx.output(0) }, ctx.where);
}

/**
 * Pad with constant zeros on H and W only: the zeros go to the Conv or AveragePool that reads
 * the result (as padding that is counted in the average); all-zero pads pass through.
 */
export function pad(ctx: OpContext): void {
  const a = ctx.attrs(['mode', 'pads', 'value']);
  const { b, where } = ctx;
  const x = b.act(ctx.input(0), where, true);
  if (x.shape.length !== 3)
    ctx.fail('input', 'an [N, C, H, W] activation', `[${x.shape}] per image`);
  const mode = a.string('mode', 'constant');
  if (mode !== 'constant') ctx.fail('mode', 'constant', JSON.stringify(mode));
  let pads: number[];
  let value = 0;
  if (ctx.opset < 11) {
    pads = a.ints('pads') ?? [];
    value = a.float('value') ?? 0;
  } else {
    const p = b.constant(ctx.input(1), where);
    pads = p?.kind === 'int' ? [...p.data] : [];
    const v = b.constant(ctx.inputs[2], where);
    if (v !== undefined) value = v.data[0] ?? 0;
  }
  if (
    pads.length !== 8 ||
    pads.some((p) => p < 0 || p > 1024) ||
    pads[0] ||
    pads[1] ||
    pads[4] ||
    pads[5]
  ) {
    ctx.fail('pads', '8 pads >= 0, zero on N and C', `[${pads}]`);
  }
  if (value !== 0) ctx.fail('value', '0', value);
  const extra = [pads[2], pads[3], pads[6], pads[7]] as const;
  if (extra.every((p) => p === 0)) {
    b.define(ctx.output(0), x, where);
    return;
  }
  const before = x.pad ?? [0, 0, 0, 0];
  const sum = extra.map((p, k) => p + before[k]) as unknown as [number, number, number, number];
  b.define(ctx.output(0), { ...x, pad: sum }, where);
}
