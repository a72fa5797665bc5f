import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';

/** ONNX models wherever the CLI names a network: import, budget --model, infer --model. */
const fixture = (name: string) => fromRoot('test', 'fixtures', 'onnx', name);
const fresh = () => mkdtempSync(join(tmpdir(), 'addersim-cli-onnx-'));

describe('addersim import model.onnx', () => {
  it('writes a CNN checkpoint that infer reads as it reads the ONNX file', () => {
    const out = join(fresh(), 'lenet5.safetensors');
    const file = fixture('lenet5.onnx');
    const r = runCli(['import', file, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${file}: onnx (opset 13), 18 nodes, 25 tensors (62414 values) -> lenet5 cnn -> ${out}\n`,
    );
    const args = ['--limit', '20', '--json', '--threads', '1', '--table', 'asic-45nm-horowitz'];
    const fromOnnx = JSON.parse(runCli(['infer', '--model', file, ...args]).stdout);
    const fromCheckpoint = JSON.parse(runCli(['infer', '--model', out, ...args]).stdout);
    const { model: _a, ...a } = fromOnnx;
    const { model: _b, ...b } = fromCheckpoint;
    expect(a).toEqual(b);
    expect(a.images).toBe(20);
  });

  it('refuses --net and --map for an ONNX model', () => {
    const out = join(fresh(), 'x.safetensors');
    const r = runCli(['import', fixture('lenet5.onnx'), '--net', 'lenet5', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'addersim: --net must not be given for an ONNX model (its graph, names and cnn weights come from the file), not "lenet5"\n',
    );
  });
});

describe('addersim budget --model model.onnx', () => {
  it('prints the same JSON structure as --net, and ResNet-20 the same counts', () => {
    const mine = JSON.parse(
      runCli(['budget', '--model', fixture('resnet20.onnx'), '--json']).stdout,
    );
    const theirs = JSON.parse(runCli(['budget', '--net', 'resnet20', '--json']).stdout);
    expect(Object.keys(mine)).toEqual(Object.keys(theirs));
    expect(mine.totals).toEqual(theirs.totals);
    expect(mine.layers).toHaveLength(theirs.layers.length);
    expect(Object.keys(mine.layers[1]).sort()).toEqual(Object.keys(theirs.layers[1]).sort());
  });

  it.each([
    ['bad-truncated.onnx', 'not a valid ONNX model'],
    ['bad-unknown-op.onnx', 'node "/LeakyRelu" (LeakyRelu): unsupported operator'],
    ['bad-cycle.onnx', 'node "first" (Relu): part of a cycle'],
    ['bad-shape.onnx', 'node "conv" (Conv): weight shape'],
  ])('%s: one line, exit 2', (name, start) => {
    const r = runCli(['budget', '--model', fixture(name), '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`addersim: ${fixture(name)}: ${start}`)).toBe(true);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  it('infer refuses a network the integer engine cannot run, in one line', () => {
    const r = runCli(['infer', '--model', fixture('dwsep.onnx'), '--limit', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });
});
