import { describe, expect, test } from 'vitest';
import { computeVerdict } from '../../src/report/verdict.js';
import type { Finding } from '../../src/report/verdict-types.js';
import type { ReportResults } from '../../src/study/results.js';
import { type Knobs, MIXED, makeFixture } from './fixture.js';

/** The outcome of each finding, keyed `topic/table/versus`, for compact comparison. */
function outcomes(findings: readonly Finding[]): Record<string, string> {
  return Object.fromEntries(
    findings.map((f) => [`${f.topic}/${f.table ?? '-'}/${f.versus}`, f.outcome]),
  );
}

// Expected ratios below are worked out by hand from the knob values.
const WINNING: Knobs = {
  horowitz: { addernet: 10_000, cnn: 30_000, bnn: 20_000 },
  aladdin: { addernet: 10_000, cnn: 40_000, bnn: 25_000 },
  skylake: { addernet: 5_000, cnn: 15_000, bnn: 12_000 },
  neoverse: { addernet: 5_000, cnn: 20_000, bnn: 16_000 },
  fpgaCycles: { addernet: 500, cnn: 3_000, bnn: 1_000 },
  correct8: { addernet: 9_950, cnn: 9_800, bnn: 9_700 },
};
/** The same numbers with AdderNet's and the rivals' roles swapped. */
const LOSING: Knobs = {
  horowitz: { addernet: 40_000, cnn: 30_000, bnn: 20_000 },
  aladdin: { addernet: 50_000, cnn: 40_000, bnn: 25_000 },
  skylake: { addernet: 30_000, cnn: 15_000, bnn: 12_000 },
  neoverse: { addernet: 40_000, cnn: 20_000, bnn: 16_000 },
  fpgaCycles: { addernet: 6_000, cnn: 3_000, bnn: 1_000 },
  correct8: { addernet: 9_500, cnn: 9_800, bnn: 9_700 },
};

describe('the verdict flips with the numbers', () => {
  test('AdderNet lower everywhere: every finding is a win', () => {
    const v = computeVerdict(makeFixture(WINNING));
    expect(v.findings).toHaveLength(12);
    expect(new Set(v.findings.map((f) => f.outcome))).toEqual(new Set(['wins']));
    const text = v.findings.map((f) => f.text).join('\n');
    expect(text).toContain('AdderNet is lower; the CNN needs 3.00× as much');
    expect(text).toContain('AdderNet is faster; the BNN needs 2.40× as many cycles');
    expect(text).not.toContain('AdderNet is higher');
    expect(text).not.toContain('AdderNet is slower');
    expect(v.summary).toContain(
      'ASIC energy per inference at int8: AdderNet is lower than the CNN on 2 of 2 ASIC tables (Horowitz 45 nm, Aladdin 40 nm).',
    );
    expect(v.summary).toContain("Accuracy at int8: AdderNet's is 1.50 points above the CNN's.");
  });

  test('AdderNet higher everywhere: every finding is a loss', () => {
    const v = computeVerdict(makeFixture(LOSING));
    expect(v.findings).toHaveLength(12);
    expect(new Set(v.findings.map((f) => f.outcome))).toEqual(new Set(['loses']));
    const text = v.findings.map((f) => f.text).join('\n');
    expect(text).toContain('AdderNet is higher; it needs 1.33× as much as the CNN');
    expect(text).toContain('AdderNet is slower; it needs 2.00× as many cycles as the CNN');
    expect(text).toContain('AdderNet is slower; it needs 2.00× as long as the CNN');
    expect(text).not.toContain('AdderNet is lower');
    expect(v.summary).toContain(
      'ASIC energy per inference at int8: AdderNet is lower than the CNN on 0 of 2 ASIC tables, higher on 2 (Horowitz 45 nm, Aladdin 40 nm).',
    );
    expect(v.summary).toContain("Accuracy at int8: AdderNet's is 3.00 points below the CNN's.");
  });

  test('a mixed picture: each comparison decided on its own numbers', () => {
    const v = computeVerdict(makeFixture(MIXED));
    expect(outcomes(v.findings)).toEqual({
      'asic-energy/asic-45nm-horowitz/cnn': 'wins',
      'asic-energy/asic-45nm-horowitz/bnn': 'loses',
      'asic-energy/asic-40nm-aladdin/cnn': 'wins',
      'asic-energy/asic-40nm-aladdin/bnn': 'loses',
      'cpu-cycles/cpu-skylake/cnn': 'loses',
      'cpu-cycles/cpu-skylake/bnn': 'loses',
      'cpu-cycles/cpu-neoverse-n1/cnn': 'loses',
      'cpu-cycles/cpu-neoverse-n1/bnn': 'loses',
      'fpga-latency/fpga-zu9eg/cnn': 'wins',
      'fpga-latency/fpga-zu9eg/bnn': 'loses',
      'accuracy/-/cnn': 'tie',
      'accuracy/-/bnn': 'wins',
    });
  });
});

test('a finding states both numbers, the ratio and the table with its source', () => {
  const v = computeVerdict(makeFixture(MIXED));
  const f = v.findings.find((x) => x.topic === 'asic-energy' && x.versus === 'cnn');
  expect(f?.text).toBe(
    'On Horowitz 45 nm (45 nm, 0.9 V; source: Horowitz, ISSCC 2014), int8 energy per inference is 60.0 nJ for AdderNet and 90.0 nJ for the CNN: AdderNet is lower; the CNN needs 1.50× as much.',
  );
  const cpu = v.findings.find(
    (x) => x.topic === 'cpu-cycles' && x.table === 'cpu-skylake' && x.versus === 'cnn',
  );
  expect(cpu?.text).toBe(
    "On Skylake (Intel Skylake client; source: LLVM X86SchedSkylakeClient.td), AdderNet's vpsadbw kernel takes 0.0750 cycles per tap and 30,000 cycles per inference; the CNN's vpmaddubsw + vpmaddwd kernel takes 0.0375 per tap and 15,000 per inference: AdderNet is slower; it needs 2.00× as many cycles as the CNN.",
  );
  const acc = v.findings.find((x) => x.topic === 'accuracy' && x.versus === 'cnn');
  expect(acc?.text).toBe(
    "At int8 (bit-accurate, functional backend, 10,000 mnist test images) AdderNet's accuracy is 98.90 % and the CNN's 99.10 % (float: 99.20 % and 98.20 %): within the 0.5-point tolerance (0.20 percentage points apart).",
  );
});

test('costs within the tie tolerance are called about equal', () => {
  const v = computeVerdict(
    makeFixture({ ...MIXED, horowitz: { addernet: 100_000, cnn: 103_000, bnn: 200_000 } }),
  );
  const vsCnn = v.findings.find((x) => x.table === 'asic-45nm-horowitz' && x.versus === 'cnn');
  const vsBnn = v.findings.find((x) => x.table === 'asic-45nm-horowitz' && x.versus === 'bnn');
  expect(vsCnn?.outcome).toBe('tie');
  expect(vsCnn?.text).toContain('about equal (within 5 %: 1.03× apart)');
  expect(vsBnn?.outcome).toBe('wins');
  expect(v.summary).toContain(
    'ASIC energy per inference at int8: AdderNet is lower than the CNN on 1 of 2 ASIC tables (Aladdin 40 nm), about equal on 1 (Horowitz 45 nm).',
  );
});

test('FPGA compares latency, not cycles, when the clocks differ', () => {
  const base = makeFixture(MIXED);
  // AdderNet: 2,000 cycles at 250 MHz = 8 µs; CNN: 3,000 cycles at 500 MHz = 6 µs.
  const results: ReportResults = {
    ...base,
    fpga: base.fpga.map((r) => (r.network === 'cnn' ? { ...r, clockMhz: 500 } : r)),
  };
  const f = computeVerdict(results).findings.find(
    (x) => x.topic === 'fpga-latency' && x.versus === 'cnn',
  );
  expect(f?.outcome).toBe('loses');
  expect(f?.addernet).toBe(8);
  expect(f?.other).toBe(6);
  expect(f?.text).toContain('1 DSP per PE, 2,520 PEs at 500 MHz, 3,000 cycles (6.00 µs)');
  expect(f?.text).toContain('AdderNet is slower; it needs 1.33× as long as the CNN');
});

test('CPU and FPGA energies are compared only where both are priced', () => {
  const base = makeFixture(MIXED);
  const priced: ReportResults = {
    ...base,
    cpu: base.cpu.map((r) => ({ ...r, energyPj: r.network === 'addernet' ? 1_000 : 4_000 })),
  };
  const topics = computeVerdict(priced).findings.map((f) => f.topic);
  expect(topics.filter((t) => t === 'cpu-energy')).toHaveLength(4);
  expect(computeVerdict(base).findings.some((f) => f.topic === 'cpu-energy')).toBe(false);
});

test('the breakdown explains where the energy goes, from the shares', () => {
  const v = computeVerdict(makeFixture(MIXED));
  // Fixture AdderNet on Horowitz: sub 12 + abs 6 of 60 nJ = 30 %; mul 1 of 60 = 1.7 %.
  expect(v.explanations).toContain(
    'AdderNet spends 30 % of its energy on the subtract and absolute-value steps a multiplier-free tap adds, and 1.7 % on the multiplications of the layers it keeps as multiply layers.',
  );
  expect(v.explanations[0]).toContain('CNN 90.0 nJ (mul 56 %, add 23 %, memory 21 %)');
});

test('without rivals there is no verdict, and says so', () => {
  const base = makeFixture(MIXED);
  const only = <R extends { network: string }>(rows: readonly R[]) =>
    rows.filter((r) => r.network === 'addernet');
  const results: ReportResults = {
    ...base,
    energy: only(base.energy),
    cpu: only(base.cpu),
    fpga: only(base.fpga),
    accuracy: { ...base.accuracy, networks: only(base.accuracy.networks) },
  };
  const v = computeVerdict(results);
  expect(v.findings).toEqual([]);
  expect(v.summary).toEqual([
    'These results hold no value of AdderNet next to the same value of a CNN or BNN, so there is no verdict.',
  ]);
});

test('accuracy is judged only at the default bit width', () => {
  const base = makeFixture(MIXED);
  const results: ReportResults = { ...base, meta: { ...base.meta, defaultBits: 5 } };
  expect(computeVerdict(results).findings.some((f) => f.topic === 'accuracy')).toBe(false);
});
