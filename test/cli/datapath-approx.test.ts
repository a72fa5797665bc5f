import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { hasTool, toolTitle } from '../eda/tools.js';
import { brokenArray, loa } from '../gen/approx/golden.js';
import { exhaustiveTotals } from '../gen/import/totals.js';
import { runCli } from '../helpers/cli.js';

/**
 * `datapath` with approximate archs and imported netlists (spawns the built CLI). Expected
 * error figures come from the circuits' definitions summed naively here (hand-written Verilog
 * fixtures of an LOA and a broken-array multiplier).
 */
const handwritten = (name: string) =>
  fromRoot('test', 'gen', 'import', 'fixtures', 'handwritten', name);
const add = (a: bigint, b: bigint) => a + b;
const mul = (a: bigint, b: bigint) => a * b;
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
  for (const c of [
    { file: 'loa8_structural.v', op: 'add', golden: (a: bigint, b: bigint) => loa(4, a, b) },
    {
      file: 'bam8_behavioural.v',
      op: 'mul',
      golden: (a: bigint, b: bigint) => brokenArray(1, 6, 8, a, b),
    },
  ]) {
    it(`imports ${c.file} and reports its definition's error totals`, () => {
      const r = runCli(['datapath', '--netlist', handwritten(c.file), '--op', c.op, '--json']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const out = JSON.parse(r.stdout);
      expect(out).toMatchObject({
        op: c.op,
        arch: 'imported',
        bits: 8,
        source: handwritten(c.file),
      });
      const want = exhaustiveTotals(8, c.golden, c.op === 'add' ? add : mul);
      expect([out.errors.sums.absolute, out.errors.sums.worst, out.errors.mre]).toEqual([
        want.absolute,
        want.worst,
        want.mre,
      ]);
    });
  }

  it('verifies an exact imported multiplier and exports Verilog, VCD and activity', () => {
    const exact = join(scratch, 'array8.v');
    const made = runCli(['datapath', '--op', 'mul', '--bits', '8', '--verilog', exact, '--quiet']);
    expect([made.code, made.stderr]).toEqual([0, '']);
    const v = join(scratch, 'mul.v');
    const vcd = join(scratch, 'mul.vcd');
    const r = runCli([
      'datapath',
      '--netlist',
      exact,
      '--ports',
      'a,b:product',
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
    expect(r.stdout.split('\n')[0]).toBe('mul_array_8u: mul, imported, 8 bits, unsigned');
    expect(r.stdout).toContain('\nverify: 65536 of 65536 vectors passed (exhaustive)\n');
    expect(r.stdout).toContain(
      'errors (exhaustive, 65536 vectors): mae 0, wce 0, bias 0, mse 0, ep 0, mre 0',
    );
    expect(r.stdout).toContain('switching activity over 64 vectors');
    expect(readFileSync(v, 'utf8')).toContain('module mul_array_8u (');
    expect(readFileSync(vcd, 'utf8')).toContain('$enddefinitions');
  });

  it('takes other port names with --ports', () => {
    const r = runCli([
      'datapath',
      '--netlist',
      handwritten('loa8_behavioural.v'),
      '--op',
      'add',
      '--ports',
      'B,A:O',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).errors.sums.absolute).toBe(
      exhaustiveTotals(8, (a, b) => loa(4, b, a), add).absolute,
    );
  });
});
