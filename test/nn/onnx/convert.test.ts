import { describe, expect, it } from 'vitest';
import { deriveVariant } from '../../../src/nn/graph.js';
import { Model } from '../../../src/nn/model.js';
import { readOnnx } from '../../../src/nn/onnx/read.js';
import { tensor } from '../../../src/nn/tensor.js';
import { expectedOutputs, onnxFixture } from './fixtures.js';

/**
 * Imported networks compute what PyTorch computed: the float outputs of the imported graph on
 * the fixed inputs stored beside each fixture equal PyTorch's (make-fixtures.py), within
 * float32 tolerance (summation order and the folded BatchNorm differ).
 */
function runImported(file: string, expectedFile: string) {
  const onnx = readOnnx(onnxFixture(file));
  const model = new Model(deriveVariant(onnx.arch, 'cnn'));
  model.loadState(onnx.tensors, file);
  const e = expectedOutputs(expectedFile);
  const y = model.forward(tensor(e.inputShape, Float32Array.from(e.inputs)));
  return { onnx, y, e };
}

function expectClose(actual: Float32Array, expected: number[][]): void {
  const flat = expected.flat();
  expect(actual.length).toBe(flat.length);
  let worst = 0;
  flat.forEach((v, i) => {
    worst = Math.max(worst, Math.abs(actual[i] - v) / Math.max(1, Math.abs(v)));
  });
  expect(worst).toBeLessThan(1e-5);
}

describe('ONNX networks run as PyTorch ran them', () => {
  it.each([
    ['lenet5.onnx', 'lenet5.expected.json'],
    ['lenet5-opset9.onnx', 'lenet5.expected.json'],
    ['dwsep.onnx', 'dwsep.expected.json'],
    ['dwsep-opset9.onnx', 'dwsep.expected.json'],
    ['ops.onnx', 'ops.expected.json'],
  ])('%s', (file, expectedFile) => {
    const { y, e } = runImported(file, expectedFile);
    expectClose(y.data, e.logits);
  });
});

describe('the imported graph', () => {
  it('LeNet-5: BN folded by the exporter comes back after every weight layer', () => {
    const { onnx } = runImported('lenet5.onnx', 'lenet5.expected.json');
    const ops = onnx.arch.nodes.map((n) => n.op);
    expect(ops).toEqual([
      'input',
      'conv',
      'bn',
      'relu',
      'maxpool',
      'conv',
      'bn',
      'relu',
      'maxpool',
      'flatten',
      'linear',
      'bn',
      'relu',
      'linear',
      'bn',
      'relu',
      'linear',
      'bn',
    ]);
    const roles = onnx.arch.nodes.flatMap((n) => ('role' in n ? [n.role] : []));
    expect(roles).toEqual(['stem', 'body', 'body', 'body', 'classifier']);
    expect(onnx.arch.dataset).toBe('mnist');
    expect(onnx.opset).toBe(13);
  });

  it('the depthwise-separable block: groups, ReLU6, a 1x3 kernel, concat, pads', () => {
    const { onnx } = runImported('dwsep.onnx', 'dwsep.expected.json');
    const byOp = (op: string) => onnx.arch.nodes.filter((n) => n.op === op);
    expect(byOp('relu6')).toHaveLength(2);
    expect(byOp('concat')).toHaveLength(1);
    const convs = byOp('conv') as {
      groups?: number;
      kernelWidth?: number;
      padding?: number;
      pads?: number[];
    }[];
    expect(convs.map((c) => c.groups ?? 1)).toEqual([1, 16, 1, 1]);
    expect(convs[3]).toMatchObject({ kernel: 1, kernelWidth: 3, pads: [0, 1, 0, 1] });
  });

  it('hand-written ops: Identity and Dropout vanish, MatMul + Add is one linear layer with a bias', () => {
    const { onnx } = runImported('ops.onnx', 'ops.expected.json');
    expect(onnx.arch.nodes.map((n) => n.op)).toEqual([
      'input',
      'conv',
      'bn',
      'relu',
      'flatten',
      'linear',
      'bn',
    ]);
    expect(onnx.arch.nodes[1]).toMatchObject({ pads: [0, 1, 1, 1], kernel: 3 });
    expect([...onnx.tensors.get('matmul/bn.bias')!.data]).toEqual([0, 0.125, -0.125, 0.25, 1]);
  });
});
