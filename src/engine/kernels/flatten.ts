import type { FlattenNode } from '../../quant/graph.js';
import { type Kernel, registerKernel } from './registry.js';

/** Flatten (both backends): a view of the same data under the flat shape; nothing counted. */
export const flattenKernel: Kernel = (node, [x]) => ({ ...x, shape: (node as FlattenNode).shape });

registerKernel('functional', 'flatten', flattenKernel);
registerKernel('gate', 'flatten', flattenKernel);
