import { registerKernel } from '../kernels/registry.js';
import { gateBinaryKernel } from './weight-kernels.js';

/** Binary layers on the gate backend: the K-lane XNOR-popcount netlist (weight-kernels.ts). */
registerKernel('gate', 'binary', gateBinaryKernel);
