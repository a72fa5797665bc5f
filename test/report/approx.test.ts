import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { renderReport } from '../../src/report/write.js';
import { approxSide } from '../../src/study/approx.js';
import type { SweepRecord } from '../../src/sweep/spec.js';
import { makeFixture } from './fixture.js';
import { readPng } from './png.js';

/**
 * The "Approximate arithmetic" part: Pareto fronts of hand-made sweep records whose fronts are
 * known, the section's sentences and table, its chart and CSV, and a report without it
 * unchanged.
 */
function record(
  slot: 'sub' | 'acc' | 'mul',
  circuit: string | null,
  correct: number,
  computePj: number,
): SweepRecord {
  return {
    index: 0,
    settings: { model: 'm.safetensors', limit: 100 },
    bits: 8,
    accBits: null,
    adder: 'ripple-carry',
    absdiff: 'ones-complement',
    table: 'cells-45nm',
    ...(circuit === null ? {} : { [slot]: circuit }),
    images: 100,
    correct,
    accuracy: correct / 100,
    overflowEvents: 0,
    energyPj: null,
    computePj,
    memoryPj: null,
    cycles: 1,
    peAreaUm2: computePj / 10,
    toggleImages: 4,
    notPriced: [],
  };
}

// Front: loa:0 (99 @ 100), loa:2 (99 @ 90), loa:4 (97 @ 70), loa:8 (40 @ 50);
// dominated: exact datapath (98 @ 120), eta1:3 (96 @ 80), trunc:6 (30 @ 60).
const adders = [
  record('sub', null, 98, 120),
  record('sub', 'loa:0', 99, 100),
  record('sub', 'loa:2', 99, 90),
  record('sub', 'loa:4', 97, 70),
  record('sub', 'loa:8', 40, 50),
  record('sub', 'eta1:3', 96, 80),
  record('sub', 'trunc:6', 30, 60),
];
const multipliers = [
  record('mul', 'truncmul:0', 98, 200),
  record('mul', 'truncmul:6', 98, 150),
  record('mul', 'bam:3:9', 80, 100),
];

describe('approximate arithmetic study', () => {
  it('finds the Pareto front and the exact reference of each side', () => {
    const side = approxSide('a.jsonl', adders);
    expect(side.slot).toBe('sub');
    expect(side.reference.circuit).toBe('loa:0');
    expect(side.points.map((p) => [p.circuit, p.pareto])).toEqual([
      ['loa:8', true],
      ['trunc:6', false],
      ['loa:4', true],
      ['eta1:3', false],
      ['loa:2', true],
      ['loa:0', false],
      ['exact', false],
    ]);
  });

  it('refuses a sweep without circuits or without its exact reference', () => {
    expect(() => approxSide('x.jsonl', [record('sub', null, 1, 1)])).toThrow(
      new InputError(
        '--approx x.jsonl must be a sweep over one of --sub-circuit, --acc-circuit, --mul-circuit priced on a cell table, not one over no circuits',
      ),
    );
    expect(() =>
      approxSide('z.jsonl', [record('sub', 'loa:0', 1, 1), record('acc', 'loa:0', 1, 1)]),
    ).toThrow(
      new InputError(
        '--approx z.jsonl must be a sweep over one of --sub-circuit, --acc-circuit, --mul-circuit priced on a cell table, not one over --sub-circuit and --acc-circuit',
      ),
    );
    expect(() => approxSide('y.jsonl', [record('mul', 'bam:1:1', 1, 1)])).toThrow(
      new InputError(
        '--approx y.jsonl must include the exact reference (truncmul:0 or none) among its circuits',
      ),
    );
  });

  it('adds its section, chart and CSV to a report, which is otherwise unchanged', () => {
    const results = makeFixture();
    const approx = { sides: [approxSide('a.jsonl', adders), approxSide('m.jsonl', multipliers)] };
    const plain = renderReport(results);
    const withApprox = renderReport(results, { approx });
    const md = withApprox.files.get('report.md') as string;
    expect(md.startsWith((plain.files.get('report.md') as string).trimEnd())).toBe(true);
    expect(md).toContain('\n## Approximate arithmetic\n');
    expect(md).toContain(
      'the cheapest circuit within 1 point of it is loa:2 (99.00%, +0.00 points) at 90.0 pJ, 10.0% less energy, PE area 9.00 µm² against 10.0 µm²',
    );
    expect(md).toContain(
      'Pareto front: loa:8 (40.00% at 50.0%), loa:4 (97.00% at 70.0%), loa:2 (99.00% at 90.0%).',
    );
    expect(md).toContain(
      "Within 1 accuracy point of exact, 1 of 5 approximate adders keep the AdderNet and 1 of 2 approximate multipliers keep the CNN; the best tolerated adder saves 10.0% of the AdderNet's compute energy and the best tolerated multiplier 25.0% of the CNN's, so here the CNN gains more from approximation.",
    );
    expect(md).toContain(
      "The network's own exact datapath (no slot circuit) costs 120.0% of the reference.",
    );
    expect(md).toContain('| loa:4 | 97.00% | −2.00 |');
    expect(readPng(withApprox.files.get('charts/approx-pareto.png') as Uint8Array).width).toBe(900);
    expect((withApprox.files.get('approx.csv') as string).split('\r\n')[1]).toBe(
      'sub,m.safetensors,loa:8,40,100,0.4,50,5,yes',
    );
    expect(plain.files.has('approx.csv')).toBe(false);
  });

  it('shows a sweep over accumulator adders as a side named after its model', () => {
    const accs = [
      {
        ...record('acc', 'loa:0', 99, 100),
        settings: { model: 'models/lenet5-bn-adder.safetensors' },
      },
      {
        ...record('acc', 'loa:6', 99, 95),
        settings: { model: 'models/lenet5-bn-adder.safetensors' },
      },
      {
        ...record('acc', 'trunc:8', 20, 60),
        settings: { model: 'models/lenet5-bn-adder.safetensors' },
      },
    ];
    const side = approxSide('acc.jsonl', accs);
    expect([side.slot, side.reference.circuit]).toEqual(['acc', 'loa:0']);
    const approx = { sides: [approxSide('a.jsonl', adders), side] };
    const md = renderReport(makeFixture(), { approx }).files.get('report.md') as string;
    expect(md).toContain(
      '- lenet5-bn-adder, approximate accumulator adders: the exact circuit (loa:0) reaches 99.00% at 100 pJ per inference; the cheapest circuit within 1 point of it is loa:6 (99.00%, +0.00 points) at 95.0 pJ, 5.0% less energy',
    );
    expect(md).toContain('\n### lenet5-bn-adder, approximate accumulator adders\n');
    const cnnAccs = [
      { ...record('acc', 'loa:0', 99, 200), settings: { model: 'lenet5-bn-cnn.onnx' } },
      { ...record('acc', 'loa:9', 98, 150), settings: { model: 'lenet5-bn-cnn.onnx' } },
    ];
    const both = { sides: [side, approxSide('c.jsonl', cnnAccs)] };
    expect(renderReport(makeFixture(), { approx: both }).files.get('report.md')).toContain(
      "- Accumulator adders, within 1 accuracy point of each side's exact one: 1 of 2 keep lenet5-bn-adder (the best saves 5.0% of its compute energy); 1 of 1 keep lenet5-bn-cnn (the best saves 25.0% of its compute energy).",
    );
  });
});
