import { clampInt } from '../../bits/fast.js';
import { floorShift } from '../../bits/fast-number.js';
import type { AddNode, AlignStep } from '../../quant/graph.js';
import { storedBits } from '../../quant/graph.js';
import { codesTensor } from '../tensor.js';
import { type Kernel, registerKernel } from './registry.js';

/**
 * Residual add on codes, shared by both backends (element-wise integer arithmetic, not simulated
 * at gate level): each branch not already in the output's scale is aligned by its multiply-shift
 * floor((x·M + B) / 2^S) (bits/fast-number floorShift, exact: |x·M + B| < 2^(addBits−1)), then
 * out = clamp(a + b, lo, hi). Counted as the budget does: per element one add at the wider input
 * width, and per aligned branch one mul (input width × M's width) and one add (addBits); reads
 * both inputs and writes the output once.
 */
export const addKernel: Kernel = (node, [a, b], ctx) => {
  const add = node as AddNode;
  const out = codesTensor(add.shape, a.images, 1);
  const dst = out.data as Int32Array;
  // Two passes over the output, no temporary tensors: the first branch, then the sum.
  alignInto(a.data as Int32Array, add.align[0], dst);
  const src = b.data as Int32Array;
  const step = add.align[1];
  const { lo, hi } = add;
  if (step === null) {
    for (let i = 0; i < dst.length; i++) dst[i] = clampInt(dst[i] + src[i], lo, hi);
  } else {
    const { multiplier: m, addend, shift } = step;
    for (let i = 0; i < dst.length; i++) {
      dst[i] = clampInt(dst[i] + floorShift(src[i] * m + addend, shift), lo, hi);
    }
  }
  const e = dst.length;
  ctx.counter.op('add', Math.max(add.inBits[0], add.inBits[1]), e);
  add.align.forEach((step, k) => {
    if (step === null) return;
    ctx.counter.op('mul', add.inBits[k], e, add.mulBits);
    ctx.counter.op('add', step.addBits, e);
  });
  ctx.counter.read(add.inBits[0], e);
  ctx.counter.read(add.inBits[1], e);
  ctx.counter.write(storedBits(add.format), e);
  return out;
};

function alignInto(src: Int32Array, step: AlignStep | null, out: Int32Array): void {
  if (step === null) {
    out.set(src);
    return;
  }
  const { multiplier: m, addend, shift } = step;
  for (let i = 0; i < src.length; i++) out[i] = floorShift(src[i] * m + addend, shift);
}

registerKernel('functional', 'add', addKernel);
registerKernel('gate', 'add', addKernel);
