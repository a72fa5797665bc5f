import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors } from '../../src/nn/safetensors.js';
import type { Tensor } from '../../src/nn/tensor.js';
import { fromRoot } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';

/**
 * The cases of the outside fuzzing run that regressions.test.ts holds in process, run here
 * through the built CLI as a user ran them: each command that used to print a number, crash
 * or loop now exits 2 with its one line on stderr and nothing on stdout.
 */
const dir = mkdtempSync(join(tmpdir(), 'addersim-regress-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = decodeSafetensors(
  new Uint8Array(readFileSync(fromRoot('models', 'lenet5-bn-cnn.safetensors'))),
  'base',
);
type Graph = { variant: string; nodes: Record<string, unknown>[] };
const node = (g: Graph, id: string) => g.nodes.find((n) => n.id === id)!;

function checkpoint(
  name: string,
  edit: { graph?: (g: Graph) => void; tensors?: (t: Map<string, Tensor>) => void },
): string {
  const graph = JSON.parse(base.metadata.graph) as Graph;
  edit.graph?.(graph);
  const tensors = new Map(base.tensors);
  edit.tensors?.(tensors);
  const file = join(dir, `${name}.safetensors`);
  writeFileSync(
    file,
    encodeSafetensors(tensors, { ...base.metadata, graph: JSON.stringify(graph) }),
  );
  return file;
}

const set = (name: string, i: number, v: number) => (t: Map<string, Tensor>) => {
  const old = t.get(name)!;
  const data = old.data.slice();
  data[i] = v;
  t.set(name, { shape: old.shape, data });
};

function refused(args: string[], message: string): void {
  const r = runCli(args);
  expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `addersim: ${message}\n`]);
}

const G = '__metadata__.graph';
const infer = (file: string) => ['infer', '--model', file, '--limit', '5', '--threads', '1'];
const evaluate = (file: string) => ['eval', '--model', file, '--limit', '5'];

describe('checkpoints through infer and eval', () => {
  it.each([
    [
      'infer: one NaN in fc1.weight (printed 89.00 %)',
      infer,
      { tensors: set('fc1.weight', 7, Number.NaN) },
      'tensor fc1.weight[7]: bad value (expected a finite number, found NaN)',
    ],
    [
      'infer: a negative BatchNorm variance',
      infer,
      { tensors: set('bn2.running_var', 3, -0.5) },
      'tensor bn2.running_var[3]: bad value (expected a finite variance >= 0, found -0.5)',
    ],
    [
      'eval: a bnn graph holding adder layers (ran as AdderNet, printed "bnn")',
      evaluate,
      {
        graph: (g: Graph) => {
          g.variant = 'bnn';
          for (const n of g.nodes) if (n.role === 'body') n.kind = 'adder';
        },
      },
      `${G}: nodes[5] (conv2).kind: a body layer of a bnn graph (expected binary, found "adder")`,
    ],
    [
      'eval: a graph without role fields (every layer counted as a multiply layer)',
      evaluate,
      {
        graph: (g: Graph) => {
          for (const n of g.nodes) delete n.role;
        },
      },
      `${G}: nodes[1] (conv1).role: no role (expected one of stem, body, classifier, found nothing)`,
    ],
    [
      'infer: stride 0 ("Invalid typed array length: Infinity")',
      infer,
      { graph: (g: Graph) => void (node(g, 'conv1').stride = 0) },
      `${G}: nodes[1] (conv1).stride: not a valid stride (expected an integer from 1 to 1024, found 0)`,
    ],
    [
      'infer: out-channels -1',
      infer,
      { graph: (g: Graph) => void (node(g, 'conv2').outChannels = -1) },
      `${G}: nodes[5] (conv2).outChannels: not a valid outChannels (expected an integer from 1 to 65536, found -1)`,
    ],
    [
      'infer: out-channels 1e9',
      infer,
      { graph: (g: Graph) => void (node(g, 'conv2').outChannels = 1e9) },
      `${G}: nodes[5] (conv2).outChannels: not a valid outChannels (expected an integer from 1 to 65536, found 1000000000)`,
    ],
    [
      'infer: an unknown layer kind ("no kernel functional/ternary")',
      infer,
      { graph: (g: Graph) => void (node(g, 'conv2').kind = 'ternary') },
      `${G}: nodes[5] (conv2).kind: a body layer of a cnn graph (expected multiply, found "ternary")`,
    ],
    [
      'eval: an unknown layer kind (was accepted)',
      evaluate,
      { graph: (g: Graph) => void (node(g, 'conv2').kind = 'ternary') },
      `${G}: nodes[5] (conv2).kind: a body layer of a cnn graph (expected multiply, found "ternary")`,
    ],
    [
      'infer: the input node removed ("Cannot read properties of undefined")',
      infer,
      { graph: (g: Graph) => void g.nodes.shift() },
      `${G}: nodes[0] (conv1).op: misplaced input (expected "input" first, found "conv")`,
    ],
    [
      'infer: a missing tensor ("has dtype undefined")',
      infer,
      { tensors: (t: Map<string, Tensor>) => void t.delete('fc1.weight') },
      'missing tensor fc1.weight',
    ],
  ])('%s', (name, command, edit, message) => {
    const file = checkpoint(name.replace(/[^a-z0-9]+/gi, '-'), edit);
    refused(command(file), `${file}: ${message}`);
  });
});

describe('cost tables through budget --table', () => {
  const horowitz = () =>
    JSON.parse(readFileSync(fromRoot('cost-tables', 'asic-45nm-horowitz.json'), 'utf8'));
  const table = (name: string, text: string) => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, text);
    return file;
  };
  const budget = (file: string) => ['budget', '--net', 'lenet5', '--table', file];

  it('a huge number (printed "energy: Infinity pJ", exit 0)', () => {
    const t = horowitz();
    t.ops[0].points[0].energyPj = 1e300;
    const file = table('huge', JSON.stringify(t));
    refused(
      budget(file),
      `${file}: /ops/0/points/0/energyPj: number out of range (expected at most 1000000000000000 in magnitude, found 1e+300)`,
    );
  });

  it('two rows pricing one op and width (the first silently won)', () => {
    const t = horowitz();
    t.ops[0].points.push({ ...t.ops[0].points[0], energyPj: 99 });
    const p = t.ops[0].points[0];
    const file = table('duplicate', JSON.stringify(t));
    refused(
      budget(file),
      `${file}: /ops/0/points/${t.ops[0].points.length - 1} must name each ${t.ops[0].op} width once, not "${p.bits}x${p.bitsB ?? p.bits}" a second time`,
    );
  });

  it('a 100,000-deep array (stack overflow in the error formatter)', () => {
    const file = table('deep', `{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    refused(
      budget(file),
      `${file}: /name/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0: nested too deeply (expected at most 32 levels, found more)`,
    );
  });
});

describe('other files', () => {
  it('sweep --out with a `null` line (TypeError)', () => {
    const file = join(dir, 'null.jsonl');
    const header = runCli([
      'sweep',
      '--model',
      fromRoot('models', 'lenet5-bn-cnn.safetensors'),
      '--bits',
      '8',
      '--limit',
      '5',
      '--threads',
      '1',
      '--out',
      file,
    ]);
    expect(header.code).toBe(0);
    const [first] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${first}\nnull\n`);
    refused(
      [
        'sweep',
        '--model',
        fromRoot('models', 'lenet5-bn-cnn.safetensors'),
        '--bits',
        '8',
        '--limit',
        '5',
        '--threads',
        '1',
        '--out',
        file,
      ],
      `--out ${file}: line 2 must be a JSON sweep record, not "null"`,
    );
  });

  it('datapath --input DIR (EISDIR)', () => {
    refused(
      ['datapath', '--op', 'add', '--activity', '--input', dir],
      `--input ${dir}: not a file (expected a regular file, found a directory)`,
    );
  });
});
