import { InputError, show } from '../../errors.js';
import type { ModelGraph } from '../graph.js';
import { Model } from '../model.js';
import type { Tensor } from '../tensor.js';
import type { SourceTensor } from './torch-tensors.js';

/**
 * From a checkpoint's PyTorch names to the net's names (`<nodeId>.weight`, `.bias`,
 * `.running_mean`, `.running_var`), in this order:
 *   1. int64 `*.num_batches_tracked` is dropped (a training counter, unused in inference);
 *   2. a `module.` prefix on every name (nn.DataParallel) is removed;
 *   3. the first `--map old=new` rule whose `old` is the name or a dot-separated prefix of it
 *      rewrites that prefix (`features.0=conv1`: features.0.weight -> conv1.weight; an empty
 *      `new` removes the prefix);
 *   4. `<layer>.adder` (the official AdderNet's weight name) becomes `<layer>.weight`, and the
 *      layer must be an adder layer of the chosen variant.
 * Then every tensor must exist in the net with its shape, and every tensor of the net must be
 * given; non-finite values and negative running variances are refused.
 */
export interface MapRule {
  readonly from: string;
  readonly to: string;
}

export interface MappedTensors {
  /** By the net's names, in the source's order. */
  readonly tensors: Map<string, Tensor>;
  /** Source names dropped in step 1. */
  readonly ignored: string[];
}

const PART = '[A-Za-z0-9_-]+';
const RULE = new RegExp(`^(${PART}(?:\\.${PART})*)=((?:${PART}(?:\\.${PART})*)?)$`);

export function parseMapRules(text: string): MapRule[] {
  const rules = text.split(',').map((r) => r.trim());
  return rules.map((r) => {
    const m = RULE.exec(r);
    if (!m) {
      throw new InputError(
        `--map must be comma-separated old=new rules of dot-separated names, not ${show(text)}`,
      );
    }
    return { from: m[1], to: m[2] };
  });
}

export function mapTensors(
  source: ReadonlyMap<string, SourceTensor>,
  graph: ModelGraph,
  rules: readonly MapRule[],
  file: string,
): MappedTensors {
  const fail = (why: string): never => {
    throw new InputError(`${file}: ${why}`);
  };
  const net = `${graph.name} (${graph.variant})`;
  const expected = new Model(graph).stateTensors();
  const kinds = new Map<string, string>();
  for (const n of graph.nodes)
    if (n.op === 'conv' || n.op === 'linear') kinds.set(n.id, n.kind ?? '');
  const ignored: string[] = [];
  const kept: [string, SourceTensor][] = [];
  for (const [name, t] of source) {
    if (name.endsWith('.num_batches_tracked') && t.dtype === 'int64') ignored.push(name);
    else kept.push([name, t]);
  }
  const strip = kept.length > 0 && kept.every(([n]) => n.startsWith('module.'));
  const used = rules.map(() => false);
  const tensors = new Map<string, Tensor>();
  const origin = new Map<string, string>();
  for (const [src, t] of kept) {
    let name = strip ? src.slice('module.'.length) : src;
    const r = rules.findIndex((rule) => name === rule.from || name.startsWith(`${rule.from}.`));
    if (r >= 0) {
      used[r] = true;
      const rest = name.slice(rules[r].from.length);
      name = rules[r].to === '' ? rest.replace(/^\./, '') : rules[r].to + rest;
    }
    if (name.endsWith('.adder')) {
      const layer = name.slice(0, -'.adder'.length);
      name = `${layer}.weight`;
      if (kinds.has(layer) && kinds.get(layer) !== 'adder') {
        fail(
          `tensor ${src} holds adder weights but ${layer} is a ${kinds.get(layer)} layer in ${net}`,
        );
      }
    }
    const as = name === src ? '' : ` (as ${name})`;
    if (t.dtype !== 'float32') {
      fail(`tensor ${src} must be float32, not ${t.dtype} (only num_batches_tracked may be int64)`);
    }
    if (origin.has(name)) fail(`tensors ${origin.get(name)} and ${src} both map to ${name}`);
    const want = expected.get(name);
    if (!want) fail(`tensor ${src}${as} is not in ${net}; rename it with --map old=new`);
    if (want!.shape.join() !== t.shape.join()) {
      fail(`tensor ${src}${as} must have shape [${want!.shape}] in ${net}, not [${t.shape}]`);
    }
    checkValues(src, name, t.data!, fail);
    tensors.set(name, { shape: [...want!.shape], data: t.data! });
    origin.set(name, src);
  }
  const unused = rules.findIndex((_, i) => !used[i]);
  if (unused >= 0) {
    throw new InputError(
      `--map rule ${rules[unused].from}=${rules[unused].to} matches no tensor of ${file}`,
    );
  }
  for (const name of expected.keys()) {
    if (!tensors.has(name)) fail(`tensor ${name} of ${net} is missing`);
  }
  return { tensors, ignored };
}

function checkValues(
  src: string,
  name: string,
  data: Float32Array,
  fail: (why: string) => never,
): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) fail(`tensor ${src} holds ${data[i]} at element ${i}`);
  }
  if (name.endsWith('.running_var')) {
    const i = data.findIndex((v) => v < 0);
    if (i >= 0) fail(`tensor ${src} is a variance but holds ${data[i]} at element ${i}`);
  }
}
