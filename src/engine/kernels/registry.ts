import type { AbsDiffVariant } from '../../gen/absdiff/index.js';
import type { AdderArch } from '../../gen/adders/index.js';
import type { MultiplierArch } from '../../gen/multipliers/index.js';
import type { IntNode } from '../../quant/graph.js';
import type { NodeCounter } from '../counters.js';
import type { IntTensor } from '../tensor.js';

/**
 * Kernel registry (tfjs-style): one kernel per (backend, layer kind), registered once by the
 * file that implements it; registering a name twice is an error. Layer kinds are the integer
 * graph's ops, with weight layers split by kind: input, multiply, adder, binary, bn, relu,
 * hardtanh, maxpool, avgpool, add, flatten. The gate backend registers the same names, so one conformance
 * test runs every kind on both backends.
 */
export const BACKENDS = ['functional', 'gate'] as const;
export type Backend = (typeof BACKENDS)[number];

/**
 * The datapath the gate backend simulates (the functional backend ignores the exact choices).
 * `sub`, `acc` and `mul` are slot circuits by key (gen/approx/slots.ts): a circuit in place of
 * the AdderNet layers' |x − w|, of the accumulator adder of every adder and multiply layer, or
 * of every multiply layer's multiplier, on both backends.
 */
export interface Datapath {
  readonly adder: AdderArch;
  readonly absdiff: AbsDiffVariant;
  readonly multiplier: MultiplierArch;
  readonly sub?: string;
  readonly acc?: string;
  readonly mul?: string;
}

export interface KernelContext {
  readonly backend: Backend;
  readonly datapath: Datapath;
  readonly counter: NodeCounter;
  /** Use the WebAssembly SIMD kernels where they apply (functional backend); default true. */
  readonly simd: boolean;
}

export type Kernel = (node: IntNode, inputs: readonly IntTensor[], ctx: KernelContext) => IntTensor;

const registry = new Map<string, Kernel>();

export function kernelName(node: IntNode): string {
  return node.op === 'weight' ? node.kind : node.op;
}

export function registerKernel(backend: Backend, name: string, kernel: Kernel): void {
  const key = `${backend}/${name}`;
  if (registry.has(key)) throw new Error(`kernel ${key} is registered twice`);
  registry.set(key, kernel);
}

export function getKernel(backend: Backend, node: IntNode): Kernel {
  const key = `${backend}/${kernelName(node)}`;
  const kernel = registry.get(key);
  if (!kernel) throw new Error(`no kernel ${key}`);
  return kernel;
}
