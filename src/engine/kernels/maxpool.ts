import type { MaxpoolNode } from '../../quant/graph.js';
import { storedBits } from '../../quant/graph.js';
import { codesTensor } from '../tensor.js';
import { type Kernel, registerKernel } from './registry.js';

/**
 * Max pooling on codes (on bits it is an OR), padded positions skipped as PyTorch does. With
 * `binarize` the sign of each maximum is kept (1 when ≥ 0): sign and max commute, so this equals
 * the float model's sign of the pooled value. Counted as the budget does: (valid window
 * positions − 1) cmp per output at the input width, plus 1 cmp per output for the sign; reads
 * its input and writes its output once.
 */
export const maxpoolKernel: Kernel = (node, [x], ctx) => {
  const pool = node as MaxpoolNode;
  const [c, h, w] = sizeOfInput(x.shape);
  const [, ho, wo] = pool.shape;
  const { kernel: k, stride: s, padding: pad } = pool;
  const out = codesTensor(pool.shape, x.images, x.planes);
  const dst = out.data as Int32Array;
  const src = x.data as Int32Array;
  let reductions = 0;
  const planes = x.images * x.planes * c;
  if (pad === 0 && k === 2 && s === 2) {
    // The common 2x2, stride-2 window: four reads per output, no bounds to test.
    for (let m = 0; m < planes; m++) {
      const xc = m * h * w;
      const yc = m * ho * wo;
      for (let oy = 0; oy < ho; oy++) {
        const r0 = xc + 2 * oy * w;
        const r1 = r0 + w;
        for (let ox = 0; ox < wo; ox++) {
          const a = src[r0 + 2 * ox];
          const b = src[r0 + 2 * ox + 1];
          const d = src[r1 + 2 * ox];
          const e = src[r1 + 2 * ox + 1];
          const top = Math.max(a, b);
          const bottom = Math.max(d, e);
          const best = Math.max(top, bottom);
          dst[yc + oy * wo + ox] = pool.binarize ? (best >= 0 ? 1 : 0) : best;
        }
      }
    }
    reductions = 3 * planes * ho * wo;
  } else {
    for (let m = 0; m < planes; m++) {
      const xc = m * h * w;
      const yc = m * ho * wo;
      for (let oy = 0; oy < ho; oy++) {
        for (let ox = 0; ox < wo; ox++) {
          let best = Number.NEGATIVE_INFINITY;
          let valid = 0;
          for (let i = 0; i < k; i++) {
            const y = oy * s + i - pad;
            if (y < 0 || y >= h) continue;
            for (let j = 0; j < k; j++) {
              const xx = ox * s + j - pad;
              if (xx < 0 || xx >= w) continue;
              const v = src[xc + y * w + xx];
              if (v > best) best = v;
              valid++;
            }
          }
          reductions += valid - 1;
          dst[yc + oy * wo + ox] = pool.binarize ? (best >= 0 ? 1 : 0) : best;
        }
      }
    }
  }
  const outputs = dst.length;
  ctx.counter.op('cmp', pool.inBits, reductions + (pool.binarize ? outputs : 0));
  ctx.counter.read(pool.inBits, src.length);
  ctx.counter.write(storedBits(pool.format), outputs);
  return out;
};

function sizeOfInput(shape: readonly number[]): [number, number, number] {
  if (shape.length !== 3) throw new Error(`maxpool needs a [C, H, W] input, not [${shape}]`);
  return [shape[0], shape[1], shape[2]];
}

registerKernel('functional', 'maxpool', maxpoolKernel);
registerKernel('gate', 'maxpool', maxpoolKernel);
