import type { ReluNode } from '../../quant/graph.js';
import { storedBits } from '../../quant/graph.js';
import { type Kernel, registerKernel } from './registry.js';

/**
 * ReLU on codes, shared by both backends (a comparison, not simulated at gate level): 1 cmp per
 * element at the input width (the budget's rule); reads its input and writes its output once.
 * A `fused` node (thresholds mode: the BatchNorm thresholds already clamp at 0) passes its
 * input through and counts nothing: it does not exist in that datapath.
 */
export const reluKernel: Kernel = (node, [x], ctx) => {
  const relu = node as ReluNode;
  if (relu.fused) return x;
  const src = x.data as Int32Array;
  const out = new Int32Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = Math.max(src[i], 0);
  ctx.counter.op('cmp', relu.inBits, src.length);
  ctx.counter.read(relu.inBits, src.length);
  ctx.counter.write(storedBits(relu.format), src.length);
  return { ...x, data: out };
};

registerKernel('functional', 'relu', reluKernel);
registerKernel('gate', 'relu', reluKernel);
