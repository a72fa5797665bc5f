import type { GraphNode } from '../graph.js';
import { BN_EPS } from '../layers/batchnorm.js';
import type { OpContext } from './op-context.js';
import { readWindow, windowFields } from './window.js';

/**
 * The ONNX operators that carry weights, and the two that may add to them: Conv, Gemm,
 * MatMul, BatchNormalization, Add. Shapes are checked against the constants before anything
 * is emitted; every refusal names the node.
 */

/** Conv: weight [M, C/group, kh, kw], optional bias [M]; group 1 or depthwise (C). */
export function conv(ctx: OpContext): void {
  const { b, where } = ctx;
  const a = ctx.attrs(['auto_pad', 'dilations', 'group', 'kernel_shape', 'pads', 'strides']);
  const x = b.act(ctx.input(0), where, true);
  if (x.shape.length !== 3)
    ctx.fail('input', 'a [N, C, H, W] activation', `[${x.shape}] per image`);
  const [c] = x.shape;
  const wc = b.constant(ctx.input(1), where);
  if (wc?.kind !== 'float' || wc.dims.length !== 4) {
    ctx.fail(
      'weight',
      'a float tensor [M, C/group, kh, kw]',
      wc ? `${wc.kind} [${wc.dims}]` : 'none',
    );
  }
  const [m, perGroup, kh, kw] = wc.dims;
  const group = a.int('group', 1);
  if (group !== 1 && group !== c)
    ctx.fail('group', `1 or the input's ${c} channels (depthwise)`, group);
  if (perGroup * group !== c || m % group !== 0 || m < 1) {
    const out = group === 1 ? 'M' : `M (a multiple of ${group})`;
    ctx.fail(
      'weight shape',
      `[${out}, ${c / group}, kh, kw] for ${c} input channels`,
      `[${wc.dims}]`,
    );
  }
  const kernel = a.ints('kernel_shape');
  if (kernel !== undefined && kernel.join() !== [kh, kw].join()) {
    ctx.fail('kernel_shape', `the weight's [${kh}, ${kw}]`, `[${kernel}]`);
  }
  const bias =
    ctx.inputs.length > 2 && ctx.input(2) !== ''
      ? b.floats(ctx.input(2), [m], where, 'bias')
      : undefined;
  const window = { ...readWindow(a, [kh, kw], x.shape, where, b.file, x.pad), groups: group };
  const id = ctx.id();
  const node = {
    id,
    op: 'conv',
    input: x.id,
    role: 'body',
    outChannels: m,
    ...windowFields(window, false),
  };
  b.emit(node as unknown as GraphNode, { weight: { shape: wc.dims, data: wc.data } });
  b.weightLayer(id, m, bias);
  const out = windowShape(x.shape, window, m);
  b.define(ctx.output(0), { kind: 'act', id, shape: out }, where);
}

function windowShape(x: readonly number[], w: ReturnType<typeof readWindow>, m: number): number[] {
  return [
    m,
    Math.floor((x[1] + w.top + w.bottom - w.kernelH) / w.strideH) + 1,
    Math.floor((x[2] + w.left + w.right - w.kernelW) / w.strideW) + 1,
  ];
}

/** Gemm: Y = alpha·A·B' + beta·C with A the [N, F] activation and B, C constants. */
export function gemm(ctx: OpContext): void {
  const { b, where } = ctx;
  const a = ctx.attrs(['alpha', 'beta', 'transA', 'transB', 'broadcast']);
  if (a.int('transA', 0) !== 0)
    ctx.fail('transA', '0 (the activation as rows)', a.int('transA', 0));
  const alpha = a.float('alpha') ?? 1;
  const beta = a.float('beta') ?? 1;
  const x = flatInput(ctx);
  const wc = b.constant(ctx.input(1), where);
  if (wc?.kind !== 'float' || wc.dims.length !== 2) {
    ctx.fail('B', 'a float matrix', wc ? `${wc.kind} [${wc.dims}]` : 'none');
  }
  const transB = a.int('transB', 0) !== 0;
  const [m, f] = transB ? wc.dims : [wc.dims[1], wc.dims[0]];
  if (f !== x.shape[0])
    ctx.fail('B', `${x.shape[0]} input features`, `[${wc.dims}]${transB ? ' (transB)' : ''}`);
  const weight = transB ? Float32Array.from(wc.data) : transpose(wc.data, f, m);
  if (alpha !== 1) for (let i = 0; i < weight.length; i++) weight[i] *= alpha;
  let bias: Float32Array | undefined;
  if (ctx.inputs.length > 2 && ctx.input(2) !== '') {
    const cc = b.constant(ctx.input(2), where);
    if (cc?.kind !== 'float' || !(cc.data.length === m || cc.data.length === 1)) {
      ctx.fail('C', `${m} float values (or one)`, cc ? `${cc.kind} [${cc.dims}]` : 'none');
    }
    bias = Float32Array.from({ length: m }, (_, i) => beta * cc.data[cc.data.length === 1 ? 0 : i]);
  }
  linear(ctx, x.id, m, f, weight, bias);
}

/** MatMul: A [N, F] activation times a constant B [F, M]; a following Add may bring a bias. */
export function matmul(ctx: OpContext): void {
  const { b, where } = ctx;
  ctx.attrs([]);
  const x = flatInput(ctx);
  const wc = b.constant(ctx.input(1), where);
  if (wc?.kind !== 'float' || wc.dims.length !== 2 || wc.dims[0] !== x.shape[0]) {
    ctx.fail('B', `a float matrix [${x.shape[0]}, M]`, wc ? `${wc.kind} [${wc.dims}]` : 'none');
  }
  const [f, m] = wc.dims;
  linear(ctx, x.id, m, f, transpose(wc.data, f, m), undefined);
}

function flatInput(ctx: OpContext) {
  const x = ctx.b.act(ctx.input(0), ctx.where);
  if (x.shape.length !== 1)
    ctx.fail('input', 'an [N, F] activation (Flatten first)', `[${x.shape}] per image`);
  return x;
}

function linear(
  ctx: OpContext,
  input: string,
  m: number,
  f: number,
  weight: Float32Array,
  bias: Float32Array | undefined,
): void {
  const id = ctx.id();
  ctx.b.emit(
    { id, op: 'linear', input, role: 'body', outFeatures: m },
    { weight: { shape: [m, f], data: weight } },
  );
  ctx.b.weightLayer(id, m, bias);
  ctx.b.define(ctx.output(0), { kind: 'act', id, shape: [m] }, ctx.where);
}

/** [rows, cols] row-major to [cols, rows]. */
function transpose(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
  return out;
}

/** BatchNormalization in inference mode: scale, B, mean, var of the input's channel count. */
export function batchNorm(ctx: OpContext): void {
  const { b, where } = ctx;
  const a = ctx.attrs([
    'epsilon',
    'momentum',
    'training_mode',
    'spatial',
    'is_test',
    'consumed_inputs',
  ]);
  if (a.int('training_mode', 0) !== 0)
    ctx.fail('training_mode', '0 (inference)', a.int('training_mode', 0));
  if (a.int('spatial', 1) !== 1)
    ctx.fail('spatial', '1 (per-channel statistics)', a.int('spatial', 1));
  ctx.unusedOutputs(1);
  const name = ctx.input(0);
  const raw = b.value(name, where);
  if (raw.kind !== 'act') ctx.fail('input', 'an activation', 'a constant');
  const c = raw.shape[0];
  const read = (k: number, what: string) =>
    Float64Array.from(b.floats(ctx.input(k), [c], where, what, true));
  const eps = a.float('epsilon') ?? 1e-5;
  const variance = read(4, 'var').map((v) => v + eps - BN_EPS);
  if (!(eps > 0) || variance.some((v) => !(v >= 0))) {
    ctx.fail('epsilon', `a positive epsilon whose variance + epsilon - ${BN_EPS} stays >= 0`, eps);
  }
  const params = { gamma: read(1, 'scale'), beta: read(2, 'B'), mean: read(3, 'mean'), variance };
  let id = b.attachBn(name, ctx.name, params);
  if (id === undefined) {
    const x = b.act(name, where);
    id = ctx.id();
    b.emitBn(id, x.id, params);
  }
  b.define(ctx.output(0), { kind: 'act', id, shape: raw.shape }, where);
}

/** Add: a residual sum of two equal activations, or a constant bias of a MatMul/Conv. */
export function add(ctx: OpContext): void {
  const { b, where } = ctx;
  ctx.attrs(['broadcast', 'axis']);
  const [p, q] = [ctx.input(0), ctx.input(1)];
  const vp = b.value(p, where);
  const vq = b.value(q, where);
  if (vp.kind === 'act' && vq.kind === 'act') {
    const x = b.act(p, where);
    const y = b.act(q, where);
    if (x.shape.join() !== y.shape.join())
      ctx.fail('inputs', 'two activations of one shape', `[${x.shape}] and [${y.shape}]`);
    const id = ctx.id();
    b.emit({ id, op: 'add', inputs: [x.id, y.id] });
    b.define(ctx.output(0), { kind: 'act', id, shape: x.shape }, where);
    return;
  }
  const [actName, constName] = vp.kind === 'act' ? [p, q] : [q, p];
  const act = b.value(actName, where);
  if (act.kind !== 'act') ctx.fail('inputs', 'at least one activation', 'two constants');
  const channels = act.shape[0];
  const c = b.constant(constName, where);
  const size = c?.dims.reduce((s, d) => s * d, 1);
  if (c?.kind !== 'float' || size !== channels || !b.takeBias(actName, Float32Array.from(c.data))) {
    ctx.fail(
      'constant input',
      `the ${channels}-value bias of the bias-free MatMul or Conv it alone follows`,
      JSON.stringify(constName),
    );
  }
  b.define(ctx.output(0), act, where);
}
