import { describe, expect, it } from 'vitest';
import type { NodeCounts } from '../../src/engine/counters.js';
import { type RunOptions, runIntegerGraph } from '../../src/engine/run.js';
import { loadMnist } from '../../src/nn/data/mnist.js';
import type { Variant } from '../../src/nn/graph.js';
import type { QuantOptions } from '../../src/quant/options.js';
import { prepared } from './fixtures.js';

/**
 * The backends' contract: the gate backend (every add, subtract, |a−b|, multiply and popcount
 * through netlists) gives bit-identical node outputs and counters to the functional backend,
 * with and without the WebAssembly kernels; and both gate kernels (WebAssembly activity kernel,
 * the simulator's JavaScript activity kernel) count the same toggles.
 */
const test = loadMnist('test');
const IMAGES = 4;

/** [name, network, quantization, also compare the two activity kernels (slower)] */
const CASES: [string, Variant, QuantOptions, boolean][] = [
  ['AdderNet 8-bit thresholds', 'addernet', { bits: 8 }, false],
  [
    'AdderNet 6-bit multiply-shift, 10-bit SAT accumulators',
    'addernet',
    { bits: 6, bn: 'multiply-shift', accBits: 10, overflow: 'sat' },
    true,
  ],
  ['AdderNet 2 channel groups', 'addernet', { bits: 5, groups: 2 }, false],
  [
    'CNN 8-bit multiply-shift, 17-bit WRAP accumulators',
    'cnn',
    { bits: 8, bn: 'multiply-shift', accBits: 17 },
    false,
  ],
  [
    'CNN 4-bit thresholds, 9-bit SAT accumulators',
    'cnn',
    { bits: 4, accBits: 9, overflow: 'sat' },
    false,
  ],
  ['BNN 8-bit multiply-shift', 'bnn', { bits: 8, bn: 'multiply-shift' }, false],
  ['BNN thresholds, 6-bit WRAP accumulators', 'bnn', { bits: 6, accBits: 6 }, true],
];

function capture(variant: Variant, quant: QuantOptions, options: RunOptions, images = IMAGES) {
  const outputs = new Map<string, number[]>();
  const { graph } = prepared(variant, quant);
  const run = runIntegerGraph(graph, test.images, images, {
    ...options,
    onNode: (node, out) => outputs.set(node.id, [...out.data]),
  });
  return { outputs, run };
}

const strip = (n: NodeCounts) => ({ ...n, netlists: [] });

describe.each(CASES)('%s', (_, variant, quant) => {
  const functional = capture(variant, quant, { backend: 'functional' });

  it('functional: the JavaScript kernels equal the WebAssembly SIMD kernels', () => {
    const js = capture(variant, quant, { backend: 'functional', simd: false });
    expect(js.outputs).toEqual(functional.outputs);
    expect(js.run.nodes).toEqual(functional.run.nodes);
  });

  it('gate level: every node output and counter is bit-identical to the functional backend', () => {
    const gate = capture(variant, quant, { backend: 'gate' });
    for (const [id, values] of functional.outputs) expect(gate.outputs.get(id), id).toEqual(values);
    expect(gate.run.nodes.map(strip)).toEqual(functional.run.nodes.map(strip));
    expect(gate.run.nodes.some((n) => n.netlists.length > 0)).toBe(true);
  });
});

describe.each(CASES.filter((c) => c[3]))('%s', (_, variant, quant) => {
  it('gate level: the WebAssembly and JavaScript activity kernels count the same toggles', () => {
    const datapath = { adder: 'brent-kung' } as const;
    const wasm = capture(variant, quant, { backend: 'gate', datapath }, 1);
    const js = capture(variant, quant, { backend: 'gate', simd: false, datapath }, 1);
    expect(js.outputs).toEqual(wasm.outputs);
    expect(js.run.nodes).toEqual(wasm.run.nodes);
    // Every PE and popcount netlist switched (BatchNorm netlists may see constant operands).
    const layers = wasm.run.nodes
      .flatMap((n) => n.netlists)
      .filter((a) => !a.key.includes('"kind":"adder"') && !a.key.includes('"kind":"multiplier"'));
    expect(layers.every((a) => a.netToggles.some((t) => t > 0))).toBe(true);
  });
});
