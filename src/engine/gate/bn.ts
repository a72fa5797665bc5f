import { clampInt } from '../../bits/fast.js';
import { floorShift } from '../../bits/fast-number.js';
import type { BnNode } from '../../quant/graph.js';
import { bnKernel, countBn } from '../kernels/bn.js';
import { type Kernel, registerKernel } from '../kernels/registry.js';
import { codesTensor, sizeOf } from '../tensor.js';
import { runCombinational } from './combinational.js';
import { type NetlistSpec, netlistFor, specKey } from './netlists.js';

/**
 * BatchNorm requantization on the gate backend. multiply-shift: acc·M through the chosen
 * multiplier netlist (signed, n×n with n = the accumulator width, one more when it is unsigned,
 * and at least the multiplier width M needs), its low addBits bits + B through the chosen adder
 * netlist (addBits wide; the quantizer guarantees acc·M + B fits), then the shift and clamp in
 * wiring and comparators (not simulated). thresholds: comparisons only, which the gate backend
 * does not simulate: the functional kernel runs.
 */
const gateBnKernel: Kernel = (node, inputs, ctx) => {
  const bn = node as BnNode;
  if (bn.mode === 'thresholds') return bnKernel(node, inputs, ctx);
  const [x] = inputs;
  const planes = bn.lo.length;
  const per = sizeOf(bn.shape);
  const spatial = per / bn.channels;
  const count = x.data.length;
  const width = Math.max(bn.inBits + (bn.inSigned ? 0 : 1), bn.mulBits);
  const mulSpec: NetlistSpec = {
    kind: 'multiplier',
    width,
    arch: ctx.datapath.multiplier,
    adder: ctx.datapath.adder,
  };
  const addSpec: NetlistSpec = { kind: 'adder', width: bn.addBits, arch: ctx.datapath.adder };
  const out = codesTensor(bn.shape, x.images, planes);
  const dst = out.data as Int32Array;
  for (let p = 0; p < planes; p++) {
    const m = new Float64Array(count);
    const b = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const at = p * bn.channels + (((i % per) / spatial) | 0);
      m[i] = bn.multiplier[at];
      b[i] = bn.addend[at];
    }
    const { product } = runCombinational(
      netlistFor(mulSpec),
      specKey(mulSpec),
      { a: x.data, b: m },
      count,
      { product: { bits: bn.addBits, signed: true } },
      ctx.counter,
      ctx.simd,
    );
    const { sum } = runCombinational(
      netlistFor(addSpec),
      specKey(addSpec),
      { a: product, b, cin: new Int32Array(count) },
      count,
      { sum: { signed: true } },
      ctx.counter,
      ctx.simd,
    );
    const lo = bn.lo[p];
    const hi = bn.hi[p];
    for (let i = 0; i < count; i++) {
      const at = p * bn.channels + (((i % per) / spatial) | 0);
      dst[p * count + i] = clampInt(floorShift(sum[i], bn.shift[at]), lo, hi);
    }
  }
  countBn(bn, x, ctx.counter);
  return out;
};

registerKernel('gate', 'bn', gateBnKernel);
