import { clampInt } from '../../bits/fast.js';
import { floorShift } from '../../bits/fast-number.js';
import type { AvgpoolNode } from '../../quant/graph.js';
import { storedBits } from '../../quant/graph.js';
import { codesTensor } from '../tensor.js';
import { type Kernel, registerKernel } from './registry.js';

/**
 * Average pooling (and global average pooling) on codes, shared by both backends: the window's
 * sum (padded taps read 0), then floor(sum·M / 2^S) clamped to the output codes. Counted as the
 * budget does: (valid window positions − 1) adds per output at the sum's width, one mul per
 * output (sum width × M's width); reads its input and writes its output once.
 */
export const avgpoolKernel: Kernel = (node, [x], ctx) => {
  const pool = node as AvgpoolNode;
  const [c, h, w] = x.shape;
  const [, ho, wo] = pool.shape;
  const { kernelH: kh, kernelW: kw, stride: s, padding: pad } = pool;
  const out = codesTensor(pool.shape, x.images, 1);
  const dst = out.data as Int32Array;
  const src = x.data as Int32Array;
  let reductions = 0;
  const planes = x.images * c;
  for (let m = 0; m < planes; m++) {
    const xc = m * h * w;
    const yc = m * ho * wo;
    for (let oy = 0; oy < ho; oy++) {
      for (let ox = 0; ox < wo; ox++) {
        let sum = 0;
        let valid = 0;
        for (let i = 0; i < kh; i++) {
          const y = oy * s + i - pad;
          if (y < 0 || y >= h) continue;
          for (let j = 0; j < kw; j++) {
            const xx = ox * s + j - pad;
            if (xx < 0 || xx >= w) continue;
            sum += src[xc + y * w + xx];
            valid++;
          }
        }
        reductions += valid - 1;
        dst[yc + oy * wo + ox] = clampInt(
          floorShift(sum * pool.multiplier, pool.shift),
          pool.lo,
          pool.hi,
        );
      }
    }
  }
  const outputs = dst.length;
  ctx.counter.op('add', pool.sumBits, reductions);
  ctx.counter.op('mul', pool.sumBits, outputs, pool.mulBits);
  ctx.counter.read(pool.inBits, src.length);
  ctx.counter.write(storedBits(pool.format), outputs);
  return out;
};

registerKernel('functional', 'avgpool', avgpoolKernel);
registerKernel('gate', 'avgpool', avgpoolKernel);
