import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('--mul-impl', () => {
  it('prices a MAC PE with its multiplier in LUTs on the 7-series table', () => {
    const run = (extra: string[]) => {
      const r = runCli(
        ['cost', '--table', 'fpga-xilinx-7series', '--work', 'multiply:784x6x25:8:20'].concat(
          extra,
          ['--json'],
        ),
      );
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout).fpga[0].pe;
    };
    // DSP: the 8x8 product and a 20-bit accumulate fit one DSP48E1.
    expect(run([])).toEqual({ luts: 0, carryCells: 0, dsps: 1 });
    // LUTs: ceil(2.46 x 64) = 158 LUTs + ceil(16/4) = 4 CARRY4, then a 20-bit adder (20 + 5).
    expect(run(['--mul-impl', 'lut'])).toEqual({ luts: 178, carryCells: 9, dsps: 0 });
  });

  it('is refused with a table that has no multiplies to place', () => {
    const r = runCli([
      'cost',
      '--table',
      'asic-45nm-horowitz',
      '--ops',
      'add:8=1',
      '--mul-impl',
      'lut',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'addersim: --mul-impl must come with an FPGA table, whose multiplies it places, not asic-45nm-horowitz',
    );
    const bad = runCli([
      'cost',
      '--table',
      'fpga-xilinx-7series',
      '--ops',
      'add:8=1',
      '--mul-impl',
      'x',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--mul-impl must be one of dsp, lut, not "x"/);
  });
});

describe('report --mul-impl lut', () => {
  it('sizes the CNN PE on FPGA tables with LUT multipliers and no DSP', () => {
    const dir = mkdtempSync(join(tmpdir(), 'addersim-mul-impl-'));
    const out = join(dir, 'report');
    const r = runCli(['report', '--limit', '100', '--mul-impl', 'lut', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    const cnn = results.fpga.filter((f: { network: string }) => f.network === 'cnn');
    expect(cnn.length).toBe(2);
    for (const f of cnn) {
      expect(f.dspsPerPe).toBe(0);
      // At least one LUT per partial-product bit of the 8x8 multiplier.
      expect(f.lutsPerPe).toBeGreaterThan(64);
      expect(f.provenance.join('\n')).toMatch(/in LUTs \(--mul-impl lut\)/);
    }
  });
});
