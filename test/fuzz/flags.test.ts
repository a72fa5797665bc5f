import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

/**
 * Flags fuzzed in-process through `main` (the CLI's entry, minus the process): random flag
 * names and hostile values for `budget`, `datapath` (small widths and few vectors, so every
 * accepted run is quick) and `tables`, plus files of the wrong kind (a directory, a CSV for a
 * table). The contract: exit 0, or exit 2 with exactly one line on stderr; never exit 1.
 */
const dir = mkdtempSync(join(tmpdir(), 'addersim-flags-'));
writeFileSync(join(dir, 'v.csv'), 'a,b,cin\n1,2,0\n');
const counts = { runs: 0, ok: 0, refused: 0 };
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(`flag fuzz: ${counts.runs} runs (${counts.ok} exit 0, ${counts.refused} exit 2)`);
});

const HOSTILE = ['0', '-1', '1e9', 'NaN', 'abc', '', '4', '8', '3.5', dir, join(dir, 'v.csv')];
const COMMANDS: Record<string, { flags: string[]; values: string[] }> = {
  budget: {
    flags: ['--net', '--bits', '--variant', '--table', '--json', '--csv', '--nope'],
    values: ['lenet5', 'resnet20', 'cnn', 'bnn', 'asic-45nm-horowitz'],
  },
  datapath: {
    flags: ['--op', '--bits', '--arch', '--adder', '--signed', '--input', '--json', '--nope'],
    values: ['add', 'absdiff', 'popcount', 'ripple-carry', 'loa:2', 'kogge-stone'],
  },
  tables: { flags: ['--json', '--nope', '--table'], values: ['cells-45nm', 'fpga-xilinx-7series'] },
};

/** One flag, alone or with a value: hostile, or one the command knows (so some runs pass). */
const flag = fc.tuple(fc.nat(), fc.nat(), fc.nat(2));

function argsOf(name: string, picks: readonly (readonly [number, number, number])[]): string[] {
  const c = COMMANDS[name];
  const args = [name];
  for (const [f, v, how] of picks) {
    const flag = c.flags[f % c.flags.length];
    if (how === 0) args.push(flag);
    else args.push(flag, how === 1 ? HOSTILE[v % HOSTILE.length] : c.values[v % c.values.length]);
  }
  if (name === 'datapath' && !args.includes('--bits')) args.push('--bits', '4');
  return args;
}

it('random flags and values: exit 0 or one line and exit 2', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(COMMANDS)),
        fc.array(flag, { maxLength: 4 }),
        async (name, picks) => {
          const args = argsOf(name, picks);
          out.length = 0;
          err.length = 0;
          process.exitCode = undefined;
          const code = await main(args);
          process.exitCode = undefined;
          counts.runs++;
          const detail = `${args.join(' ')} -> ${code}: ${err.join('')}`;
          if (code === 0) {
            counts.ok++;
            return;
          }
          expect(code, detail).toBe(2);
          expect(err.join('').split('\n').filter(Boolean).length, detail).toBe(1);
          counts.refused++;
        },
      ),
      { numRuns: 200, seed: 53 },
    );
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
  expect(counts.runs).toBe(200);
});
