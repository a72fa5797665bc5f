import { describe, expect, it } from 'vitest';
import { budgetArchitecture } from '../../src/budget/budget.js';
import type { Architecture, GraphNode } from '../../src/nn/graph.js';

/** A one-layer-and-more architecture for hand counts. */
function arch(nodes: GraphNode[]): Architecture {
  return { name: 'test', dataset: 'none', source: 'hand-written test graph', nodes };
}

const layer = (report: ReturnType<typeof budgetArchitecture>, id: string) =>
  report.layers.find((l) => l.id === id)!;

describe('hand-counted layers', () => {
  it('a single 3x3 multiply conv without padding', () => {
    // input 2x5x5, 3 filters 3x3, stride 1: output 3x3x3, M = 9, N = 3, K = 2·9 = 18,
    // taps = 9·3·18 = 486. Accumulator 2·8 + floor(log2 18) = 20 bits.
    const r = budgetArchitecture(
      arch([
        { id: 'input', op: 'input', shape: [2, 5, 5] },
        { id: 'c', op: 'conv', role: 'body', outChannels: 3, kernel: 3 },
      ]),
    );
    const c = layer(r, 'c');
    expect(c.params).toBe(54);
    expect(c.paddedTaps).toBe(0);
    expect(c.cnn?.work).toEqual({
      name: 'c',
      kind: 'multiply',
      M: 9,
      N: 3,
      K: 18,
      operandBits: 8,
      accBits: 20,
      // The 2x5x5 input.
      inputElements: 50,
    });
    expect(c.cnn?.ops).toEqual([
      { op: 'add', bits: 20, count: 486 },
      { op: 'mul', bits: 8, count: 486 },
    ]);
    // Reads: 50 activations + 54 weights at 8 bits; writes 27 outputs at 20 bits.
    expect(c.cnn?.memory).toEqual([
      { op: 'sram-read', bits: 8, count: 104 },
      { op: 'sram-write', bits: 20, count: 27 },
    ]);
    expect([c.cnn?.paperMul, c.cnn?.paperAdd, c.cnn?.paperXnor]).toEqual([486, 486, 0]);
    expect([c.addernet?.paperMul, c.addernet?.paperAdd]).toEqual([0, 972]);
    expect([c.bnn?.paperXnor, c.bnn?.paperAdd]).toEqual([486, 486]);
  });

  it('a single adder layer with padding and stride, against a walk of the official unfold', () => {
    const [C, H, W, N, k, s, p] = [2, 5, 5, 3, 3, 2, 1];
    const r = budgetArchitecture(
      arch([
        { id: 'input', op: 'input', shape: [C, H, W] },
        { id: 'a', op: 'conv', role: 'body', outChannels: N, kernel: k, stride: s, padding: p },
      ]),
    );
    // Golden model: the official layer unfolds zero-padded columns and computes |x − w| for
    // every (output pixel, filter, column entry), padded or not.
    let taps = 0;
    let padded = 0;
    const Ho = Math.floor((H + 2 * p - k) / s) + 1;
    const Wo = Math.floor((W + 2 * p - k) / s) + 1;
    for (let oh = 0; oh < Ho; oh++)
      for (let ow = 0; ow < Wo; ow++)
        for (let n = 0; n < N; n++)
          for (let c = 0; c < C; c++)
            for (let i = 0; i < k; i++)
              for (let j = 0; j < k; j++) {
                taps++;
                const y = oh * s - p + i;
                const x = ow * s - p + j;
                if (y < 0 || y >= H || x < 0 || x >= W) padded++;
              }
    expect(taps).toBe(486); // 3x3 outputs · 3 filters · 18
    expect(padded).toBe(192); // (81 − 7·7) · 2 channels · 3 filters
    const a = layer(r, 'a');
    expect(a.paddedTaps).toBe(padded);
    const v = a.addernet!;
    expect(v.kind).toBe('adder');
    // Accumulator: 18 taps · 255 = 4,590 < 2^13.
    expect(v.work).toEqual({
      name: 'a',
      kind: 'adder',
      M: 9,
      N: 3,
      K: 18,
      operandBits: 8,
      accBits: 13,
      inputElements: 50,
    });
    expect(v.ops).toEqual([
      { op: 'add', bits: 13, count: taps },
      { op: 'sub', bits: 8, count: taps },
      { op: 'abs', bits: 9, count: taps },
    ]);
    expect([v.mul, v.paperMul, v.paperAdd]).toEqual([0, 0, 2 * taps]);
  });

  it('a bias is one add per output at the accumulator width', () => {
    const r = budgetArchitecture(
      arch([
        { id: 'input', op: 'input', shape: [6] },
        { id: 'fc', op: 'linear', role: 'classifier', outFeatures: 4, bias: true },
      ]),
      { bits: 4 },
    );
    // K = 6, 24 taps, 4 outputs; accumulator 2·4 + floor(log2 6) = 10 bits.
    const fc = layer(r, 'fc');
    expect(fc.params).toBe(28);
    expect(fc.cnn?.ops).toEqual([
      { op: 'add', bits: 10, count: 28 },
      { op: 'mul', bits: 4, count: 24 },
    ]);
    expect(fc.cnn?.weightReads).toBe(28);
    expect(fc.cnn?.weightReadBits).toBe(24 * 4 + 4 * 10);
  });

  describe('a downsampling residual block', () => {
    // input 4x8x8 -> a: conv3x3(8, stride 2, pad 1) -> 8x4x4 (M 16, K 36, 4,608 taps)
    //   -> bn -> relu -> b: conv3x3(8, pad 1) (M 16, K 72, 9,216 taps) -> bn
    // shortcut: ds: conv1x1(8, stride 2) from the input (M 16, K 4, 512 taps) -> bn
    // add -> relu.  Taps 14,336; 3 BN layers of 128 elements.
    const block = arch([
      { id: 'input', op: 'input', shape: [4, 8, 8] },
      { id: 'a', op: 'conv', role: 'body', outChannels: 8, kernel: 3, stride: 2, padding: 1 },
      { id: 'bna', op: 'bn' },
      { id: 'relua', op: 'relu' },
      { id: 'b', op: 'conv', role: 'body', outChannels: 8, kernel: 3, stride: 1, padding: 1 },
      { id: 'bnb', op: 'bn' },
      { id: 'ds', op: 'conv', input: 'input', role: 'body', outChannels: 8, kernel: 1, stride: 2 },
      { id: 'bnds', op: 'bn' },
      { id: 'add', op: 'add', inputs: ['bnb', 'bnds'] },
      { id: 'relu', op: 'relu' },
    ]);
    const r = budgetArchitecture(block);

    it('counts parameters: weights 288 + 576 + 32, BN 3 · 16', () => {
      expect(r.totals.cnn.params).toBe(944);
    });

    it('as a CNN', () => {
      const t = r.totals.cnn;
      expect([t.mul, t.add, t.cmp, t.bn]).toEqual([14_336 + 384, 14_336 + 384 + 128, 256, 384]);
      expect([t.paperMul, t.paperAdd]).toEqual([14_336, 14_336]);
    });

    it('as an AdderNet', () => {
      const t = r.totals.addernet;
      expect([t.mul, t.add, t.sub, t.abs, t.cmp]).toEqual([
        384,
        14_336 + 384 + 128,
        14_336,
        14_336,
        256,
      ]);
      expect([t.paperMul, t.paperAdd]).toEqual([0, 28_672]);
      // Accumulators: 36·255 = 9,180 -> 14 bits; 72·255 = 18,360 -> 15; 4·255 = 1,020 -> 10.
      expect(['a', 'b', 'ds'].map((id) => layer(r, id).addernet?.work?.accBits)).toEqual([
        14, 15, 10,
      ]);
      // BN scales the accumulator: mul 14x8, 15x8, 10x8.
      expect(layer(r, 'bna').addernet?.ops).toEqual([
        { op: 'add', bits: 22, count: 128 },
        { op: 'mul', bits: 14, bitsB: 8, count: 128 },
      ]);
    });

    it('as a BNN: sign comparisons where binary layers read full-width tensors', () => {
      const t = r.totals.bnn;
      expect([t.xnor, t.popcount, t.sub, t.abs]).toEqual([14_336, 14_336, 0, 0]);
      expect([t.mul, t.add]).toEqual([384, 384 + 128]);
      // a and ds each take the sign of the 256 input values (the input has no producer);
      // relua (now hardtanh) is read only by b: stored as 1-bit signs, 128 cmp;
      // the last hardtanh clips: 2 · 128.
      expect(t.cmp).toBe(256 + 256 + 128 + 256);
      expect(layer(r, 'relua').bnn?.outBits).toBe(1);
      // One 72-bit population count per output of b (8 filters x 16 pixels); 384 in all.
      expect(layer(r, 'b').bnn?.ops).toEqual([
        { op: 'xnor', bits: 1, count: 9_216 },
        { op: 'popcount', bits: 72, count: 128 },
      ]);
      expect(t.popcountWords).toBe(384);
      expect(layer(r, 'b').bnn?.memory).toEqual([
        { op: 'sram-read', bits: 1, count: 128 + 576 },
        { op: 'sram-write', bits: 7, count: 128 },
      ]);
      expect([t.paperXnor, t.paperAdd]).toEqual([14_336, 14_336]);
    });
  });

  it('counts max-pool comparisons over valid window positions only', () => {
    // 1x4x4, kernel 3, stride 2, padding 1: rows read {-1,0,1} and {1,2,3}: 2 + 3 = 5 valid
    // per axis, 25 valid pairs over 4 outputs: 21 comparisons.
    const r = budgetArchitecture(
      arch([
        { id: 'input', op: 'input', shape: [1, 4, 4] },
        { id: 'pool', op: 'maxpool', kernel: 3, stride: 2, padding: 1 },
      ]),
    );
    expect(layer(r, 'pool').cnn?.ops).toEqual([{ op: 'cmp', bits: 8, count: 21 }]);
  });

  it('counts a global average pool as sums plus one scaling multiply per channel', () => {
    const r = budgetArchitecture(
      arch([
        { id: 'input', op: 'input', shape: [3, 7, 7] },
        { id: 'gap', op: 'globalavgpool' },
      ]),
    );
    // 48 adds per channel at 8 + ceil(log2 49) = 14 bits, then 1 multiply by 1/49.
    expect(layer(r, 'gap').cnn?.ops).toEqual([
      { op: 'add', bits: 14, count: 144 },
      { op: 'mul', bits: 14, bitsB: 8, count: 3 },
    ]);
  });
});
