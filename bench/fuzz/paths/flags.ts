import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { main } from '../../../src/cli/main.js';
import { InputError } from '../../../src/errors.js';
import type { FuzzPath } from '../harness.js';

/**
 * Flags through `main` (the CLI's entry, minus the process): random flag names and hostile
 * values for budget, datapath (small widths and few vectors, so accepted runs are quick), cost
 * and tables, plus paths of the wrong kind (a folder, a CSV for a table). Exit 0 must print no
 * NaN or Infinity; exit 2 must print one line (turned into the refusal the harness judges);
 * anything else (exit 1, "internal error") is a crash.
 */
const COMMANDS: Record<string, { flags: string[]; values: string[] }> = {
  budget: {
    flags: ['--net', '--bits', '--variant', '--table', '--json', '--csv', '--nope'],
    values: ['lenet5', 'resnet20', 'cnn', 'bnn', 'asic-45nm-horowitz', 'cpu-x86-skylake'],
  },
  datapath: {
    flags: ['--op', '--bits', '--arch', '--adder', '--signed', '--input', '--json', '--vectors'],
    values: ['add', 'absdiff', 'popcount', 'ripple-carry', 'loa:2', 'kogge-stone', 'pe-mac', '16'],
  },
  tables: { flags: ['--json', '--nope', '--table'], values: ['cells-45nm', 'fpga-xilinx-7series'] },
};
const HOSTILE = ['0', '-1', '1e9', 'NaN', 'abc', '', '4', '8', '3.5', '-0', 'Infinity'];

type Pick = [flag: number, value: number, how: number];

function argsOf(name: string, picks: readonly Pick[], scratch: string): string[] {
  const c = COMMANDS[name];
  const hostile = [...HOSTILE, scratch, join(scratch, 'v.csv')];
  const args = [name];
  for (const [f, v, how] of picks) {
    const flag = c.flags[f % c.flags.length];
    if (how === 0) args.push(flag);
    else args.push(flag, how === 1 ? hostile[v % hostile.length] : c.values[v % c.values.length]);
  }
  if (name === 'datapath' && !args.includes('--bits')) args.push('--bits', '4');
  if (name === 'datapath' && !args.includes('--vectors')) args.push('--vectors', '50');
  return args;
}

/** Runs main with stdout and stderr captured. */
async function runMain(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const so = process.stdout.write;
  const se = process.stderr.write;
  process.stdout.write = ((s: string | Uint8Array) => out.push(String(s)) > 0) as typeof so;
  process.stderr.write = ((s: string | Uint8Array) => err.push(String(s)) > 0) as typeof se;
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = so;
    process.stderr.write = se;
    process.exitCode = undefined;
  }
}

const flags: FuzzPath<[string, Pick[]]> = {
  name: 'flags (budget, datapath, tables)',
  runs: 250,
  input: fc.tuple(
    fc.constantFrom(...Object.keys(COMMANDS)),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(2)), { maxLength: 4 }),
  ),
  feed: ([name, picks], scratch) => {
    mkdirSync(scratch, { recursive: true });
    writeFileSync(join(scratch, 'v.csv'), 'a,b,cin\n1,2,0\n');
    const args = argsOf(name, picks, scratch);
    return {
      names: 'addersim: ',
      call: async () => {
        const r = await runMain(args);
        const lines = r.err.split('\n').filter(Boolean);
        if (r.code === 2 && lines.length === 1) throw new InputError(lines[0]);
        if (r.code !== 0) throw new Error(`${args.join(' ')} -> exit ${r.code}: ${r.err}`);
        return /NaN|Infinity/.test(r.out) ? Number.NaN : 0;
      },
    };
  },
};

export const paths = [flags] as FuzzPath[];
