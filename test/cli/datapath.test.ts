import { describe, expect, it } from 'vitest';
import { ADDER_ARCHS } from '../../src/gen/adders/index.js';
import { datapathOpNames } from '../../src/gen/catalog.js';
import { runCli } from '../helpers/cli.js';

/** Spawns the built CLI (npm run build first). Expected figures are the documented closed forms. */
describe('addersim datapath', () => {
  it('prints metrics as JSON: a 16-bit ripple-carry adder is 16 full adders, 33 levels deep', () => {
    const r = runCli(['datapath', '--op', 'add', '--bits', '16', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toEqual({
      op: 'add',
      arch: 'ripple-carry',
      bits: 16,
      signed: false,
      netlist: 'ripple-carry-16',
      cells: 16,
      cellsByType: { fa: 16 },
      primitiveCells: 80, // 5 gates per full adder
      depth: 33, // 2n + 1
      maxFanout: 2, // each operand bit and carry feeds one xor and one and
      registers: 0,
    });
  });

  it('counts n·log2 n − n + 1 prefix operators (one or each) in a 32-bit Kogge-Stone adder', () => {
    const r = runCli([
      'datapath',
      '--op',
      'add',
      '--arch',
      'kogge-stone',
      '--bits',
      '32',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.arch, out.bits, out.cellsByType.or]).toEqual(['kogge-stone', 32, 32 * 5 - 32 + 1]);
  });

  it('verifies exhaustively at 4 bits: 2^9 vectors of a, b, cin', () => {
    const r = runCli(['datapath', '--op', 'add', '--arch', 'sklansky', '--bits', '4', '--verify']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('sklansky-4: add, sklansky, 4 bits, unsigned');
    expect(r.stdout).toContain('\nverify: 512 of 512 vectors passed (exhaustive)\n');
  });

  it('verifies wide ops on seeded random vectors, reproducibly, in JSON too', () => {
    const args = [
      'datapath',
      '--op',
      'absdiff',
      '--arch',
      'dual-sub-mux',
      '--adder',
      'han-carlson',
    ];
    const r = runCli([
      ...args,
      '--bits',
      '40',
      '--signed',
      '--verify',
      '--vectors',
      '150',
      '--seed',
      '3',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('absdiff, dual-sub-mux with han-carlson, 40 bits, signed');
    expect(r.stdout).toContain('\nverify: 150 of 150 vectors passed (random, seed 3)\n');
    const json = () =>
      runCli([...args, '--bits', '40', '--verify', '--vectors', '150', '--seed', '3', '--json']);
    const first = json();
    expect(first.stdout).toBe(json().stdout);
    expect(JSON.parse(first.stdout).verify).toEqual({
      mode: 'random',
      vectors: 150,
      passed: 150,
      failed: 0,
      seed: 3,
    });
  });

  it('rejects an unknown --arch with the list of valid ones (exit 2, one line)', () => {
    const r = runCli(['datapath', '--op', 'add', '--arch', 'foo']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    const approximate = ['loa:K', 'trunc:K', 'eta1:K', 'aca:W'];
    expect(r.stderr).toBe(
      `addersim: --arch must be one of ${[...ADDER_ARCHS, ...approximate].join(', ')}, not "foo"\n`,
    );
    const abs = runCli(['datapath', '--op', 'absdiff', '--arch', 'kogge-stone']);
    expect(abs.stderr).toBe(
      'addersim: --arch must be one of sub-negate, dual-sub-mux, ones-complement, not "kogge-stone"\n',
    );
  });

  it('rejects widths outside the op range, and bad --op, --adder, --vectors', () => {
    const cases: [string[], string][] = [
      [['--op', 'add', '--bits', '0'], '--bits must be an integer from 1 to 256, not 0'],
      [['--op', 'sub', '--bits', '257'], '--bits must be an integer from 1 to 256, not 257'],
      [['--op', 'add', '--bits', 'wide'], '--bits must be an integer from 1 to 256, not "wide"'],
      [['--op', 'nope'], `--op must be one of ${datapathOpNames().join(', ')}, not "nope"`],
      [
        ['--op', 'add', '--adder', 'kogge-stone'],
        '--adder must be left out for --op add, whose --arch is the adder',
      ],
      [
        ['--op', 'absdiff', '--adder', 'fast'],
        `--adder must be one of ${ADDER_ARCHS.join(', ')}, not "fast"`,
      ],
      [
        ['--op', 'add', '--verify', '--vectors', '0'],
        '--vectors must be an integer from 1 to 10000000, not 0',
      ],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['datapath', ...args]);
      expect({ args, code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({
        args,
        code: 2,
        stderr: `addersim: ${message}\n`,
        stdout: '',
      });
    }
  });

  it('lists the ops and their architectures in --help, with examples', () => {
    const r = runCli(['datapath', '--help']);
    expect(r.code).toBe(0);
    for (const op of [
      'add',
      'sub',
      'addsub',
      'absdiff',
      'acc',
      'mul',
      'popcount',
      'pe-adder',
      'pe-mac',
      'pe-xnor',
    ])
      expect(r.stdout).toContain(op);
    expect(r.stdout).toContain('absdiff: sub-negate, dual-sub-mux, ones-complement');
    expect(r.stdout).toContain('Examples:');
  });
});
