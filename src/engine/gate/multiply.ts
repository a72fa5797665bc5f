import { registerKernel } from '../kernels/registry.js';
import { peKernel } from './weight-kernels.js';

/** Multiply layers on the gate backend: the multiply-accumulate PE netlist (weight-kernels.ts). */
registerKernel('gate', 'multiply', peKernel);
