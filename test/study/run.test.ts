import { describe, expect, it } from 'vitest';
import { countGraph } from '../../src/budget/count-graph.js';
import { NodeCounter } from '../../src/engine/counters.js';
import { getKernel } from '../../src/engine/kernels/registry.js';
import { DEFAULT_DATAPATH } from '../../src/engine/run.js';
import { modelFromCheckpoint } from '../../src/nn/checkpoint.js';
import { loadMnist } from '../../src/nn/data/mnist.js';
import { evaluateAccuracy } from '../../src/nn/evaluate.js';
import { prepareCheckpoint, requantize } from '../../src/pipeline/prepare.js';
import { checkResults } from '../../src/report/validate.js';
import { analyticCounts, measuredCounts } from '../../src/study/counts.js';
import { integerEngine } from '../../src/study/engine.js';
import { pickImages, runStudy } from '../../src/study/index.js';
import { loadStudyNetworks } from '../../src/study/networks.js';
import { accumulatorStream } from '../../src/study/operands.js';
import { resolveStudyOptions } from '../../src/study/options.js';
import { loadStudyTables } from '../../src/study/tables.js';

/**
 * The study on the shipped checkpoints with a small --limit: the results pass the report's
 * checks, the sections agree with each other, and the engine's counts and operands agree with
 * independent computations (the analytic budget; a plain loop over the operands).
 */
const LIMIT = 30;
const results = await runStudy({ limit: LIMIT, seed: 3 });

describe('runStudy', () => {
  it('fills every section of the results contract', () => {
    expect(() => checkResults(results, 'study results')).not.toThrow();
    expect(results.meta).toMatchObject({
      architecture: 'lenet5',
      dataset: 'mnist',
      seed: 3,
      defaultBits: 8,
    });
    expect(results.accuracy.testImages).toBe(LIMIT);
    expect(results.accuracy.networks.map((n) => n.network)).toEqual(['addernet', 'cnn', 'bnn']);
    for (const n of results.accuracy.networks) {
      expect(n.points.map((p) => p.bits)).toEqual([8, 6, 5, 4, 3]);
    }
    const ids = results.tables.map((t) => t.id);
    expect(new Set(results.energy.map((e) => e.table))).toEqual(
      new Set(ids.filter((id) => id.startsWith('asic-'))),
    );
    expect(results.energy).toHaveLength(6);
    expect(results.fpga).toHaveLength(6);
    expect(results.cpu).toHaveLength(6);
    expect(results.adders.architectures).toHaveLength(11);
    expect(results.budgets.architectures).toHaveLength(6);
    expect(results.accumulator.curves.map((c) => c.network)).toEqual(['addernet', 'bnn']);
    expect(results.verdictInputs.breakdownTable).toBe('asic-45nm-horowitz');
  });

  it('breaks each energy down into parts that sum to it', () => {
    for (const e of results.energy) {
      const b = results.breakdown.find((x) => x.network === e.network && x.table === e.table);
      const byPrimitive = b?.byPrimitive.reduce((s, p) => s + p.energyPj, 0) ?? 0;
      const byLayer = b?.byLayer.reduce((s, l) => s + l.energyPj, 0) ?? 0;
      expect(byPrimitive).toBeCloseTo(e.energyPj, 6);
      expect(byLayer).toBeCloseTo(e.energyPj, 6);
    }
  });

  it('counts float accuracy over the same images as the float engine', () => {
    const test = loadMnist('test');
    const { networks } = loadStudyNetworks(resolveStudyOptions({}).checkpoints);
    for (const net of networks) {
      const model = modelFromCheckpoint(net.checkpoint);
      const { correct } = evaluateAccuracy(model, test, { limit: LIMIT });
      const row = results.accuracy.networks.find((n) => n.network === net.network);
      expect(row?.floatCorrect).toBe(correct);
    }
  });

  it('states that the engine counts equal the analytic budget and the backends agree', () => {
    expect(results.meta.notes).toContain(
      'Operation counts are exact, not sampled: the engine counted every operation while it ran, and its counts equal the analytic operation budget node by node for every network.',
    );
    const gate = results.meta.notes.find((n) =>
      n.startsWith('Gate-level check on the 4 test images'),
    );
    expect(gate).toContain(
      'predicted exactly what the functional backend predicted, for every network',
    );
    // Timing-aware, with the zero-delay figure beside each network's.
    const e = '[\\d.]+ [nµ]J';
    expect(gate).toMatch(
      new RegExp(
        `AdderNet ${e} \\(zero-delay ${e}\\), CNN ${e} \\(zero-delay ${e}\\), BNN ${e} \\(zero-delay ${e}\\) per inference \\(timing-aware`,
      ),
    );
  });

  it('draws the adder-toggle images from the seed, distinct and in range', () => {
    const a = pickImages(LIMIT, 4, 3);
    expect(a).toEqual(pickImages(LIMIT, 4, 3));
    expect(new Set(a).size).toBe(4);
    expect(a.every((i) => i >= 0 && i < LIMIT)).toBe(true);
    expect(pickImages(LIMIT, 4, 4)).not.toEqual(a);
    expect(pickImages(3, 10, 1)).toEqual([0, 1, 2]);
    expect(results.adders.operands).toContain(`indices ${a.join(', ')}`);
  });
});

describe('the integer engine adapter', () => {
  const engine = integerEngine(loadStudyTables().all);
  const { networks } = loadStudyNetworks(resolveStudyOptions({}).checkpoints);

  it('counts each network exactly as the analytic budget does, node by node', async () => {
    for (const net of networks) {
      const result = await engine.quantize(net, 6).measured(20);
      expect(measuredCounts(result)).toEqual(analyticCounts(net.graph, 6));
      const works = countGraph(net.graph, 6).flatMap((n) => (n.work ? [n.work] : []));
      expect(result.work).toEqual(works);
    }
  });

  it("gives the operands whose |x − w| sums are the adder layer's accumulators", () => {
    const adder = networks[0];
    const q = engine.quantize(adder, 8);
    const graph = requantize(prepareCheckpoint(adder.checkpoint, adder.ref.label), {
      bits: 8,
    }).graph;
    const ops = q.operands('conv2', [5, 9]);
    const stream = accumulatorStream(ops, 16, 'conv2');
    // The engine's own adder kernel on the same input tensor (SIMD sum of absolute differences).
    const { inputs, weights } = ops;
    const data = new Int32Array(inputs.length * inputs[0].length);
    inputs.forEach((x, k) => data.set(x, k * x.length));
    const node = graph.nodes.find((n) => n.id === 'conv2');
    const out = getKernel('functional', node as never)(
      node as never,
      [{ shape: ops.inShape, images: inputs.length, planes: 1, data }],
      {
        backend: 'functional',
        datapath: DEFAULT_DATAPATH,
        counter: new NodeCounter('conv2'),
        simd: true,
      },
    );
    const K = 150;
    const totals = Array.from({ length: out.data.length }, (_, o) => {
      const last = (o + 1) * K - 1;
      return stream.sums[last] + stream.addends[last];
    });
    expect(totals).toEqual([...out.data]);
    expect(weights.length).toBe(16 * K);
  });
});
