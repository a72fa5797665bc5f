import { describe, expect, it } from 'vitest';
import type { NodeCounts } from '../../../src/engine/counters.js';
import { type RunOptions, runIntegerGraph } from '../../../src/engine/run.js';
import { loadMnist } from '../../../src/nn/data/mnist.js';
import { prepareNetwork } from '../../../src/pipeline/index.js';
import { onnxFixture } from './fixtures.js';

/**
 * An imported ONNX LeNet-5 runs through the integer engine as any checkpoint does (int8,
 * multiply-shift BatchNorm; the BNs are the ones the importer restores after the folded
 * convolutions), and the gate backend (every add and multiply through netlists) gives
 * bit-identical node outputs and counters to the functional backend.
 */
const test = loadMnist('test');
const IMAGES = 3;

describe('int8 inference of lenet5.onnx', () => {
  const prepared = prepareNetwork(onnxFixture('lenet5.onnx'), { calibrationImages: 200 });

  function capture(options: RunOptions) {
    const outputs = new Map<string, number[]>();
    const run = runIntegerGraph(prepared.graph, test.images, IMAGES, {
      ...options,
      onNode: (node, out) => outputs.set(node.id, [...out.data]),
    });
    return { outputs, run };
  }
  const strip = (n: NodeCounts) => ({ ...n, netlists: [] });

  it('is the imported CNN with a BatchNorm after every weight layer', () => {
    expect(prepared.graph.variant).toBe('cnn');
    expect(prepared.graph.nodes.map((n) => n.op)).toEqual([
      'input',
      'weight',
      'bn',
      'relu',
      'maxpool',
      'weight',
      'bn',
      'relu',
      'maxpool',
      'flatten',
      'weight',
      'bn',
      'relu',
      'weight',
      'bn',
      'relu',
      'weight',
      'bn',
    ]);
  });

  it('gate level equals functional, node by node and counter by counter', () => {
    const functional = capture({ backend: 'functional' });
    const gate = capture({ backend: 'gate' });
    for (const [id, values] of functional.outputs) expect(gate.outputs.get(id), id).toEqual(values);
    expect(gate.run.nodes.map(strip)).toEqual(functional.run.nodes.map(strip));
    expect(gate.run.nodes.some((n) => n.netlists.length > 0)).toBe(true);
    expect([...gate.run.predictions]).toEqual([...functional.run.predictions]);
  });
});
