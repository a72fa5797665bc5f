import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandModule } from 'yargs';
import { COMMANDS } from '../../src/cli/commands.js';
import { main } from '../../src/cli/main.js';
import { PRIMITIVES } from '../../src/cost/ops.js';
import { tableNames } from '../../src/cost/tables.js';
import { InputError } from '../../src/errors.js';
import { ADDER_ARCHS } from '../../src/gen/adders/index.js';
import { datapathOpNames } from '../../src/gen/catalog.js';
import { architectureNames } from '../../src/nn/architectures.js';
import { fromRoot } from '../../src/paths.js';
import type { CliResult } from '../helpers/cli.js';

/**
 * Bad input, command by command: an unknown flag or value, a width out of range, a missing or
 * corrupt file. Each must give exit 2, exactly one line on stderr (`addersim: ...`, naming the
 * flag or file, what was expected and what was found), no stack trace, nothing on stdout, and
 * no file left behind. Every case runs in its own empty folder, where outputs would land.
 */

const root = mkdtempSync(join(tmpdir(), 'addersim-bad-input-'));
const fixtures = join(root, 'fixtures');
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(fixtures);
const fixture = (name: string, content: string | Uint8Array) => {
  writeFileSync(join(fixtures, name), content);
  return join(fixtures, name);
};

const missing = (name: string) => join(fixtures, `missing-${name}`);
const badJson = fixture('bad.json', '{"name": "x", ');
const emptyJson = fixture('empty.json', '{}\n');
const plainFile = fixture('plain-file', 'not a folder\n');
const shortCsv = fixture('short.csv', 'a,b,cin\n1,2\n');
/** The shipped model cut inside its header, and inside its tensor data. */
const model = readFileSync(fromRoot('models', 'lenet5-bn-adder.safetensors'));
const headerCut = fixture('header-cut.safetensors', model.subarray(0, 100));
const dataCut = fixture('data-cut.safetensors', model.subarray(0, model.length - 1000));
/** Safetensors starts with the header length, an unsigned 64-bit little-endian integer. */
const headerLength = model.readBigUInt64LE(0);
const stateCut = join(fixtures, 'resumed');
writeFileSync(`${stateCut}.train-state.safetensors`, model.subarray(0, 100));

const H = 'asic-45nm-horowitz';
const TABLES = tableNames().join(', ');
const ARCHS = architectureNames().join(', ');
const NAMES = COMMANDS.map((c) => String(c.command).split(/\s+/)[0]);
const re = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The built CLI as a user runs it, without blocking, so that cases can run side by side. */
function runCliAsync(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [fromRoot('dist', 'src', 'cli', 'bin.js'), ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs the built CLI in a fresh empty folder and checks the bad-input contract. */
async function rejects(args: string[], message: string | RegExp): Promise<void> {
  const work = mkdtempSync(join(root, 'case-'));
  const r = await runCliAsync(args, work);
  expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
  expect(r.stderr).toMatch(/^addersim: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  if (typeof message === 'string') expect(r.stderr).toBe(`addersim: ${message}\n`);
  else expect(r.stderr.slice('addersim: '.length, -1)).toMatch(message);
  expect({ args, left: readdirSync(work) }).toEqual({ args, left: [] });
}

type Case = [what: string, args: string[], message: string | RegExp];

describe.concurrent.each(NAMES)('addersim %s, whatever its flags', (name) => {
  it('rejects an unknown flag, naming it', async () => {
    await rejects(
      [name, '--bogus'],
      `unknown flag --bogus for ${name} (addersim ${name} --help lists the flags)`,
    );
  });

  it('rejects a mistyped flag, suggesting the right one', async () => {
    await rejects([name, '--jsn'], `unknown flag --jsn for ${name} (did you mean --json?)`);
  });
});

const CASES: Record<string, Case[]> = {
  budget: [
    ['no --net', [], 'budget needs --net or --model (addersim budget --help describes them)'],
    [
      'unknown --net',
      ['--net', 'resnet19'],
      `--net must be one of ${ARCHS} or an existing .json architecture file, not "resnet19"`,
    ],
    [
      'unknown --variant',
      ['--net', 'lenet5', '--variant', 'snn'],
      '--variant must be one of cnn, addernet, bnn, not "snn"',
    ],
    [
      '--bits too small',
      ['--net', 'lenet5', '--bits', '1'],
      '--bits must be an integer from 2 to 32, not 1',
    ],
    [
      '--bits not a number',
      ['--net', 'lenet5', '--bits', 'abc'],
      '--bits must be an integer from 2 to 32, not "abc"',
    ],
    [
      '--bits empty',
      ['--net', 'lenet5', '--bits='],
      '--bits must be an integer from 2 to 32, not ""',
    ],
    [
      '--bits without value',
      ['--net', 'lenet5', '--bits'],
      '--bits needs a value (addersim budget --help describes it)',
    ],
    [
      'mistyped required flag',
      ['--nett', 'lenet5'],
      'unknown flag --nett for budget (did you mean --net?)',
    ],
    [
      'the old spelling of --net',
      ['--arch', 'lenet5'],
      '--arch is now --net for budget (addersim budget --help describes it)',
    ],
    [
      'two unknown flags',
      ['--net', 'lenet5', '--bogus', '-z'],
      'unknown flags --bogus, -z for budget (addersim budget --help lists the flags)',
    ],
    [
      '--json with --csv',
      ['--net', 'lenet5', '--json', '--csv'],
      '--json and --csv cannot be given together',
    ],
    [
      'missing architecture file',
      ['--net', missing('arch.json')],
      `--net must be one of ${ARCHS} or an existing .json architecture file, not ${JSON.stringify(missing('arch.json'))}`,
    ],
    [
      'corrupt architecture file',
      ['--net', badJson],
      new RegExp(`^${re(badJson)}: not valid JSON \\(.+\\)$`),
    ],
    [
      'cost table of invalid JSON',
      ['--net', 'lenet5', '--table', badJson],
      new RegExp(`^${re(badJson)} must be valid JSON, not text that fails to parse \\(.+\\)$`),
    ],
    [
      'cost table without its fields',
      ['--net', 'lenet5', '--table', emptyJson],
      `${emptyJson}: /kind must be one of asic-op, asic-cell, fpga, cpu, not nothing`,
    ],
  ],
  cost: [
    ['no --table', [], 'cost needs --table (addersim cost --help describes it)'],
    [
      'neither --ops nor --work',
      ['--table', H],
      'cost needs --ops or --work (or both), not neither',
    ],
    [
      'unknown --table',
      ['--table', 'nope', '--ops', 'add:8=1'],
      `--table must be one of ${TABLES} or the path of a table file, not "nope"`,
    ],
    [
      'unknown --dataflow',
      ['--table', H, '--ops', 'add:8=1', '--dataflow', 'xs'],
      '--dataflow must be one of os, ws, is, not "xs"',
    ],
    [
      'unknown op',
      ['--table', H, '--ops', 'bogus:8=1'],
      `--ops op must be one of ${PRIMITIVES.join(', ')}, not "bogus"`,
    ],
    [
      'op width out of range',
      ['--table', H, '--ops', 'add:0=1'],
      '--ops bit width must be an integer from 1 to 4096, not 0',
    ],
    [
      '--table without value',
      ['--table'],
      '--table needs a value (addersim cost --help describes it)',
    ],
    [
      'missing cost table',
      ['--table', missing('table.json'), '--ops', 'add:8=1'],
      `--table must be one of ${TABLES} or the path of a table file, not ${JSON.stringify(missing('table.json'))}`,
    ],
    [
      'cost table of invalid JSON',
      ['--table', badJson, '--ops', 'add:8=1'],
      new RegExp(`^${re(badJson)} must be valid JSON, not text that fails to parse \\(.+\\)$`),
    ],
  ],
  datapath: [
    ['no --op', [], 'datapath needs --op (addersim datapath --help describes it)'],
    [
      'unknown --op',
      ['--op', 'nope'],
      `--op must be one of ${datapathOpNames().join(', ')}, not "nope"`,
    ],
    [
      'unknown --arch',
      ['--op', 'add', '--arch', 'foo'],
      `--arch must be one of ${[...ADDER_ARCHS, 'loa:K', 'trunc:K', 'eta1:K', 'aca:W'].join(', ')}, not "foo"`,
    ],
    [
      'approximate --arch parameter above the width',
      ['--op', 'add', '--arch', 'loa:9', '--bits', '8'],
      '--arch loa:K must have K from 0 to 8 at 8 bits, not 9',
    ],
    [
      'signed truncated multiplier',
      ['--op', 'mul', '--arch', 'trunc:2', '--signed'],
      '--signed must be left out for --arch trunc:2, built for unsigned operands',
    ],
    [
      '--errors on an op without an exact two-operand reference',
      ['--op', 'popcount', '--errors'],
      '--errors needs a combinational circuit with an exact two-operand reference (--op add or mul, or a --netlist without flip-flops), not --op popcount',
    ],
    [
      'missing --netlist file',
      ['--op', 'mul', '--netlist', missing('m.v')],
      `--netlist must be an existing .json, .v or .sv file, not ${JSON.stringify(missing('m.v'))}`,
    ],
    [
      '--netlist with --bits',
      ['--op', 'mul', '--netlist', missing('m.v'), '--bits', '8'],
      '--bits must be left out with --netlist, which gives the circuit',
    ],
    [
      '--netlist with an op it cannot be checked against',
      ['--op', 'popcount', '--netlist', missing('m.v')],
      '--op must be one of add, sub, mul, absdiff, not "popcount"',
    ],
    [
      'malformed --ports',
      ['--op', 'mul', '--netlist', missing('m.v'), '--ports', 'A:O'],
      '--ports must be two operand ports and the result ports, as A,B:O or a,b:sum,cout, not "A:O"',
    ],
    ['--top without --netlist', ['--op', 'add', '--top', 'x'], '--top must come with --netlist'],
    [
      '--bits zero',
      ['--op', 'add', '--bits', '0'],
      '--bits must be an integer from 1 to 256, not 0',
    ],
    [
      'the old spelling of --bits',
      ['--op', 'add', '--width', '8'],
      '--width is now --bits for datapath (addersim datapath --help describes it)',
    ],
    [
      '--bits not a number',
      ['--op', 'add', '--bits', 'wide'],
      '--bits must be an integer from 1 to 256, not "wide"',
    ],
    [
      '--bits without value',
      ['--op', 'add', '--bits'],
      '--bits needs a value (addersim datapath --help describes it)',
    ],
    [
      '--seed negative',
      ['--op', 'add', '--verify', '--seed', '-1'],
      '--seed must be an integer from 0 to 4294967295, not -1',
    ],
    [
      '--vectors not a number',
      ['--op', 'add', '--verify', '--vectors', 'many'],
      '--vectors must be an integer from 1 to 10000000, not "many"',
    ],
    [
      'missing vector file',
      ['--op', 'add', '--activity', '--input', missing('vectors.csv')],
      `--input must be an existing CSV file, not ${JSON.stringify(missing('vectors.csv'))}`,
    ],
    [
      '--delay-model unknown',
      ['--op', 'add', '--activity', '--delay-model', 'fast'],
      '--delay-model must be one of zero, unit, table, not "fast"',
    ],
    [
      '--delay-model without --activity',
      ['--op', 'add', '--delay-model', 'unit'],
      '--delay-model must come with --activity, whose toggles it counts',
    ],
    [
      '--cell-table without --delay-model table',
      ['--op', 'add', '--activity', '--delay-model', 'unit', '--cell-table', 'cells-45nm'],
      '--cell-table must come with --delay-model table, which reads its delays',
    ],
    [
      '--cell-table of another kind',
      ['--op', 'add', '--activity', '--delay-model', 'table', '--cell-table', 'asic-45nm-horowitz'],
      '--cell-table must name an asic-cell table (one with gate delays), not "asic-45nm-horowitz", whose kind is asic-op',
    ],
    [
      '--cell-table missing',
      ['--op', 'add', '--activity', '--delay-model', 'table', '--cell-table', missing('t.json')],
      `--cell-table must be one of ${TABLES} or the path of a table file, not ${JSON.stringify(missing('t.json'))}`,
    ],
    [
      'short row in the vector file, with outputs asked for',
      ['--op', 'add', '--input', shortCsv, '--vcd', 'add.vcd', '--verilog', 'add.v'],
      `${shortCsv}: line 2 must have 3 values, not 2`,
    ],
    [
      'output path under a file',
      ['--op', 'add', '--verilog', join(plainFile, 'add.v')],
      `cannot mkdir ${plainFile}: file already exists`,
    ],
  ],
  eval: [
    ['no --model', [], 'eval needs --model (addersim eval --help describes it)'],
    [
      'missing checkpoint',
      ['--model', missing('m.safetensors')],
      `checkpoint ${missing('m.safetensors')} does not exist`,
    ],
    [
      'checkpoint cut in its header',
      ['--model', headerCut],
      `${headerCut}: header length ${headerLength} runs past the end of the file (92 bytes after the length field)`,
    ],
    [
      'checkpoint cut in its data',
      ['--model', dataCut],
      new RegExp(
        `^${re(dataCut)}: tensor \\S+ data_offsets \\[\\d+, \\d+\\] lie outside the data section \\(\\d+ bytes\\)$`,
      ),
    ],
    [
      '--limit zero',
      ['--model', headerCut, '--limit', '0'],
      '--limit must be an integer from 1 to 1000000, not 0',
    ],
    [
      '--limit not a number',
      ['--model', headerCut, '--limit', 'all'],
      '--limit must be an integer from 1 to 1000000, not "all"',
    ],
  ],
  train: [
    [
      'no --net, --variant nor --out',
      [],
      'train needs --net and --variant and --out (addersim train --help describes them)',
    ],
    [
      'unknown --net',
      ['--net', 'lenet', '--variant', 'cnn', '--out', 'm.safetensors'],
      '--net must be one of lenet5 (the architectures train has a recipe for), not "lenet"',
    ],
    [
      '--epochs zero',
      ['--net', 'lenet5', '--variant', 'cnn', '--epochs', '0', '--out', 'm.safetensors'],
      '--epochs must be an integer from 1 to 1000, not 0',
    ],
    [
      '--lr zero',
      ['--net', 'lenet5', '--variant', 'cnn', '--lr', '0', '--out', 'm.safetensors'],
      '--lr must be a number above 0 and at most 10, not 0',
    ],
    [
      '--lr not a number',
      ['--net', 'lenet5', '--variant', 'cnn', '--lr', 'fast', '--out', 'm.safetensors'],
      '--lr must be a number above 0 and at most 10, not "fast"',
    ],
    [
      '--resume without a state file',
      ['--net', 'lenet5', '--variant', 'cnn', '--resume', '--out', 'm.safetensors'],
      '--resume needs the training state m.train-state.safetensors, which does not exist',
    ],
    [
      '--resume with a cut state file',
      ['--net', 'lenet5', '--variant', 'cnn', '--resume', '--out', `${stateCut}.safetensors`],
      `${stateCut}.train-state.safetensors: header length ${headerLength} runs past the end of the file (92 bytes after the length field)`,
    ],
  ],
  rtl: [
    ['no --out', [], 'rtl needs --out (addersim rtl --help describes it)'],
    [
      '--out is a file',
      ['--out', plainFile],
      `--out ${plainFile} must be a folder or a new path, not a regular file`,
    ],
    [
      '--out under a file',
      ['--out', join(plainFile, 'models')],
      `cannot mkdir ${plainFile}: file already exists`,
    ],
  ],
  // Being written: only the cases that rest on the shared loaders, while they are registered.
  ...(NAMES.includes('infer')
    ? {
        infer: [
          ['no --model', [], 'infer needs --model (addersim infer --help describes it)'],
          [
            'missing checkpoint',
            ['--model', missing('m.safetensors')],
            `checkpoint ${missing('m.safetensors')} does not exist`,
          ],
          [
            'checkpoint cut in its header',
            ['--model', headerCut],
            `${headerCut}: header length ${headerLength} runs past the end of the file (92 bytes after the length field)`,
          ],
          [
            'unknown --table',
            ['--model', fromRoot('models', 'lenet5-bn-adder.safetensors'), '--table', 'nope'],
            `--table must be one of ${TABLES} or the path of a table file, not "nope"`,
          ],
        ] satisfies Case[],
      }
    : {}),
  ...(NAMES.includes('sweep')
    ? {
        sweep: [
          [
            'no --model nor --out',
            [],
            'sweep needs --model and --out (addersim sweep --help describes them)',
          ],
          [
            'missing checkpoint',
            ['--model', missing('m.safetensors'), '--out', 'sweep.jsonl'],
            `checkpoint ${missing('m.safetensors')} does not exist`,
          ],
          [
            'checkpoint cut in its header',
            ['--model', headerCut, '--out', 'sweep.jsonl'],
            `${headerCut}: header length ${headerLength} runs past the end of the file (92 bytes after the length field)`,
          ],
          [
            'cost table of invalid JSON',
            [
              '--model',
              fromRoot('models', 'lenet5-bn-adder.safetensors'),
              '--table',
              badJson,
              '--out',
              'sweep.jsonl',
            ],
            new RegExp(
              `^${re(badJson)} must be valid JSON, not text that fails to parse \\(.+\\)$`,
            ),
          ],
          [
            '--status without --queue',
            [
              '--model',
              fromRoot('models', 'lenet5-bn-adder.safetensors'),
              '--out',
              's.jsonl',
              '--status',
            ],
            '--status needs --queue (the queue to ask)',
          ],
          [
            '--threads with --queue',
            [
              '--model',
              fromRoot('models', 'lenet5-bn-adder.safetensors'),
              '--out',
              's.jsonl',
              '--queue',
              'redis://127.0.0.1:1/0',
              '--threads',
              '2',
            ],
            '--threads and --queue cannot be given together (workers choose their threads: addersim worker --threads)',
          ],
          [
            '--data and --sub-circuit with --queue',
            [
              '--model',
              fromRoot('models', 'lenet5-bn-adder.safetensors'),
              '--out',
              's.jsonl',
              '--queue',
              'redis://127.0.0.1:1/0',
              '--data',
              'mnist',
              '--sub-circuit',
              'loa:2',
            ],
            '--queue runs sweeps on MNIST with the exact datapaths, so it takes no --data, --calibration, --sub-circuit, --acc-circuit or --mul-circuit, not --data mnist --sub-circuit',
          ],
          [
            'a model outside --root',
            [
              '--model',
              fromRoot('models', 'lenet5-bn-adder.safetensors'),
              '--out',
              's.jsonl',
              '--queue',
              'redis://127.0.0.1:1/0',
            ],
            new RegExp(
              `^--model ${re(fromRoot('models', 'lenet5-bn-adder.safetensors'))} must be inside --root \\S+ \\(workers read files only from under their own root\\), not outside it$`,
            ),
          ],
        ] satisfies Case[],
      }
    : {}),
  ...(NAMES.includes('worker')
    ? {
        worker: [
          ['no --queue', [], 'worker needs --queue (addersim worker --help describes it)'],
          [
            'a URL of another scheme',
            ['--queue', 'http://h:6379/0'],
            '--queue must be a URL redis://[:password@]host[:port][/db] or rediss://... (TLS), not "http://h:6379/0"',
          ],
          [
            'a missing --root',
            ['--queue', 'redis://127.0.0.1:1/0', '--root', missing('root')],
            `--root must be an existing folder, not ${JSON.stringify(missing('root'))} (ENOENT)`,
          ],
          [
            '--lock-seconds 0',
            ['--queue', 'redis://127.0.0.1:1/0', '--lock-seconds', '0'],
            '--lock-seconds must be an integer from 1 to 3600, not 0',
          ],
        ] satisfies Case[],
      }
    : {}),
  tables: [
    [
      'a stray argument',
      ['asic'],
      'unexpected argument "asic" for tables (addersim tables --help lists what it takes)',
    ],
  ],
};

describe.concurrent.each(Object.keys(CASES))('addersim %s', (name) => {
  it.each(CASES[name])('rejects %s', async (_what, args, message) => {
    await rejects([name, ...args], message);
  });
});

describe.concurrent('addersim without a known command', () => {
  it('asks for a command, listing them', async () => {
    await rejects(
      [],
      `a command must be given, one of ${NAMES.join(', ')} (addersim --help describes them)`,
    );
  });

  it('rejects an unknown command, with a suggestion when one is close', async () => {
    await rejects(['bogus'], `command must be one of ${NAMES.join(', ')}, not "bogus"`);
    await rejects(
      ['tabels'],
      `command must be one of ${NAMES.join(', ')}, not "tabels" (did you mean tables?)`,
    );
  });

  it('keeps a user error to one line under --debug', async () => {
    await rejects(['--debug', 'budget', '--net', 'resnet19'], /^--net must be one of /);
  });
});

describe('internal errors', () => {
  afterEach(() => vi.restoreAllMocks());

  const boom: CommandModule<object, object> = {
    command: 'boom',
    describe: 'fails',
    handler: () => {
      throw new Error('the impossible happened');
    },
  };
  const refuse: CommandModule<object, object> = {
    command: 'refuse',
    describe: 'refuses',
    handler: () => {
      throw new InputError('--x must be y, not z');
    },
  };

  async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const code = await main(argv, [boom, refuse]);
    vi.restoreAllMocks();
    return { code, stderr: written.join('') };
  }

  it('print one line and a hint, exit 1; the stack only under --debug', async () => {
    expect(await run(['boom'])).toEqual({
      code: 1,
      stderr:
        'addersim: internal error: the impossible happened\naddersim: run again with --debug for the stack trace\n',
    });
    const debug = await run(['boom', '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(
      /^addersim: internal error: the impossible happened\nError: the impossible happened\n\s+at /,
    );
  });

  it('do not include user errors, which stay one line under --debug', async () => {
    expect(await run(['refuse', '--debug'])).toEqual({
      code: 2,
      stderr: 'addersim: --x must be y, not z\n',
    });
  });
});

describe('a reader that stops early', () => {
  it('ends the command quietly with exit 0 (budget | head -1)', async () => {
    // Over 600 kB of JSON, far beyond a pipe buffer, so writes hit the closed pipe.
    const child = spawn(
      process.execPath,
      [fromRoot('dist', 'src', 'cli', 'bin.js'), 'budget', '--net', 'resnet50', '--json'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
