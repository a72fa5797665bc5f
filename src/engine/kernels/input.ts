import type { InputNode } from '../../quant/graph.js';
import { codesTensor, sizeOf } from '../tensor.js';
import { type Kernel, registerKernel } from './registry.js';

/**
 * The input kernel (both backends): each image byte becomes its code in every plane through
 * the node's lookup table. The image is stored at b bits by convention: not counted, as in the
 * operation budget.
 */
export const inputKernel: Kernel = (node, [bytes]) => {
  const input = node as InputNode;
  const planes = input.format.kind === 'codes' ? input.format.planes : 1;
  const out = codesTensor(input.shape, bytes.images, planes);
  const dst = out.data as Int32Array;
  const per = sizeOf(input.shape);
  const channels = input.shape[0];
  const plane = per / channels;
  const src = bytes.data;
  for (let p = 0; p < planes; p++) {
    for (let i = 0; i < bytes.images * per; i++) {
      const ch = ((i % per) / plane) | 0;
      dst[p * bytes.images * per + i] = input.table[(p * channels + ch) * 256 + src[i]];
    }
  }
  return out;
};

registerKernel('functional', 'input', inputKernel);
registerKernel('gate', 'input', inputKernel);
