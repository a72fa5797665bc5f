import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readVectorFile } from '../../src/cli/vectors.js';
import { estimateOps } from '../../src/cost/estimate-ops.js';
import { parseTable } from '../../src/cost/tables.js';
import { InputError } from '../../src/errors.js';
import { buildDatapath } from '../../src/gen/build-datapath.js';
import { loadArchitecture } from '../../src/nn/architectures.js';
import { loadCheckpoint } from '../../src/nn/checkpoint.js';
import { decodeSafetensors, encodeSafetensors } from '../../src/nn/safetensors.js';
import type { Tensor } from '../../src/nn/tensor.js';
import { fromRoot } from '../../src/paths.js';
import { readRecords } from '../../src/sweep/sweep.js';
import { runCli } from '../helpers/cli.js';

/**
 * The hostile inputs found by fuzzing from outside, each a fixed case with its exact one-line
 * refusal (and, for a sample, the CLI's exit code 2 with that line and no stack).
 */
const dir = mkdtempSync(join(tmpdir(), 'addersim-regress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CNN = fromRoot('models', 'lenet5-bn-cnn.safetensors');
const base = decodeSafetensors(new Uint8Array(readFileSync(CNN)), 'base');
type Graph = { variant: string; nodes: Record<string, unknown>[] };

/** A copy of the shipped LeNet-5 checkpoint with its graph, tensors or metadata edited. */
function checkpoint(
  name: string,
  edit: {
    graph?: (g: Graph) => void;
    tensors?: (t: Map<string, Tensor>) => void;
    meta?: Record<string, string>;
  },
): string {
  const graph = JSON.parse(base.metadata.graph) as Graph;
  edit.graph?.(graph);
  const tensors = new Map(base.tensors);
  edit.tensors?.(tensors);
  const file = join(dir, `${name}.safetensors`);
  const meta = { ...base.metadata, graph: JSON.stringify(graph), ...edit.meta };
  writeFileSync(file, encodeSafetensors(tensors, meta));
  return file;
}

const node = (g: Graph, id: string) => g.nodes.find((n) => n.id === id)!;

function refused(read: () => unknown, message: string): void {
  expect(read).toThrow(new InputError(message));
}

describe('checkpoint graphs', () => {
  const G = '__metadata__.graph';
  it.each([
    [
      'stride 0',
      (g: Graph) => {
        node(g, 'conv1').stride = 0;
      },
      `${G}: nodes[1] (conv1).stride: not a valid stride (expected an integer from 1 to 1024, found 0)`,
    ],
    [
      'out-channels -1',
      (g: Graph) => {
        node(g, 'conv2').outChannels = -1;
      },
      `${G}: nodes[5] (conv2).outChannels: not a valid outChannels (expected an integer from 1 to 65536, found -1)`,
    ],
    [
      'out-channels 1e9',
      (g: Graph) => {
        node(g, 'conv2').outChannels = 1e9;
      },
      `${G}: nodes[5] (conv2).outChannels: not a valid outChannels (expected an integer from 1 to 65536, found 1000000000)`,
    ],
    [
      'unknown kind',
      (g: Graph) => {
        node(g, 'conv2').kind = 'ternary';
      },
      `${G}: nodes[5] (conv2).kind: a body layer of a cnn graph (expected multiply, found "ternary")`,
    ],
    [
      'unknown op',
      (g: Graph) => {
        node(g, 'relu1').op = 'gelu';
      },
      `${G}: nodes[3] (relu1).op: unknown op (expected one of input, conv, linear, bn, relu, hardtanh, relu6, maxpool, avgpool, globalavgpool, flatten, add, concat, found "gelu")`,
    ],
    [
      'input node removed',
      (g: Graph) => {
        g.nodes.shift();
      },
      `${G}: nodes[0] (conv1).op: misplaced input (expected "input" first, found "conv")`,
    ],
    [
      'bnn with adder layers',
      (g: Graph) => {
        g.variant = 'bnn';
        for (const n of g.nodes) if (n.role === 'body') n.kind = 'adder';
      },
      `${G}: nodes[5] (conv2).kind: a body layer of a bnn graph (expected binary, found "adder")`,
    ],
    [
      'role missing',
      (g: Graph) => {
        delete node(g, 'fc1').role;
      },
      `${G}: nodes[10] (fc1).role: no role (expected one of stem, body, classifier, found nothing)`,
    ],
    [
      'reads a removed node',
      (g: Graph) => {
        node(g, 'bn1').input = 'gone';
      },
      `${G}: nodes[2] (bn1).input: reads no earlier node (expected the id of an earlier node, found "gone")`,
    ],
  ])('%s', (name, edit, message) => {
    const file = checkpoint(name.replace(/ /g, '-'), { graph: edit });
    refused(() => loadCheckpoint(file), `${file}: ${message}`);
  });

  it('metadata variant disagreeing with the graph', () => {
    const file = checkpoint('variant', { meta: { variant: 'bnn' } });
    refused(
      () => loadCheckpoint(file),
      `${file}: __metadata__.variant: disagrees with the graph (expected "cnn", found "bnn")`,
    );
  });
});

describe('checkpoint tensors', () => {
  const set = (name: string, i: number, v: number) => (t: Map<string, Tensor>) => {
    const old = t.get(name)!;
    const data = old.data.slice();
    data[i] = v;
    t.set(name, { shape: old.shape, data });
  };
  it.each([
    [
      'NaN in fc1.weight',
      set('fc1.weight', 7, Number.NaN),
      'tensor fc1.weight[7]: bad value (expected a finite number, found NaN)',
    ],
    [
      '-Infinity in a bias',
      set('bn1.bias', 0, -Infinity),
      'tensor bn1.bias[0]: bad value (expected a finite number, found -Infinity)',
    ],
    [
      'negative BatchNorm variance',
      set('bn2.running_var', 3, -0.5),
      'tensor bn2.running_var[3]: bad value (expected a finite variance >= 0, found -0.5)',
    ],
    [
      'missing tensor',
      (t: Map<string, Tensor>) => {
        t.delete('fc1.weight');
      },
      'missing tensor fc1.weight',
    ],
  ])('%s', (name, edit, message) => {
    const file = checkpoint(name.replace(/ /g, '-'), { tensors: edit });
    refused(() => loadCheckpoint(file), `${file}: ${message}`);
  });

  it('eval on a checkpoint with one NaN in fc1.weight exits 2 instead of printing an accuracy', () => {
    const file = checkpoint('nan-cli', { tensors: set('fc1.weight', 0, Number.NaN) });
    const r = runCli(['eval', '--model', file, '--limit', '10']);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      '',
      `addersim: ${file}: tensor fc1.weight[0]: bad value (expected a finite number, found NaN)\n`,
    ]);
  });

  it('a tensor entry without dtype names it as missing, not "undefined"', () => {
    const bytes = encodeSafetensors(base.tensors, base.metadata);
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    const text = Buffer.from(bytes.subarray(8, 8 + n)).toString('utf8');
    const edited = text.replace('"fc1.weight":{"dtype":"F32",', '"fc1.weight":{"dtyp_":"F32",');
    expect(edited).not.toBe(text);
    const file = join(dir, 'no-dtype.safetensors');
    writeFileSync(
      file,
      Buffer.concat([bytes.subarray(0, 8), Buffer.from(edited), bytes.subarray(8 + n)]),
    );
    refused(
      () => loadCheckpoint(file),
      `${file}: tensor fc1.weight has dtype nothing; only F32 is supported`,
    );
  });
});

describe('architecture files', () => {
  it('budget with a stride-0 architecture file is refused, not looped on', () => {
    const arch = JSON.parse(readFileSync(fromRoot('models', 'arch', 'lenet5.json'), 'utf8'));
    arch.nodes[4].stride = 0;
    const file = join(dir, 'stride0.json');
    writeFileSync(file, JSON.stringify(arch));
    refused(
      () => loadArchitecture(file),
      `${file}: nodes[4] (pool1).stride: not a valid stride (expected an integer from 1 to 1024, found 0)`,
    );
    const r = runCli(['budget', '--net', file]);
    expect([r.code, r.stderr]).toEqual([
      2,
      `addersim: ${file}: nodes[4] (pool1).stride: not a valid stride (expected an integer from 1 to 1024, found 0)\n`,
    ]);
  });
});

describe('directories where a file is expected', () => {
  it('eval --model DIR and datapath --input DIR: one line, exit 2', () => {
    refused(
      () => loadCheckpoint(dir),
      `checkpoint ${dir}: not a file (expected a regular file, found a directory)`,
    );
    const { netlist } = buildDatapath({ op: 'add', bits: 8 });
    refused(
      () => readVectorFile(dir, netlist),
      `--input ${dir}: not a file (expected a regular file, found a directory)`,
    );
    const r = runCli(['eval', '--model', dir]);
    expect([r.code, r.stderr]).toEqual([
      2,
      `addersim: checkpoint ${dir}: not a file (expected a regular file, found a directory)\n`,
    ]);
  });
});

describe('cost tables', () => {
  const horowitz = () =>
    JSON.parse(readFileSync(fromRoot('cost-tables', 'asic-45nm-horowitz.json'), 'utf8'));
  it('a huge number is refused before it can overflow a total', () => {
    const t = horowitz();
    t.ops[0].points[0].energyPj = 1e300;
    refused(
      () => parseTable(JSON.stringify(t), 'T.json'),
      'T.json: /ops/0/points/0/energyPj: number out of range (expected at most 1000000000000000 in magnitude, found 1e+300)',
    );
  });
  it('two points of one op at one width are refused (the first used to win)', () => {
    const t = horowitz();
    t.ops[0].points.push({ ...t.ops[0].points[0], energyPj: 99 });
    const at = t.ops[0].points.length - 1;
    refused(
      () => parseTable(JSON.stringify(t), 'T.json'),
      `T.json: /ops/0/points/${at} must name each ${t.ops[0].op} width once, not "${t.ops[0].points[0].bits}x${t.ops[0].points[0].bitsB ?? t.ops[0].points[0].bits}" a second time`,
    );
  });
  it('a 100,000-deep array is refused without a stack overflow', () => {
    const text = `{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    refused(
      () => parseTable(text, 'T.json'),
      'T.json: /name/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0: nested too deeply (expected at most 32 levels, found more)',
    );
  });
  it('a polynomial that is 0 at the published point cannot scale (0/0)', () => {
    const t = horowitz();
    const i = t.ops.findIndex(
      (r: { scaling?: { rule: string } }) => r.scaling?.rule === 'polynomial',
    );
    expect(i).toBeGreaterThanOrEqual(0);
    Object.assign(t.ops[i].scaling, { ab: 0, meanWidth: 0, constant: 0 });
    const table = parseTable(JSON.stringify(t), 'T.json');
    const op = t.ops[i].op;
    expect(() => estimateOps(table, [{ op, bits: 13, count: 1 }])).toThrow(InputError);
  });
});

it('a sweep file line `null` is refused in one line', () => {
  const file = join(dir, 'null.jsonl');
  writeFileSync(file, 'null\n');
  refused(
    () => readRecords(file),
    `--out ${file} must be a results file of addersim sweep (its first line a sweep header) or a new path, not a file starting "null"`,
  );
  writeFileSync(file, '{"addersim":"sweep"}\nnull\n{"bits":8}\n');
  refused(() => readRecords(file), `--out ${file}: line 2 must be a JSON sweep record, not "null"`);
});
