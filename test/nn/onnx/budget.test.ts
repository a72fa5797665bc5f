import { describe, expect, it } from 'vitest';
import { budgetArchitecture } from '../../../src/budget/budget.js';
import { loadArchitecture } from '../../../src/nn/architectures.js';
import { readOnnx } from '../../../src/nn/onnx/read.js';
import { onnxFixture } from './fixtures.js';

/**
 * Counting an imported network: the ResNet-20 PyTorch exported (BatchNorm folded at opset 13,
 * kept at opset 11) gives exactly the counts of the built-in resnet20 architecture, a
 * definition written independently from the AdderNet paper's code (models/arch/resnet20.json).
 */
describe('ResNet-20 from ONNX counts as the built-in resnet20', () => {
  const builtIn = budgetArchitecture(loadArchitecture('resnet20'));
  it.each(['resnet20.onnx', 'resnet20-bn-opset11.onnx'])('%s', (file) => {
    const imported = budgetArchitecture(readOnnx(onnxFixture(file)).arch);
    for (const v of ['cnn', 'addernet', 'bnn'] as const) {
      const { energy: _a, ...mine } = imported.totals[v];
      const { energy: _b, ...theirs } = builtIn.totals[v];
      expect(mine, v).toEqual(theirs);
    }
    expect(imported.totals.cnn.paperMul).toBe(40_813_184);
  });
});

describe('depthwise layers count as depthwise adder and binary layers', () => {
  it('dwsep.onnx: the 3x3 depthwise stride-2 layer on 16x32x32 has 16·16·16·9 taps', () => {
    const report = budgetArchitecture(readOnnx(onnxFixture('dwsep.onnx')).arch);
    const dw = report.layers.find((l) => l.groups === 16)!;
    const taps = 16 * 16 * 16 * 9;
    expect(dw.outShape).toEqual([16, 16, 16]);
    expect(dw.addernet).toMatchObject({ kind: 'adder', sub: taps, abs: taps, paperAdd: 2 * taps });
    expect(dw.bnn).toMatchObject({ kind: 'binary', xnor: taps, paperXnor: taps });
    expect(dw.cnn).toMatchObject({ kind: 'multiply', mul: taps, paperMul: taps });
    expect(dw.params).toBe(16 * 9);
  });

  it('the 1x3 convolution with pads [0, 1, 0, 1] reads 8·16·(16·16·3 − 2·16) real taps', () => {
    const report = budgetArchitecture(readOnnx(onnxFixture('dwsep.onnx')).arch);
    const wide = report.layers.find((l) => l.op === 'conv' && l.outShape[0] === 8)!;
    // Each output row has 16 positions of 3 taps; the first and last each read one pad.
    expect(wide.paddedTaps).toBe(8 * 16 * 16 * 2);
    expect(wide.cnn?.paperMul).toBe(8 * 16 * 16 * 16 * 3);
  });
});
