import { describe, expect, it } from 'vitest';
import type { LayerWork } from '../../src/cost/layer-work.js';
import { parseLayerWork } from '../../src/cost/layer-work.js';
import { parseArrayShape, peArrayCycles } from '../../src/cost/pe-array.js';

// AlexNet conv1: 224x224x3 input, 11x11 filters, 96 filters, stride 4 -> 55x55 output.
const conv1: LayerWork = {
  name: 'alexnet-conv1',
  kind: 'multiply',
  M: 55 * 55,
  N: 96,
  K: 11 * 11 * 3,
  operandBits: 8,
  accBits: 32,
};

describe('SCALE-Sim fold model', () => {
  it('reproduces SCALE-Sim v2 on AlexNet conv1, 32x32 weight stationary: 112,283 cycles, 91.68 %', () => {
    const v2 = peArrayCycles(conv1, { rows: 32, cols: 32 }, 'ws', 'scalesim-v2');
    expect(v2.rowFolds).toBe(12); // ceil(363 / 32)
    expect(v2.colFolds).toBe(3); // ceil(96 / 32)
    expect(v2.cyclesPerFold).toBe(2 * 32 + 32 + 3025 - 2);
    expect(v2.cycles).toBe(112283);
    expect((v2.utilisation * 100).toFixed(2)).toBe('91.68');
  });

  it('counts one more cycle than v2 reports under the paper convention', () => {
    // v2 reports the cycle index of the last serviced demand row, counted from 0 (its
    // total_cycles = ofmap_serviced_cycles[-1]); 36 folds x 3119 rows = 112,284 cycles.
    const paper = peArrayCycles(conv1, { rows: 32, cols: 32 }, 'ws');
    expect(paper.cycles).toBe(36 * 3119);
    expect(paper.cycles).toBe(112284);
    expect((paper.utilisation * 100).toFixed(2)).toBe('91.68');
  });

  it('maps each dataflow as the SCALE-Sim table says (hand-computed small case)', () => {
    const layer: LayerWork = {
      name: 'l',
      kind: 'adder',
      M: 10,
      N: 5,
      K: 7,
      operandBits: 8,
      accBits: 16,
    };
    const arr = { rows: 4, cols: 3 };
    const os = peArrayCycles(layer, arr, 'os');
    expect([os.spatialRows, os.spatialCols, os.temporal]).toEqual([10, 5, 7]);
    expect(os.cycles).toBe(3 * 2 * (8 + 3 + 7 - 2));
    const ws = peArrayCycles(layer, arr, 'ws');
    expect(ws.cycles).toBe(2 * 2 * (8 + 3 + 10 - 2));
    const is = peArrayCycles(layer, arr, 'is');
    expect(is.cycles).toBe(2 * 4 * (8 + 3 + 5 - 2));
    // SCALE-Sim v2's output-stationary code omits the R-cycle drain, and reports count - 1.
    expect(peArrayCycles(layer, arr, 'os', 'scalesim-v2').cycles).toBe(3 * 2 * (4 + 3 + 7 - 2) - 1);
    expect(os.utilisation).toBeCloseTo(350 / (os.cycles * 12), 15);
  });

  it('does not depend on operation type or width', () => {
    const a = peArrayCycles(
      { ...conv1, kind: 'adder', operandBits: 4 },
      { rows: 16, cols: 16 },
      'os',
    );
    const m = peArrayCycles(conv1, { rows: 16, cols: 16 }, 'os');
    expect(a.cycles).toBe(m.cycles);
  });

  it('checks its inputs with exact messages', () => {
    expect(() => peArrayCycles({ ...conv1, K: 0 }, { rows: 2, cols: 2 }, 'ws')).toThrow(
      'layer alexnet-conv1: K must be a positive integer, not 0',
    );
    expect(() => peArrayCycles(conv1, { rows: 0, cols: 2 }, 'ws')).toThrow(
      'array rows must be a positive integer, not 0',
    );
    expect(() => parseArrayShape('32by32')).toThrow(
      '--array must be ROWSxCOLS with each from 1 to 65536 (for example 32x32), not "32by32"',
    );
    expect(parseArrayShape('16x8')).toEqual({ rows: 16, cols: 8 });
  });

  it('parses --work layers', () => {
    expect(parseLayerWork('conv1=adder:3025x96x363,binary:10x20x30,multiply:1x2x3:4:20')).toEqual([
      { name: 'conv1', kind: 'adder', M: 3025, N: 96, K: 363, operandBits: 8, accBits: 32 },
      { name: 'layer2', kind: 'binary', M: 10, N: 20, K: 30, operandBits: 1, accBits: 32 },
      { name: 'layer3', kind: 'multiply', M: 1, N: 2, K: 3, operandBits: 4, accBits: 20 },
    ]);
    expect(() => parseLayerWork('conv:1x2x3')).toThrow(
      '--work kind must be one of adder, multiply, binary, not "conv"',
    );
    expect(() => parseLayerWork('adder:1x2')).toThrow(
      '--work must be a comma-separated list of [name=]kind:MxNxK[:operandBits[:accBits]] (for example adder:3025x96x363), not "adder:1x2"',
    );
  });
});
