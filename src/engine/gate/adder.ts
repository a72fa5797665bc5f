import { registerKernel } from '../kernels/registry.js';
import { peKernel } from './weight-kernels.js';

/** AdderNet layers on the gate backend: the |x − w| + accumulate PE netlist (weight-kernels.ts). */
registerKernel('gate', 'adder', peKernel);
