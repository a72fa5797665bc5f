import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NodeCounter } from '../../src/engine/counters.js';
import { type Backend, getKernel } from '../../src/engine/kernels/registry.js';
import { DEFAULT_DATAPATH } from '../../src/engine/run.js';
import type { IntTensor } from '../../src/engine/tensor.js';
import type { WeightNode } from '../../src/quant/graph.js';
import type { AccOverflow } from '../../src/quant/options.js';
import '../../src/engine/run.js';

/**
 * WRAP against SAT accumulators on constructed inputs that overflow, on both backends, against
 * a golden per-addition BigInt model of the register (the netlists' semantics: each addition
 * wrapped or clamped, a sticky flag per dot product).
 */
function golden(
  addends: readonly number[],
  bits: number,
  signed: boolean,
  mode: AccOverflow,
): { value: number; overflowed: boolean } {
  const lo = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const hi = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const span = 1n << BigInt(bits);
  let acc = 0n;
  let overflowed = false;
  for (const a of addends) {
    acc += BigInt(a);
    if (acc < lo || acc > hi) {
      overflowed = true;
      if (mode === 'sat') acc = acc < lo ? lo : hi;
      else acc = ((((acc - lo) % span) + span) % span) + lo;
    }
  }
  return { value: Number(acc), overflowed };
}

/** A linear weight layer of N channels over K inputs, built by hand. */
function layer(
  kind: 'adder' | 'multiply',
  bits: number,
  weights: readonly number[][],
  accBits: number,
  overflow: AccOverflow,
): WeightNode {
  const n = weights.length;
  const k = weights[0].length;
  return {
    op: 'weight',
    id: 'fc',
    input: 'x',
    shape: [n],
    format: { kind: 'acc', bits: accBits, signed: kind === 'multiply' },
    layer: 'linear',
    kind,
    role: 'body',
    inShape: [k],
    conv: null,
    outChannels: n,
    taps: k,
    pixels: 1,
    operandBits: bits,
    operandSigned: kind === 'multiply',
    diffBits: kind === 'adder' ? bits + 1 : null,
    weights: Int32Array.from(weights.flat()),
    channelPlane: new Int32Array(n),
    accBits,
    naturalAccBits: 40,
    accSigned: kind === 'multiply',
    overflow,
    accScale: new Float64Array(n).fill(1),
    accOffset: new Float64Array(n),
  };
}

function run(node: WeightNode, xs: readonly number[][], backend: Backend) {
  const x: IntTensor = {
    shape: [node.taps],
    images: xs.length,
    planes: 1,
    data: Int32Array.from(xs.flat()),
  };
  const counter = new NodeCounter(node.id);
  const out = getKernel(backend, node)(node, [x], {
    backend,
    datapath: DEFAULT_DATAPATH,
    counter,
    simd: true,
  });
  return { values: [...out.data], events: counter.snapshot().overflowEvents };
}

describe.each(['functional', 'gate'] as const)('%s backend', (backend) => {
  it('adder layer: 8 taps of |15 − 0| = 120 in a 5-bit register wrap to 24 and saturate at 31', () => {
    const weights = [new Array(8).fill(0), new Array(8).fill(15)];
    const xs = [new Array(8).fill(15), new Array(8).fill(1)];
    const wrap = run(layer('adder', 4, weights, 5, 'wrap'), xs, backend);
    const sat = run(layer('adder', 4, weights, 5, 'sat'), xs, backend);
    // image 0: channel 0 sums 120 (overflows), channel 1 sums 0; image 1: 8 and 112.
    expect(wrap.values).toEqual([120 % 32, 0, 8, 112 % 32]);
    expect(sat.values).toEqual([31, 0, 8, 31]);
    expect([wrap.events, sat.events]).toEqual([2, 2]);
  });

  it('multiply layer: per-addition saturation differs from clamping the sum', () => {
    // 4-bit operands, products 49, 49, 49, −56 in an 8-bit register: WRAP passes through −109
    // and ends at the true sum 91; SAT sticks at 127 and ends at 71.
    const weights = [[7, 7, 7, 7]];
    const xs = [[7, 7, 7, -8]];
    expect(run(layer('multiply', 4, weights, 8, 'wrap'), xs, backend).values).toEqual([91]);
    expect(run(layer('multiply', 4, weights, 8, 'sat'), xs, backend).values).toEqual([71]);
  });

  it('random dot products match the per-addition golden register in both modes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'adder' | 'multiply'>('adder', 'multiply'),
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom<AccOverflow>('wrap', 'sat'),
        (kind, bits, k, seed, mode) => {
          let s = seed;
          const rand = (lo: number, hi: number) => {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            return lo + (s % (hi - lo + 1));
          };
          const [lo, hi] =
            kind === 'adder' ? [0, 2 ** bits - 1] : [-(2 ** (bits - 1)), 2 ** (bits - 1) - 1];
          const weights = [0, 1, 2].map(() => Array.from({ length: k }, () => rand(lo, hi)));
          const xs = [0, 1].map(() => Array.from({ length: k }, () => rand(lo, hi)));
          const accBits = kind === 'adder' ? bits + 1 : 2 * bits;
          const got = run(layer(kind, bits, weights, accBits, mode), xs, backend);
          let events = 0;
          const want = xs.flatMap((x) =>
            weights.map((w) => {
              const addends = x.map((v, r) => (kind === 'adder' ? Math.abs(v - w[r]) : v * w[r]));
              const g = golden(addends, accBits, kind === 'multiply', mode);
              if (g.overflowed) events++;
              return g.value;
            }),
          );
          expect(got.values).toEqual(want);
          expect(got.events).toBe(events);
        },
      ),
      { numRuns: backend === 'gate' ? 40 : 200 },
    );
  });
});
