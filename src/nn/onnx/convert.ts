import { InputError } from '../../errors.js';
import { type Architecture, type GraphNode, nodeInputs } from '../graph.js';
import { validateArchitecture } from '../graph-schema.js';
import type { Tensor } from '../tensor.js';
import { GraphBuilder } from './builder.js';
import { OpContext } from './op-context.js';
import { add, batchNorm, conv, gemm, matmul } from './ops-layers.js';
import * as other from './ops-other.js';
import { topologicalOrder } from './order.js';
import type { OnnxModel, OnnxValueInfo } from './proto.js';
import { int64 } from './tensors.js';

/**
 * An ONNX model as an addersim architecture and its tensors. The graph is checked whole
 * before anything is returned: every node's op is supported, the nodes form a DAG from the one
 * network input to the one output, shapes fit, and the result passes the graph schema. Any
 * problem refuses the file in one line naming the node; a partial graph is never returned.
 *
 * Roles follow the built-in architectures: the first weight layer (in evaluation order) is the
 * stem, the last the classifier, every other one a body layer that the AdderNet and BNN
 * variants replace. Every weight layer is followed by a BatchNorm node (builder.ts).
 */
const HANDLERS: Readonly<Record<string, (ctx: OpContext) => void>> = {
  Add: add,
  AveragePool: (ctx) => other.pool(ctx, 'avgpool'),
  BatchNormalization: batchNorm,
  Clip: other.clip,
  Concat: other.concat,
  Constant: other.constant,
  Conv: conv,
  Dropout: (ctx) => other.passThrough(ctx, true),
  Flatten: other.flatten,
  Gemm: gemm,
  GlobalAveragePool: other.globalAveragePool,
  Identity: (ctx) => other.passThrough(ctx, false),
  MatMul: matmul,
  MaxPool: (ctx) => other.pool(ctx, 'maxpool'),
  Pad: other.pad,
  Relu: other.relu,
  Reshape: other.reshape,
};

/** The operators the importer reads, for the refusal of any other. */
export const ONNX_OPERATORS = Object.keys(HANDLERS);

/** Opsets whose operator definitions the handlers follow (attributes changed over time). */
const MIN_OPSET = 7;
const MAX_OPSET = 23;
/** Nodes of one graph: MobileNetV2 has about 100, ResNet-152 about 500. */
const MAX_NODES = 10_000;

export interface OnnxNetwork {
  readonly arch: Architecture;
  readonly tensors: Map<string, Tensor>;
  readonly opset: number;
  readonly producer: string;
}

export function convertOnnx(model: OnnxModel, file: string, name: string): OnnxNetwork {
  const graph = model.graph;
  if (graph === undefined)
    throw new InputError(`${file}: no graph (expected a ModelProto with a graph)`);
  const opset = defaultOpset(model, file);
  const nodes = graph.node ?? [];
  if (nodes.length > MAX_NODES) {
    throw new InputError(`${file}: ${nodes.length} nodes (expected at most ${MAX_NODES})`);
  }
  const readers = new Map<string, number>();
  for (const n of nodes) for (const i of n.input ?? []) readers.set(i, (readers.get(i) ?? 0) + 1);
  const outputs = graph.output ?? [];
  if (outputs.length !== 1) {
    throw new InputError(`${file}: ${outputs.length} graph outputs (expected one: the logits)`);
  }
  const outName = outputs[0].name ?? '';
  readers.set(outName, (readers.get(outName) ?? 0) + 1);

  const b = new GraphBuilder(file, readers);
  if ((graph.sparseInitializer?.length ?? 0) > 0) {
    throw new InputError(`${file}: sparse initializers (expected dense initializers only)`);
  }
  for (const t of graph.initializer ?? []) {
    const tname = t.name ?? '';
    if (tname === '') throw new InputError(`${file}: an initializer without a name`);
    b.define(
      tname,
      { kind: 'const', tensor: t, name: tname },
      `initializer ${JSON.stringify(tname)}`,
    );
  }
  const input = networkInput(graph.input ?? [], b, file);
  const inputId = b.uniqueId('input');
  b.emit({ id: inputId, op: 'input', shape: input.shape });
  b.define(input.name, { kind: 'act', id: inputId, shape: input.shape }, 'the graph input');

  for (const node of topologicalOrder(nodes, b, file)) {
    const op = node.opType ?? '';
    const ctx = new OpContext(b, node, opset);
    const domain = node.domain ?? '';
    const handler = domain === '' || domain === 'ai.onnx' ? HANDLERS[op] : undefined;
    if (!handler) {
      const found = (domain === '' || domain === 'ai.onnx' ? op : `${domain}.${op}`).slice(0, 100);
      throw new InputError(
        `${file}: ${ctx.where}: unsupported operator (expected one of ${ONNX_OPERATORS.join(', ')}, found ${JSON.stringify(found)})`,
      );
    }
    handler(ctx);
  }

  const out = b.act(outName, 'the graph output');
  // A node nothing reads would be counted and run for nothing: refuse rather than guess.
  const read = new Set(b.nodes.flatMap((_, i) => nodeInputs(b.nodes, i)));
  const dead = b.nodes.find((n) => n.id !== out.id && !read.has(n.id));
  if (dead) {
    throw new InputError(
      `${file}: node ${JSON.stringify(dead.id)} (${dead.op}) does not lead to the graph output (expected every node to)`,
    );
  }
  if (b.nodes[b.nodes.length - 1].id !== out.id) {
    throw new InputError(
      `${file}: the graph output ${JSON.stringify(outName)} is not the last node computed (expected every node to lead to the output)`,
    );
  }
  const arch: Architecture = {
    name,
    dataset: datasetOf(input.shape),
    source:
      `ONNX file ${name}.onnx (${model.producerName || 'unknown producer'} ${model.producerVersion ?? ''}, opset ${opset})`.replace(
        ' ,',
        ',',
      ),
    description: describeNodes(nodes.map((n) => n.opType ?? '')),
    nodes: withRoles(b.nodes, file),
  };
  return {
    arch: validateArchitecture(arch, file),
    tensors: b.tensors,
    opset,
    producer: model.producerName ?? '',
  };
}

/** "57 ONNX nodes: 20 Conv, 17 Relu, ..." (most frequent first, then by name). */
function describeNodes(ops: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const op of ops) counts.set(op, (counts.get(op) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return `${ops.length} ONNX nodes: ${sorted.map(([op, n]) => `${n} ${op}`).join(', ')}`;
}

function defaultOpset(model: OnnxModel, file: string): number {
  const entry = (model.opsetImport ?? []).find(
    (o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx',
  );
  const version = entry ? int64(entry.version, 'opset_import version', file) : 0;
  if (version < MIN_OPSET || version > MAX_OPSET) {
    throw new InputError(
      `${file}: opset_import: unsupported opset (expected ${MIN_OPSET} to ${MAX_OPSET} for the default domain, found ${entry ? version : 'none'})`,
    );
  }
  return version;
}

/** The one graph input that is not an initializer: float, [N, C, H, W] or [N, F]. */
function networkInput(inputs: readonly OnnxValueInfo[], b: GraphBuilder, file: string) {
  const real = inputs.filter((i) => !b.has(i.name ?? ''));
  if (real.length !== 1) {
    throw new InputError(
      `${file}: ${real.length} graph inputs besides initializers (expected one: the image batch)`,
    );
  }
  const info = real[0];
  const name = info.name ?? '';
  const tensor = info.type?.tensorType;
  if (tensor?.elemType !== 1) {
    throw new InputError(
      `${file}: graph input ${JSON.stringify(name)}: not a float32 tensor (expected elem_type 1, found ${tensor?.elemType ?? 'no tensor type'})`,
    );
  }
  const dims = tensor.shape?.dim ?? [];
  const fixed = dims
    .slice(1)
    .map((d) =>
      d.dimValue === undefined ? -1 : int64(d.dimValue, `graph input ${name} dims`, file),
    );
  const batch =
    dims[0]?.dimValue === undefined
      ? 1
      : int64(dims[0].dimValue, `graph input ${name} batch`, file);
  if (
    (dims.length !== 4 && dims.length !== 2) ||
    batch < 1 ||
    fixed.some((d) => d < 1 || d > 1 << 16)
  ) {
    const shown = dims.map((d) => d.dimValue ?? d.dimParam ?? '?').join(', ');
    throw new InputError(
      `${file}: graph input ${JSON.stringify(name)}: unsupported shape (expected [batch, C, H, W] or [batch, F] with fixed C, H, W, F, found [${shown}])`,
    );
  }
  return { name, shape: fixed };
}

function datasetOf(shape: readonly number[]): string {
  const key = shape.join('x');
  return key === '1x28x28'
    ? 'mnist'
    : key === '3x32x32'
      ? 'cifar10'
      : key === '3x224x224'
        ? 'imagenet'
        : 'custom';
}

/** First weight layer stem, last classifier, the rest body; inputs implied where they can be. */
function withRoles(nodes: readonly GraphNode[], file: string): GraphNode[] {
  const weights = nodes.filter((n) => n.op === 'conv' || n.op === 'linear').map((n) => n.id);
  if (weights.length === 0) {
    throw new InputError(
      `${file}: no Conv, Gemm or MatMul layer (expected a network with weights)`,
    );
  }
  const first = weights[0];
  const last = weights[weights.length - 1];
  return nodes.map((n, i) => {
    let node: GraphNode = n;
    if (n.op === 'conv' || n.op === 'linear') {
      node = { ...n, role: n.id === first ? 'stem' : n.id === last ? 'classifier' : 'body' };
    }
    if ('input' in node && i > 0 && node.input === nodes[i - 1].id) {
      const { input: _, ...rest } = node;
      node = rest as GraphNode;
    }
    return node;
  });
}
