import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { readOnnx } from '../../../src/nn/onnx/read.js';
import { onnxFixture } from './fixtures.js';

/** The malformed fixtures (make-fixtures.py): one line each, naming the file and the node. */
function refusal(file: string): string {
  try {
    readOnnx(file);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error(`${file} was accepted`);
}

const OPS =
  'Add, AveragePool, BatchNormalization, Clip, Concat, Constant, Conv, Dropout, Flatten, Gemm, GlobalAveragePool, Identity, MatMul, MaxPool, Pad, Relu, Reshape';

describe('malformed ONNX files are refused in one line naming the problem', () => {
  it.each([
    [
      'bad-truncated.onnx',
      'not a valid ONNX model (expected a complete ModelProto protobuf, found index out of range)',
    ],
    [
      'bad-unknown-op.onnx',
      `node "/LeakyRelu" (LeakyRelu): unsupported operator (expected one of ${OPS}, found "LeakyRelu")`,
    ],
    ['bad-cycle.onnx', 'node "first" (Relu): part of a cycle (expected an acyclic graph)'],
    [
      'bad-shape.onnx',
      'node "conv" (Conv): weight shape (expected [M, 3, kh, kw] for 3 input channels, found [4,2,3,3])',
    ],
  ])('%s', (name, message) => {
    const file = onnxFixture(name);
    expect(refusal(file)).toBe(`${file}: ${message}`);
  });

  it('a file that does not exist', () => {
    expect(refusal('no-such.onnx')).toBe('ONNX model no-such.onnx does not exist');
  });
});
