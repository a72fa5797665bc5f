/**
 * Models as data: one small graph format that the float engine, the quantizer, the
 * operation-budget counter and the report all read.
 *
 * An architecture file (models/arch/<name>.json) lists nodes in evaluation order. Each node
 * reads the previous node's output unless it names `input` (or, for `add`, `inputs`). Weight
 * layers (conv, linear) carry a `role`:
 * - `stem`: the first layer, kept a multiply layer by AdderNet and full precision by BNNs;
 * - `classifier`: the last layer, likewise;
 * - `body`: everything else, which the variant turns into adder or binary layers.
 * `deriveVariant` resolves roles into an explicit `kind` per weight layer; only a derived
 * graph (`ModelGraph`) is executed or counted.
 *
 * Shapes: activations are [C, H, W] (batch excluded); after `flatten` (or for linear layers)
 * they are [F].
 *
 * Windows (conv and pools): `kernel`, `stride` and `padding` describe a square window with
 * equal padding on every side. Imported networks may need more, stated by optional fields
 * that override them: `kernelWidth` and `strideWidth` (then `kernel` and `stride` are the
 * height's), `pads` = [top, left, bottom, right] instead of `padding`, and on conv `groups`
 * (1, or the input's channel count: a depthwise convolution, each output channel reading one
 * input channel). `windowOf` resolves them; consumers that only run square, symmetric,
 * ungrouped windows refuse nodes with any of these fields (`hasWindowOverrides`).
 */

export const VARIANTS = ['cnn', 'addernet', 'bnn'] as const;
export type Variant = (typeof VARIANTS)[number];
export const LAYER_KINDS = ['multiply', 'adder', 'binary'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];
export const ROLES = ['stem', 'body', 'classifier'] as const;
export type Role = (typeof ROLES)[number];

interface Base {
  readonly id: string;
  /** The node whose output this node reads; default: the previous node. */
  readonly input?: string;
}
export interface InputNode extends Base {
  readonly op: 'input';
  readonly shape: readonly number[];
}
export interface ConvNode extends Base {
  readonly op: 'conv';
  readonly role: Role;
  readonly kind?: LayerKind;
  readonly outChannels: number;
  readonly kernel: number;
  readonly stride?: number;
  readonly padding?: number;
  readonly kernelWidth?: number;
  readonly strideWidth?: number;
  readonly pads?: readonly number[];
  readonly groups?: number;
  readonly bias?: boolean;
}
export interface LinearNode extends Base {
  readonly op: 'linear';
  readonly role: Role;
  readonly kind?: LayerKind;
  readonly outFeatures: number;
  readonly bias?: boolean;
}
export interface BatchNormNode extends Base {
  readonly op: 'bn';
}
/** relu6 = min(max(x, 0), 6) (MobileNet's activation). */
export interface ActivationNode extends Base {
  readonly op: 'relu' | 'hardtanh' | 'relu6';
}
/** Average pooling divides by the whole window, padded taps included (count_include_pad). */
export interface PoolNode extends Base {
  readonly op: 'maxpool' | 'avgpool';
  readonly kernel: number;
  readonly stride?: number;
  readonly padding?: number;
  readonly kernelWidth?: number;
  readonly strideWidth?: number;
  readonly pads?: readonly number[];
}
export interface GlobalPoolNode extends Base {
  readonly op: 'globalavgpool';
}
export interface FlattenNode extends Base {
  readonly op: 'flatten';
}
/** Element-wise sum of two nodes' outputs (residual connections). */
export interface AddNode extends Base {
  readonly op: 'add';
  readonly inputs: readonly [string, string];
}
/** Channel-wise concatenation of two or more [C, H, W] outputs of equal H and W. */
export interface ConcatNode extends Base {
  readonly op: 'concat';
  readonly inputs: readonly string[];
}

export type GraphNode =
  | InputNode
  | ConvNode
  | LinearNode
  | BatchNormNode
  | ActivationNode
  | PoolNode
  | GlobalPoolNode
  | FlattenNode
  | AddNode
  | ConcatNode;

export interface Architecture {
  readonly name: string;
  readonly dataset: string;
  /** Where the definition comes from (paper, repository and file). */
  readonly source: string;
  readonly description?: string;
  readonly nodes: readonly GraphNode[];
}

/** An architecture with every weight layer's kind resolved for one variant. */
export interface ModelGraph extends Architecture {
  readonly variant: Variant;
}

export interface VariantOptions {
  /** Make the stem an adder/binary layer too (AdderNet keeps it a multiply layer). */
  readonly replaceStem?: boolean;
  /** Make the classifier an adder/binary layer too. */
  readonly replaceClassifier?: boolean;
}

/**
 * Resolves roles into kinds: CNN = every weight layer multiply; AdderNet = body layers adder;
 * BNN = body layers binary, with ReLU replaced by HardTanh (sign(ReLU(x)) would carry no
 * information).
 */
export function deriveVariant(
  arch: Architecture,
  variant: Variant,
  options: VariantOptions = {},
): ModelGraph {
  const bodyKind: LayerKind =
    variant === 'cnn' ? 'multiply' : variant === 'addernet' ? 'adder' : 'binary';
  const nodes = arch.nodes.map((node): GraphNode => {
    if (node.op === 'conv' || node.op === 'linear') {
      const replaced =
        node.role === 'body' ||
        (node.role === 'stem' && options.replaceStem) ||
        (node.role === 'classifier' && options.replaceClassifier);
      return { ...node, kind: replaced ? bodyKind : 'multiply' };
    }
    if ((node.op === 'relu' || node.op === 'relu6') && variant === 'bnn') {
      return { ...node, op: 'hardtanh' };
    }
    return node;
  });
  return { ...arch, nodes, variant };
}

/** The id of the node each node reads (inputs of `add`), resolving the "previous node" default. */
export function nodeInputs(nodes: readonly GraphNode[], index: number): string[] {
  const node = nodes[index];
  if (node.op === 'input') return [];
  if (node.op === 'add' || node.op === 'concat') return [...node.inputs];
  return [node.input ?? nodes[index - 1].id];
}

/** A resolved 2-D window: kernel, stride and padding per side. */
export interface NodeWindow {
  readonly kernelH: number;
  readonly kernelW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly groups: number;
}

/** The window of a conv or pool node, its optional fields resolved (pools: stride = kernel). */
export function windowOf(node: ConvNode | PoolNode): NodeWindow {
  const kernelW = node.kernelWidth ?? node.kernel;
  const stride = node.stride ?? (node.op === 'conv' ? 1 : node.kernel);
  const p = node.padding ?? 0;
  const [top, left, bottom, right] = node.pads ?? [p, p, p, p];
  return {
    kernelH: node.kernel,
    kernelW,
    strideH: stride,
    strideW: node.strideWidth ?? stride,
    top,
    left,
    bottom,
    right,
    groups: node.op === 'conv' ? (node.groups ?? 1) : 1,
  };
}

/** True when a node uses any window field beyond a square, symmetric, ungrouped window. */
export function hasWindowOverrides(node: GraphNode): boolean {
  if (node.op !== 'conv' && node.op !== 'maxpool' && node.op !== 'avgpool') return false;
  const w = windowOf(node);
  return (
    w.kernelW !== w.kernelH ||
    w.strideW !== w.strideH ||
    new Set([w.top, w.left, w.bottom, w.right]).size > 1 ||
    w.groups !== 1
  );
}

/** Output [H, W] of a window over a [C, H, W] input: floor((H + pads − k) / stride) + 1. */
export function windowOutput(w: NodeWindow, x: readonly number[]): [number, number] {
  return [
    Math.floor((x[1] + w.top + w.bottom - w.kernelH) / w.strideH) + 1,
    Math.floor((x[2] + w.left + w.right - w.kernelW) / w.strideW) + 1,
  ];
}

/**
 * Output shape of every node, by id. Throws a message naming the node when shapes do not fit.
 * Convolution output: floor((H + 2·pad − k) / stride) + 1.
 */
export function inferShapes(arch: Architecture): Map<string, number[]> {
  const shapes = new Map<string, number[]>();
  arch.nodes.forEach((node, i) => {
    const ins = nodeInputs(arch.nodes, i).map((id) => {
      const s = shapes.get(id);
      if (!s) throw new Error(`${arch.name}: node ${node.id} reads unknown node ${id}`);
      return s;
    });
    const x = ins[0];
    const fail = (why: string): never => {
      throw new Error(`${arch.name}: node ${node.id} (${node.op}): ${why}`);
    };
    let out: number[];
    switch (node.op) {
      case 'input':
        out = [...node.shape];
        break;
      case 'conv': {
        if (x.length !== 3) fail(`expects a [C, H, W] input, got [${x}]`);
        const g = node.groups ?? 1;
        if (g !== 1 && (g !== x[0] || node.outChannels % g !== 0)) {
          fail(
            `groups ${g} must be 1 or the input's ${x[0]} channels (depthwise, with a multiple of them out), not ${g} for ${node.outChannels} outputs`,
          );
        }
        const [h, w] = windowOutput(windowOf(node), x);
        if (h < 1 || w < 1) fail(`kernel ${node.kernel} does not fit input [${x}]`);
        out = [node.outChannels, h, w];
        break;
      }
      case 'linear':
        if (x.length !== 1) fail(`expects a flat [F] input, got [${x}]`);
        out = [node.outFeatures];
        break;
      case 'maxpool':
      case 'avgpool': {
        if (x.length !== 3) fail(`expects a [C, H, W] input, got [${x}]`);
        out = [x[0], ...windowOutput(windowOf(node), x)];
        if (out[1] < 1 || out[2] < 1) fail(`kernel ${node.kernel} does not fit input [${x}]`);
        break;
      }
      case 'globalavgpool':
        if (x.length !== 3) fail(`expects a [C, H, W] input, got [${x}]`);
        out = [x[0], 1, 1];
        break;
      case 'flatten':
        out = [x.reduce((a, b) => a * b, 1)];
        break;
      case 'add':
        if (ins[0].join() !== ins[1].join()) fail(`adds shapes [${ins[0]}] and [${ins[1]}]`);
        out = [...x];
        break;
      case 'concat': {
        if (ins.some((s) => s.length !== 3 || s[1] !== x[1] || s[2] !== x[2])) {
          fail(`concatenates shapes ${ins.map((s) => `[${s}]`).join(', ')} (expected equal H, W)`);
        }
        out = [ins.reduce((c, s) => c + s[0], 0), x[1], x[2]];
        break;
      }
      default:
        out = [...x];
    }
    if (shapes.has(node.id)) fail('id is used twice');
    shapes.set(node.id, out);
  });
  return shapes;
}

/**
 * Tensors read only by binary layers (looking through flatten, which is a view): a BNN stores
 * these as their sign, taken by the node that produces them. The input image is never one.
 */
export function binarizedTensors(nodes: readonly GraphNode[]): Set<string> {
  const readers = new Map<string, number[]>();
  nodes.forEach((_, i) => {
    for (const id of nodeInputs(nodes, i)) readers.set(id, [...(readers.get(id) ?? []), i]);
  });
  const allBinary = (id: string): boolean => {
    const rs = readers.get(id) ?? [];
    return (
      rs.length > 0 &&
      rs.every((r) => {
        const n = nodes[r];
        if (n.op === 'flatten') return allBinary(n.id);
        return (n.op === 'conv' || n.op === 'linear') && n.kind === 'binary';
      })
    );
  };
  return new Set(
    nodes.filter((n) => n.op !== 'input' && n.op !== 'flatten' && allBinary(n.id)).map((n) => n.id),
  );
}
