import { InputError, show } from '../errors.js';
import {
  type Architecture,
  type GraphNode,
  inferShapes,
  LAYER_KINDS,
  type LayerKind,
  type ModelGraph,
  ROLES,
  VARIANTS,
  type Variant,
} from './graph.js';

/**
 * The one schema every graph passes before anything reads it: architecture files (`budget
 * --net FILE`, `train`, `import`) and the graph stored in a checkpoint's metadata. A graph is
 * only built, counted or run after this check, so later code may trust node kinds, positive
 * integer sizes, connectivity and shapes. Refusals are one line:
 * `FILE: nodes[3] (conv1).stride: not a valid stride (expected an integer from 1 to 1024, found 0)`.
 */

/** Channel, feature and input-dimension limit: far above any network here, far below a crash. */
const MAX_WIDTH = 1 << 16;
const MAX_KERNEL = 1024;
const MAX_NODES = 10_000;
/** Elements of one activation (per image) or one weight tensor: 2^27 floats is 512 MB. */
const MAX_ELEMENTS = 1 << 27;

const COMMON = ['id', 'op', 'input'];
const WINDOW = ['kernel', 'stride', 'padding', 'kernelWidth', 'strideWidth', 'pads'];
const FIELDS: Readonly<Record<GraphNode['op'], readonly string[]>> = {
  input: ['id', 'op', 'shape'],
  conv: [...COMMON, 'role', 'kind', 'outChannels', ...WINDOW, 'groups', 'bias'],
  linear: [...COMMON, 'role', 'kind', 'outFeatures', 'bias'],
  bn: COMMON,
  relu: COMMON,
  hardtanh: COMMON,
  relu6: COMMON,
  maxpool: [...COMMON, ...WINDOW],
  avgpool: [...COMMON, ...WINDOW],
  globalavgpool: COMMON,
  flatten: COMMON,
  add: ['id', 'op', 'inputs'],
  concat: ['id', 'op', 'inputs'],
};
/** Inputs of one concat node: enough for any Inception or DenseNet block. */
const MAX_CONCAT = 1024;
const OPS = Object.keys(FIELDS) as GraphNode['op'][];

const BODY_KIND: Readonly<Record<Variant, LayerKind>> = {
  cnn: 'multiply',
  addernet: 'adder',
  bnn: 'binary',
};

type Fail = (where: string, problem: string, expected: string, found: unknown) => never;

function failer(file: string, prefix: string): Fail {
  return (where, problem, expected, found) => {
    throw new InputError(
      `${file}: ${prefix}${where}: ${problem} (expected ${expected}, found ${show(found)})`,
    );
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An architecture file's content (roles, no kinds needed). `file` labels every message. */
export function validateArchitecture(raw: unknown, file: string): Architecture {
  return checkGraph(raw, failer(file, ''), undefined);
}

/**
 * A checkpoint's derived graph: an architecture whose variant is known and whose every weight
 * layer has the kind that variant gives its role (body layers the variant's kind, stem and
 * classifier multiply or, when replaced, the variant's kind).
 */
export function validateModelGraph(raw: unknown, file: string, prefix: string): ModelGraph {
  const fail: Fail = failer(file, prefix);
  if (!isObject(raw)) fail('/', 'not a graph', 'an object', raw);
  const variant = raw.variant;
  if (!(VARIANTS as readonly unknown[]).includes(variant)) {
    fail('variant', 'unknown variant', `one of ${VARIANTS.join(', ')}`, variant);
  }
  return checkGraph(raw, fail, variant as Variant) as ModelGraph;
}

function checkGraph(raw: unknown, fail: Fail, variant: Variant | undefined): Architecture {
  if (!isObject(raw)) fail('/', 'not an architecture', 'an object', raw);
  if (typeof raw.name !== 'string' || raw.name === '') {
    fail('name', 'no name', 'a non-empty string', raw.name);
  }
  for (const key of ['dataset', 'source', 'description']) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string') {
      fail(key, 'not text', 'a string', raw[key]);
    }
  }
  const nodes = raw.nodes;
  if (!Array.isArray(nodes) || nodes.length < 2 || nodes.length > MAX_NODES) {
    fail(
      'nodes',
      'not a node list',
      `a list of 2 to ${MAX_NODES} nodes`,
      Array.isArray(nodes) ? `${nodes.length} nodes` : nodes,
    );
  }
  const ids = new Set<string>();
  nodes.forEach((node: unknown, i: number) => {
    checkNode(node, i, ids, fail, variant);
    ids.add((node as GraphNode).id);
  });
  const arch = raw as unknown as Architecture;
  let shapes: Map<string, number[]>;
  try {
    shapes = inferShapes(arch);
  } catch (err) {
    fail('nodes', (err as Error).message, 'shapes that fit', 'a mismatch');
  }
  arch.nodes.forEach((node, i) => {
    const size = shapes.get(node.id)!.reduce((a, b) => a * b, 1);
    if (!(size <= MAX_ELEMENTS)) {
      fail(at(i, node.id), 'output too large', `at most ${MAX_ELEMENTS} elements`, size);
    }
  });
  return arch;
}

function at(i: number, id: unknown): string {
  return typeof id === 'string' ? `nodes[${i}] (${id})` : `nodes[${i}]`;
}

function checkNode(
  node: unknown,
  i: number,
  ids: ReadonlySet<string>,
  fail: Fail,
  variant: Variant | undefined,
): void {
  if (!isObject(node)) fail(`nodes[${i}]`, 'not a node', 'an object', node);
  const where = at(i, node.id);
  if (typeof node.id !== 'string' || node.id === '') {
    fail(`${where}.id`, 'no id', 'a non-empty string', node.id);
  }
  if (ids.has(node.id)) fail(`${where}.id`, 'id used twice', 'a new id', node.id);
  const op = node.op as GraphNode['op'];
  if (!OPS.includes(op)) fail(`${where}.op`, 'unknown op', `one of ${OPS.join(', ')}`, op);
  if ((i === 0) !== (op === 'input')) {
    fail(`${where}.op`, 'misplaced input', i === 0 ? '"input" first' : 'one input node', op);
  }
  for (const key of Object.keys(node)) {
    if (!FIELDS[op].includes(key)) {
      fail(`${where}.${key}`, `unknown field of ${op}`, FIELDS[op].join(', '), key);
    }
  }
  const int = (key: string, min: number, max: number, optional: boolean) => {
    const v = node[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      fail(`${where}.${key}`, `not a valid ${key}`, `an integer from ${min} to ${max}`, v);
    }
  };
  const reads = (key: string, v: unknown) => {
    if (typeof v !== 'string' || !ids.has(v)) {
      fail(`${where}.${key}`, 'reads no earlier node', 'the id of an earlier node', v);
    }
  };
  if (node.input !== undefined) reads('input', node.input);
  switch (op) {
    case 'input': {
      const s = node.shape;
      if (
        !Array.isArray(s) ||
        (s.length !== 1 && s.length !== 3) ||
        !s.every((d) => Number.isInteger(d) && d >= 1 && d <= MAX_WIDTH)
      ) {
        fail(
          `${where}.shape`,
          'not an input shape',
          `[F] or [C, H, W] of integers from 1 to ${MAX_WIDTH}`,
          s,
        );
      }
      break;
    }
    case 'conv':
    case 'linear':
      int(op === 'conv' ? 'outChannels' : 'outFeatures', 1, MAX_WIDTH, false);
      if (op === 'conv') {
        int('kernel', 1, MAX_KERNEL, false);
        int('stride', 1, MAX_KERNEL, true);
        int('padding', 0, MAX_KERNEL, true);
        int('groups', 1, MAX_WIDTH, true);
        checkWindow(node, where, fail, int, MAX_KERNEL);
      }
      if (node.bias !== undefined && typeof node.bias !== 'boolean') {
        fail(`${where}.bias`, 'not a flag', 'true or false', node.bias);
      }
      checkRole(node, where, fail, variant);
      break;
    case 'maxpool':
    case 'avgpool':
      int('kernel', 1, MAX_KERNEL, false);
      int('stride', 1, MAX_KERNEL, true);
      int('padding', 0, Math.floor((node.kernel as number) / 2), true);
      // A pool window made only of padding has no value (max of nothing), so pads < kernel.
      checkWindow(node, where, fail, int, poolMaxPad(node));
      break;
    case 'add':
    case 'concat': {
      const ins = node.inputs;
      const [min, max] = op === 'add' ? [2, 2] : [2, MAX_CONCAT];
      if (!Array.isArray(ins) || ins.length < min || ins.length > max) {
        const expected = op === 'add' ? 'two ids' : `${min} to ${max} ids`;
        fail(`${where}.inputs`, 'not a list of inputs', `${expected} of earlier nodes`, ins);
      }
      ins.forEach((id, k) => reads(`inputs[${k}]`, id));
      break;
    }
  }
}

function poolMaxPad(node: Record<string, unknown>): number {
  const kernel = node.kernel as number;
  const width = typeof node.kernelWidth === 'number' ? node.kernelWidth : kernel;
  return Math.min(kernel, width) - 1;
}

type IntCheck = (key: string, min: number, max: number, optional: boolean) => void;

/** kernelWidth, strideWidth and pads (four paddings, top left bottom right), when present. */
function checkWindow(
  node: Record<string, unknown>,
  where: string,
  fail: Fail,
  int: IntCheck,
  maxPad: number,
): void {
  int('kernelWidth', 1, MAX_KERNEL, true);
  int('strideWidth', 1, MAX_KERNEL, true);
  const pads = node.pads;
  if (pads === undefined) return;
  if (node.padding !== undefined) {
    fail(`${where}.pads`, 'padding given twice', 'pads or padding', 'both');
  }
  if (
    !Array.isArray(pads) ||
    pads.length !== 4 ||
    !pads.every((p) => Number.isInteger(p) && p >= 0 && p <= maxPad)
  ) {
    fail(
      `${where}.pads`,
      'not four paddings',
      `[top, left, bottom, right] of integers from 0 to ${maxPad}`,
      pads,
    );
  }
}

function checkRole(
  node: Record<string, unknown>,
  where: string,
  fail: Fail,
  variant: Variant | undefined,
): void {
  const role = node.role;
  if (!(ROLES as readonly unknown[]).includes(role)) {
    fail(`${where}.role`, 'no role', `one of ${ROLES.join(', ')}`, role);
  }
  const kind = node.kind;
  if (variant === undefined) {
    if (kind !== undefined && !(LAYER_KINDS as readonly unknown[]).includes(kind)) {
      fail(`${where}.kind`, 'unknown layer kind', `one of ${LAYER_KINDS.join(', ')}`, kind);
    }
    return;
  }
  // What deriveVariant can produce: body layers take the variant's kind; stem and classifier
  // stay multiply layers unless replaced, and then take the variant's kind too.
  const body = BODY_KIND[variant];
  const allowed = role === 'body' ? [body] : [...new Set<LayerKind>(['multiply', body])];
  if (!allowed.includes(kind as LayerKind)) {
    fail(`${where}.kind`, `a ${role} layer of a ${variant} graph`, `${allowed.join(' or ')}`, kind);
  }
}
