import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { budgetArchitecture } from '../../../src/budget/budget.js';
import { loadModel } from '../../../src/nn/checkpoint.js';
import { tensor } from '../../../src/nn/tensor.js';
import { fromRoot } from '../../../src/paths.js';
import type { FuzzPath } from '../harness.js';
import { byteEdits, mutateBytes } from '../mutate.js';

/**
 * An ONNX file given as `--model` (budget, infer, report, eval): the committed fixtures (written
 * by PyTorch, see test/fixtures/onnx/make-fixtures.py) truncated, bit-flipped and with length
 * fields set to extremes. An accepted file must load as a model, give finite logits and count.
 */
const FILES = ['lenet5.onnx', 'lenet5-opset9.onnx', 'dwsep.onnx', 'ops.onnx'];
const originals = FILES.map(
  (f) => new Uint8Array(readFileSync(fromRoot('test', 'fixtures', 'onnx', f))),
);

const onnx: FuzzPath<[number, Parameters<typeof mutateBytes>[1]]> = {
  name: 'ONNX model (--model FILE.onnx)',
  runs: 400,
  input: fc.tuple(fc.nat(FILES.length - 1), byteEdits),
  feed: ([f, es], scratch) => {
    const file = join(scratch, 'm.onnx');
    writeFileSync(file, mutateBytes(originals[f], es));
    return {
      names: file,
      call: () => {
        const { model, checkpoint } = loadModel(file);
        const input = checkpoint.graph.nodes[0];
        const x = tensor([1, ...(input.op === 'input' ? input.shape : [])]);
        for (let i = 0; i < x.data.length; i++) x.data[i] = ((i * 37 + 11) % 101) / 50 - 1;
        return { logits: model.forward(x).data, budget: budgetArchitecture(checkpoint.graph) };
      },
    };
  },
};

export const paths = [onnx as FuzzPath];
