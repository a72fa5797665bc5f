import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { hasTool, toolTitle } from '../eda/tools.js';
import { loa } from '../gen/approx/golden.js';
import { runCli } from '../helpers/cli.js';

/**
 * `datapath` with approximate archs and imported netlists (spawns the built CLI). Expected
 * error figures come from the LOA definition summed naively here, and from the EvoApproxLib C
 * models' totals stored beside the fixtures.
 */
const evoapprox = (name: string) =>
  fromRoot('test', 'gen', 'import', 'fixtures', 'evoapprox', name);
const fixtures: { metrics: { file: string; absolute: string; worst: string; mre: number }[] } =
  JSON.parse(readFileSync(evoapprox('metrics.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'addersim-approx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('datapath --arch NAME:PARAM', () => {
  it('prints the errors of LOA(4) at 8 bits, exhaustive, as JSON', () => {
    const r = runCli(['datapath', '--op', 'add', '--arch', 'loa:4', '--bits', '8', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = JSON.parse(r.stdout);
    let absolute = 0n;
    let worst = 0n;
    for (let b = 0n; b < 256n; b++) {
      for (let a = 0n; a < 256n; a++) {
        const e = loa(4, a, b) - (a + b);
        const mag = e < 0n ? -e : e;
        absolute += mag;
        if (mag > worst) worst = mag;
      }
    }
    expect(out).toMatchObject({ op: 'add', arch: 'loa:4', netlist: 'loa4-8', cells: 9 });
    expect(out.cellsByType).toEqual({ and: 1, or: 4, fa: 4 });
    expect(out.errors).toMatchObject({
      exhaustive: true,
      vectors: 65536,
      mae: Number(absolute) / 65536,
      wce: Number(worst),
    });
  });

  it('samples wide approximate adders with the stated seed and vector count', () => {
    const args = ['datapath', '--op', 'add', '--arch', 'aca:6', '--bits', '24'];
    const r = runCli([...args, '--vectors', '5000', '--seed', '9', '--json']);
    expect(r.code).toBe(0);
    const errors = JSON.parse(r.stdout).errors;
    expect([errors.exhaustive, errors.vectors, errors.seed]).toEqual([false, 5000, 9]);
    const text = runCli([...args, '--vectors', '5000', '--seed', '9']);
    expect(text.stdout).toContain(
      `errors (random, seed 9, 5000 vectors): mae ${Number(errors.mae.toPrecision(6))}, wce ${errors.wce}, `,
    );
  });

  it('adds errors to an exact arch only when --errors asks, and they are zero', () => {
    const plain = JSON.parse(runCli(['datapath', '--op', 'mul', '--bits', '4', '--json']).stdout);
    expect(plain.errors).toBeUndefined();
    const r = runCli(['datapath', '--op', 'mul', '--bits', '4', '--errors', '--json']);
    expect(JSON.parse(r.stdout).errors).toMatchObject({
      exhaustive: true,
      vectors: 256,
      mae: 0,
      ep: 0,
    });
  });

  it('fails --verify on an approximate circuit (exit 1) and shows the first mismatch', () => {
    const r = runCli(['datapath', '--op', 'mul', '--arch', 'trunc:3', '--bits', '4', '--verify']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /\nverify: \d+ of 256 vectors passed \(exhaustive\)\nfirst mismatch: /,
    );
  });
});

describe.skipIf(!hasTool('yosys'))(toolTitle('datapath --netlist', 'yosys'), () => {
  for (const m of fixtures.metrics.filter((f) =>
    ['mul8u_13QR.v', 'add8u_5R3.v'].includes(f.file),
  )) {
    it(`imports ${m.file} and reports its C model's error totals`, () => {
      const op = m.file.startsWith('add') ? 'add' : 'mul';
      const r = runCli(['datapath', '--netlist', evoapprox(m.file), '--op', op, '--json']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const out = JSON.parse(r.stdout);
      expect(out).toMatchObject({ op, arch: 'imported', bits: 8, source: evoapprox(m.file) });
      expect([out.errors.sums.absolute, out.errors.sums.worst, out.errors.mre]).toEqual([
        m.absolute,
        m.worst,
        m.mre,
      ]);
    });
  }

  it('verifies an exact imported multiplier and exports Verilog, VCD and activity', () => {
    const v = join(scratch, 'mul.v');
    const vcd = join(scratch, 'mul.vcd');
    const r = runCli([
      'datapath',
      '--netlist',
      evoapprox('mul8u_1JFF.v'),
      '--op',
      'mul',
      '--verify',
      '--activity',
      '--vectors',
      '64',
      '--verilog',
      v,
      '--vcd',
      vcd,
      '--quiet',
    ]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n')[0]).toBe('mul8u_1JFF: mul, imported, 8 bits, unsigned');
    expect(r.stdout).toContain('\nverify: 65536 of 65536 vectors passed (exhaustive)\n');
    expect(r.stdout).toContain(
      'errors (exhaustive, 65536 vectors): mae 0, wce 0, bias 0, mse 0, ep 0, mre 0',
    );
    expect(r.stdout).toContain('switching activity over 64 vectors');
    expect(readFileSync(v, 'utf8')).toContain('module mul8u_1JFF (');
    expect(readFileSync(vcd, 'utf8')).toContain('$enddefinitions');
  });

  it('takes other port names with --ports', () => {
    const r = runCli([
      'datapath',
      '--netlist',
      evoapprox('add8u_88L.v'),
      '--op',
      'add',
      '--ports',
      'B,A:O',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).errors.sums.absolute).toBe(
      fixtures.metrics.find((f) => f.file === 'add8u_88L.v')!.absolute,
    );
  });
});
