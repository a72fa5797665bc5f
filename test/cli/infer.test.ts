import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';

const ADDER = fromRoot('models', 'lenet5-bn-adder.safetensors');

describe('addersim infer', () => {
  it('--json gives accuracy, float accuracy, exact counts and per-table energy and cycles', () => {
    const r = runCli(['infer', '--model', ADDER, '--limit', '64', '--json', '--quiet']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ variant: 'addernet', bits: 8, backend: 'functional', images: 64 });
    expect(out.accuracy).toBeGreaterThan(0.9);
    expect(out.floatAccuracy).toBeGreaterThan(0.9);
    expect(out.correct).toBe(Math.round(out.accuracy * 64));
    // conv2 alone: 10x10 outputs x 16 filters x 150 taps of 8-bit subtractions.
    const sub8 = out.counts.find(
      (c: { op: string; bits: number }) => c.op === 'sub' && c.bits === 8,
    );
    expect(sub8.count).toBe(100 * 16 * 150 + 120 * 400 + 84 * 120);
    const horowitz = out.costs.find((c: { table: string }) => c.table === 'asic-45nm-horowitz');
    expect(horowitz.energyPj).toBeGreaterThan(0);
    expect(horowitz.cycles).toBeGreaterThan(0);
    expect(out.costs.map((c: { table: string }) => c.table)).toContain('cpu-x86-skylake');
    expect(r.stderr).toBe('');
  });

  it('prints a summary table; the gate backend prices the cell table from toggles', () => {
    const r = runCli([
      'infer',
      '--model',
      ADDER,
      '--limit',
      '8',
      '--backend',
      'gate',
      '--table',
      'cells-45nm',
      '--adder',
      'sklansky',
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'lenet5 addernet, 8-bit, BatchNorm by multiply-shift, gate backend, 8 test images',
    );
    expect(r.stdout).toMatch(/cells-45nm\s+-\s+\d/);
  });

  it('the same run gives the same bytes, on one worker thread or two', () => {
    const args = ['infer', '--model', ADDER, '--limit', '80', '--bits', '5', '--json', '--quiet'];
    const one = runCli([...args, '--threads', '1']).stdout;
    expect(one.length).toBeGreaterThan(1000);
    expect(runCli([...args, '--threads', '2']).stdout).toBe(one);
  });

  it.each([
    [['--bits', '1'], '--bits must be an integer from 2 to 16, not 1'],
    [['--backend', 'spice'], '--backend must be one of functional, gate, not "spice"'],
    [['--bn', 'float'], '--bn must be one of multiply-shift, thresholds, not "float"'],
    [['--overflow', 'clip'], '--overflow must be one of wrap, sat, not "clip"'],
    [
      ['--adder', 'magic'],
      '--adder must be one of ripple-carry, carry-lookahead, carry-select, carry-skip, carry-increment, conditional-sum, kogge-stone, brent-kung, sklansky, han-carlson, ladner-fischer, not "magic"',
    ],
    [['--limit', '0'], '--limit must be an integer from 1 to 10000, not 0'],
    [
      ['--acc-bits', '4'],
      'accBits must be at least 8 for adder layer conv2 (one addend is 8 bits wide), not 4',
    ],
  ])('bad input %j: one line, exit 2', (extra, message) => {
    const limit = extra.includes('--limit') ? [] : ['--limit', '4'];
    const r = runCli(['infer', '--model', ADDER, ...limit, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`addersim: ${message}\n`);
  });

  it('a missing checkpoint is an input error', () => {
    const r = runCli(['infer', '--model', 'no/such.safetensors']);
    expect([r.code, r.stderr]).toEqual([
      2,
      'addersim: checkpoint no/such.safetensors does not exist\n',
    ]);
  });
});
