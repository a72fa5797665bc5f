import type { HardtanhNode } from '../../quant/graph.js';
import { storedBits } from '../../quant/graph.js';
import { type Kernel, registerKernel } from './registry.js';

/**
 * HardTanh on codes (the BNN's activation), shared by both backends: clamp to [−c, c], c the
 * code of 1.0 (2 cmp per element), or, when only its sign is kept (the tensor feeds binary
 * layers), 1 cmp per element giving bit 1 for x ≥ 0 (sign(0) = +1). Reads its input and writes
 * its output once. `fused` (thresholds mode): the BatchNorm thresholds already did it.
 */
export const hardtanhKernel: Kernel = (node, [x], ctx) => {
  const h = node as HardtanhNode;
  if (h.fused) return x;
  const src = x.data as Int32Array;
  const out = new Int32Array(src.length);
  const per = src.length / x.planes;
  for (let p = 0; p < x.planes; p++) {
    const c = h.clip[p];
    for (let i = p * per; i < (p + 1) * per; i++) {
      const v = src[i];
      out[i] = h.binarize ? (v >= 0 ? 1 : 0) : v < -c ? -c : Math.min(v, c);
    }
  }
  ctx.counter.op('cmp', h.inBits, src.length * (h.binarize ? 1 : 2));
  ctx.counter.read(h.inBits, src.length);
  ctx.counter.write(storedBits(h.format), src.length);
  return { ...x, data: out };
};

registerKernel('functional', 'hardtanh', hardtanhKernel);
registerKernel('gate', 'hardtanh', hardtanhKernel);
