import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TableCost } from '../../src/cost/price-inference.js';
import { fromRoot } from '../../src/paths.js';
import type { NetworkResult } from '../../src/pipeline/measure.js';
import type { ReportResults } from '../../src/study/results.js';
import { runCli } from '../helpers/cli.js';

/**
 * One path from a checkpoint to a priced result: `addersim report` and `addersim infer`, run as
 * a user runs them with the same options (8 bits, the default BatchNorm mode, the same test
 * images), print the same accuracy and the same cost on every table, for all three networks.
 */
const LIMIT = '40';
const dir = mkdtempSync(join(tmpdir(), 'addersim-one-path-'));
const report = runCli(['report', '--limit', LIMIT, '--out', join(dir, 'r'), '--quiet']);
const results = JSON.parse(readFileSync(join(dir, 'r', 'results.json'), 'utf8')) as ReportResults;

const CHECKPOINTS = {
  addernet: 'lenet5-bn-adder.safetensors',
  cnn: 'lenet5-bn-cnn.safetensors',
  bnn: 'lenet5-bn-bnn.safetensors',
} as const;

describe.each(Object.entries(CHECKPOINTS))('report and infer agree [%s]', (network, file) => {
  const r = runCli([
    'infer',
    '--model',
    fromRoot('models', file),
    '--bits',
    '8',
    '--limit',
    LIMIT,
    '--json',
    '--quiet',
  ]);
  const infer = JSON.parse(r.stdout) as NetworkResult;
  const cost = (table: string) => infer.costs.find((c) => c.table === table) as TableCost;

  it('on accuracy', () => {
    expect(report.code).toBe(0);
    expect(r.code).toBe(0);
    const row = results.accuracy.networks.find((n) => n.network === network);
    expect(row?.points.find((p) => p.bits === 8)?.correct).toBe(infer.correct);
    expect(row?.floatCorrect).toBe(infer.floatCorrect);
  });

  it('on energy per ASIC table (compute only where a table has no memory rows)', () => {
    const rows = results.energy.filter((e) => e.network === network);
    expect(rows.length).toBe(2);
    for (const e of rows) {
      const c = cost(e.table);
      expect(e.energyPj).toBe(c.energyPj ?? c.computePj);
    }
  });

  it('on FPGA and CPU cycles and PE area', () => {
    for (const f of results.fpga.filter((x) => x.network === network)) {
      expect([f.cycles, f.clockMhz, f.lutsPerPe]).toEqual([
        cost(f.table).cycles,
        cost(f.table).clockMhz,
        cost(f.table).pe?.luts,
      ]);
    }
    for (const c of results.cpu.filter((x) => x.network === network)) {
      expect(c.cycles).toBe(cost(c.table).cycles);
    }
    for (const a of results.area.filter((x) => x.network === network)) {
      expect(a.areaUm2).toBe(cost(a.table).pe?.areaUm2);
    }
  });
});
