import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { decodeOnnxFile } from '../../../src/nn/onnx/read.js';
import {
  attrInt,
  attrInts,
  bytes,
  cat,
  floatTensor,
  int,
  type ModelParts,
  model,
  node,
  varint,
} from './write-proto.js';

/**
 * Hostile ONNX files made byte by byte: each is refused with one line naming the file and,
 * where there is one, the node — never a crash, a hang or a partial graph.
 */
const F = 'evil.onnx';
function refusal(data: Uint8Array): string {
  try {
    decodeOnnxFile(data, F);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    expect(err.message).not.toContain('\n');
    return err.message;
  }
  throw new Error('accepted');
}

const W = (n: number) => Array.from({ length: n }, (_, i) => (i % 5) / 8 - 0.25);
/** x [N,1,6,6] -> conv 3x3 (2 out) -> relu: a valid base the cases below break. */
function base(over: Partial<ModelParts> & { convAttrs?: Uint8Array[] } = {}): ModelParts {
  return {
    nodes: [
      node('Conv', ['x', 'w'], ['c'], 'conv', over.convAttrs ?? [attrInts('kernel_shape', [3, 3])]),
      node('Relu', ['c'], ['y'], 'relu'),
    ],
    initializers: [floatTensor('w', [2, 1, 3, 3], W(18))],
    inputs: [['x', ['N', 1, 6, 6]]],
    outputs: [['y', ['N', 2, 4, 4]]],
    ...over,
  };
}

describe('hostile ONNX files', () => {
  it('the valid base is accepted', () => {
    expect(decodeOnnxFile(model(base()), F).arch.nodes.map((n) => n.op)).toEqual([
      'input',
      'conv',
      'bn',
      'relu',
    ]);
  });

  it('unknown groups nested 200,000 deep exhaust no stack: one line', () => {
    const depth = 200_000;
    const start = varint((99 << 3) | 3);
    const end = varint((99 << 3) | 4);
    const head = model(base());
    const evil = new Uint8Array(head.length + depth * (start.length + end.length));
    evil.set(head);
    for (let k = 0; k < depth; k++) evil.set(start, head.length + k * start.length);
    evil.fill(end[1], head.length + depth * start.length);
    for (let k = 0; k < depth; k++)
      evil.set(end, head.length + depth * start.length + k * end.length);
    expect(refusal(evil)).toMatch(
      /^evil\.onnx: not a valid ONNX model \(expected a complete ModelProto protobuf, found .+\)$/,
    );
  });

  it('random bytes and an empty file', () => {
    expect(refusal(Uint8Array.from([0x08, 0xff, 0xff]))).toMatch(
      /^evil\.onnx: not a valid ONNX model/,
    );
    expect(refusal(new Uint8Array(0))).toBe(
      'evil.onnx: no graph (expected a ModelProto with a graph)',
    );
  });

  it.each([
    [
      'dims of 2^40 elements',
      base({ initializers: [cat(int(1, 1 << 20), int(1, 1 << 20), int(2, 1), bytes(8, 'w'))] }),
      'evil.onnx: tensor "w": impossible dims (expected at most 8 dims >= 0 and 134217728 elements, found [1048576,1048576])',
    ],
    [
      'raw_data shorter than the dims',
      base({ initializers: [floatTensor('w', [2, 1, 3, 3], W(17))] }),
      'evil.onnx: tensor "w": raw_data holds 17 values (expected 18 for dims [2,1,3,3])',
    ],
    [
      'external data',
      base({ initializers: [floatTensor('w', [2, 1, 3, 3], W(18), [int(14, 1)])] }),
      'evil.onnx: tensor "w": stored in an external file (expected its values inside the model; save it with all tensors in one file)',
    ],
    [
      'a subgraph attribute',
      base({
        convAttrs: [attrInts('kernel_shape', [3, 3]), cat(bytes(1, 'kernel_shape'), bytes(6, ''))],
      }),
      'evil.onnx: node "conv" (Conv): attribute kernel_shape given twice',
    ],
    [
      'dilations 2',
      base({ convAttrs: [attrInts('dilations', [2, 2])] }),
      'evil.onnx: node "conv" (Conv): unsupported dilations (expected dilations of 1, found [2,2])',
    ],
    [
      'an unknown attribute',
      base({ convAttrs: [attrInt('fancy', 1)] }),
      'evil.onnx: node "conv" (Conv): unsupported attribute (expected one of auto_pad, dilations, group, kernel_shape, pads, strides, found "fancy")',
    ],
    [
      'opset 5',
      base({ opset: 5 }),
      'evil.onnx: opset_import: unsupported opset (expected 7 to 23 for the default domain, found 5)',
    ],
    [
      'two graph inputs',
      base({
        inputs: [
          ['x', [1, 1, 6, 6]],
          ['z', [1, 1, 6, 6]],
        ],
      }),
      'evil.onnx: 2 graph inputs besides initializers (expected one: the image batch)',
    ],
    [
      'a name produced twice',
      base({ nodes: [node('Relu', ['x'], ['y'], 'a'), node('Relu', ['x'], ['y'], 'b')] }),
      'evil.onnx: node "b" (Relu): output "y" is produced twice',
    ],
    [
      'a name nothing produces',
      base({ nodes: [node('Relu', ['ghost'], ['y'], 'a')] }),
      'evil.onnx: node "a" (Relu): reads "ghost", which nothing produces',
    ],
    [
      'a node that does not lead to the output',
      base({
        nodes: [
          node('Conv', ['x', 'w'], ['y'], 'conv', [attrInts('kernel_shape', [3, 3])]),
          node('Relu', ['x'], ['z'], 'dead'),
        ],
      }),
      'evil.onnx: node "dead" (relu) does not lead to the graph output (expected every node to)',
    ],
    [
      'MaxPool with ceil_mode 1',
      base({
        nodes: [
          node('MaxPool', ['x'], ['y'], 'pool', [
            attrInts('kernel_shape', [2, 2]),
            attrInt('ceil_mode', 1),
          ]),
        ],
        initializers: [],
      }),
      'evil.onnx: node "pool" (MaxPool): ceil_mode (expected 0 (floor), found 1)',
    ],
    [
      'an operator of another domain',
      base({ nodes: [cat(node('Relu', ['x'], ['y'], 'r'), bytes(7, 'com.microsoft'))] }),
      'evil.onnx: node "r" (Relu): unsupported operator (expected one of Add, AveragePool, BatchNormalization, Clip, Concat, Constant, Conv, Dropout, Flatten, Gemm, GlobalAveragePool, Identity, MatMul, MaxPool, Pad, Relu, Reshape, found "com.microsoft.Relu")',
    ],
    [
      'a network without weights',
      base({ nodes: [node('Relu', ['x'], ['y'], 'r')], initializers: [] }),
      'evil.onnx: no Conv, Gemm or MatMul layer (expected a network with weights)',
    ],
  ])('%s', (_, parts, message) => {
    expect(refusal(model(parts))).toBe(message);
  });
});
