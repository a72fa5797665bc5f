import { afterEach, describe, expect, it, vi } from 'vitest';
import { intFlag, numberFlag } from '../../src/cli/args.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { SHOW_AFTER_MS, startProgress } from '../../src/cli/progress.js';
import { tableNames } from '../../src/cost/tables.js';
import { runCli } from '../helpers/cli.js';

/**
 * One CLI, not a set of commands written apart: every command in the registry (so a new one is
 * covered the day it is registered) answers --help with examples, prints results as --json,
 * takes --quiet, and the flags that several commands share mean, type and read the same.
 */

type Spec = Record<string, unknown>;

/** The options and examples a command declares, read by running its builder on a recorder. */
function declared(command: (typeof COMMANDS)[number]): {
  options: Map<string, Spec>;
  examples: unknown[][];
} {
  const options = new Map<string, Spec>();
  const examples: unknown[][] = [];
  const set = (key: string, patch: Spec) => options.set(key, { ...options.get(key), ...patch });
  const recorder: unknown = new Proxy(
    {},
    {
      get:
        (_target, method) =>
        (...args: unknown[]) => {
          const [first, second] = args as [unknown, unknown];
          if (method === 'option') set(first as string, second as Spec);
          else if (method === 'positional')
            set(first as string, { ...(second as Spec), positional: true });
          else if (method === 'options')
            for (const [k, v] of Object.entries(first as Record<string, Spec>)) set(k, v);
          else if (method === 'boolean' || method === 'string' || method === 'number')
            for (const k of [first].flat() as string[]) set(k, { type: method });
          else if (method === 'describe') set(first as string, { describe: second });
          else if (method === 'example')
            examples.push(...(Array.isArray(first) ? (first as unknown[][]) : [args]));
          return recorder;
        },
    },
  );
  const builder = command.builder;
  if (typeof builder === 'function') (builder as (y: unknown) => unknown)(recorder);
  else for (const [k, v] of Object.entries(builder ?? {})) set(k, v as Spec);
  return { options, examples };
}

const NAMES = COMMANDS.map((c) => String(c.command).split(/\s+/)[0]);

/** Sentence case ("Show help", "The folder") reads differently from the rest of the help. */
const SENTENCE_CASE = /^[A-Z][a-z]*\b/;

/**
 * The shared flags. A flag that takes one value has the single-value type; a command that
 * sweeps over several takes a comma-separated list (a string that says so).
 */
const SHARED: Record<string, (spec: Spec) => void> = {
  bits: (s) => {
    expectValueType(s, 'number');
    expect(s.describe).toMatch(/\b\d+ to \d+\b/); // the accepted range
  },
  arch: (s) => expectValueType(s, 'string'),
  net: (s) => expectValueType(s, 'string'),
  adder: (s) => expectValueType(s, 'string'),
  table: (s) => {
    expectValueType(s, 'string');
    for (const name of tableNames()) expect(s.describe).toContain(name);
    expect(s.describe).toMatch(/\btable file\b/);
  },
  json: (s) => {
    expect(s.type).toBe('boolean');
    expect([undefined, false]).toContain(s.default);
    expect(s.describe).toMatch(/^print .*\bJSON\b/);
  },
  out: (s) => {
    expect(s.type).toBe('string');
    expect(s.describe).toMatch(/\b(file|folder)\b/);
  },
  seed: (s) => {
    expectValueType(s, 'number');
    expect(s.describe).toMatch(/^seed\b/);
  },
  quiet: (s) => {
    expect(s.type).toBe('boolean');
    expect([undefined, false]).toContain(s.default);
    expect(s.describe).toMatch(/^print nothing\b/);
  },
  limit: (s) => {
    expect(s.type).toBe('number');
    expect(s.describe).toMatch(/\bfirst N\b/);
  },
};

function expectValueType(spec: Spec, single: 'number' | 'string'): void {
  const isList = spec.type === 'string' && /comma-separated/.test(String(spec.describe));
  expect(isList || spec.type === single, `type ${String(spec.type)}`).toBe(true);
}

describe.each(NAMES.map((name, i) => [name, COMMANDS[i]] as const))('addersim %s', (name, cmd) => {
  const { options, examples } = declared(cmd);

  it('answers --help on stdout with exit 0, its flags and at least one example', () => {
    const r = runCli([name, '--help']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`addersim ${name}`);
    const [, afterExamples = ''] = r.stdout.split('\nExamples:\n');
    expect(afterExamples.split('\n')[0]).toMatch(new RegExp(`^ +addersim ${name}\\b`));
    for (const [key, spec] of options) {
      // A positional appears in the usage line (`addersim import <file>`), a flag as --flag.
      expect(r.stdout).toContain(spec.positional ? `<${key}>` : `--${key}`);
    }
    expect(examples.length).toBeGreaterThan(0);
    for (const [example, what] of examples) {
      expect(example).toMatch(new RegExp(`^\\$0 ${name}\\b`));
      expect(String(what ?? '')).not.toBe('');
    }
  });

  it('prints results as --json and takes --quiet', () => {
    expect(options.has('json')).toBe(true);
    expect(options.has('quiet')).toBe(true);
  });

  it('describes itself and every flag in the same style', () => {
    expect(String(cmd.describe)).not.toMatch(SENTENCE_CASE);
    for (const [key, spec] of options) {
      const describe = spec.describe ?? spec.description ?? spec.desc;
      expect({ key, describe }).toEqual({ key, describe: expect.any(String) });
      expect({ key, describe }).not.toEqual({ key, describe: expect.stringMatching(/^$|\.$/) });
      expect({ key, describe }).not.toEqual({
        key,
        describe: expect.stringMatching(SENTENCE_CASE),
      });
      expect(['boolean', 'string', 'number']).toContain(spec.type);
    }
  });

  // Never empty: every command has --json and --quiet (checked above).
  const shared = Object.keys(SHARED).filter((flag) => options.has(flag));
  it.each(shared)('shares --%s with the other commands', (flag) => {
    SHARED[flag](options.get(flag)!);
  });
});

describe('the shared flag parsers', () => {
  const message = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      return (err as Error).message;
    }
    return 'accepted';
  };

  it('read decimal numbers as typed and word the range by which ends are open', () => {
    expect(numberFlag('lr', '0.05', 0, 10, { exclusiveMin: true })).toBe(0.05);
    expect(numberFlag('lr', '1e-3', 0, 10)).toBe(0.001);
    expect(numberFlag('lr', '.5', 0, 10)).toBe(0.5);
    expect(numberFlag('lr', 10, 0, 10)).toBe(10);
    expect(message(() => numberFlag('lr', 0, 0, 10, { exclusiveMin: true }))).toBe(
      '--lr must be a number above 0 and at most 10, not 0',
    );
    expect(message(() => numberFlag('p', '1', 0, 1, { exclusiveMax: true }))).toBe(
      '--p must be a number at least 0 and below 1, not 1',
    );
    expect(
      message(() => numberFlag('p', -1, -1, 1, { exclusiveMin: true, exclusiveMax: true })),
    ).toBe('--p must be a number above -1 and below 1, not -1');
    for (const [value, shown] of [
      ['0x10', '"0x10"'],
      ['Infinity', '"Infinity"'],
      ['', '""'],
      [Number.NaN, 'NaN'],
      [true, 'true'],
      [undefined, 'nothing'],
      ['11', '11'],
    ] as const) {
      expect(message(() => numberFlag('x', value, 0, 10))).toBe(
        `--x must be a number from 0 to 10, not ${shown}`,
      );
    }
  });

  it('show numeric text as a number and other text quoted, as --bits 40 and --bits abc', () => {
    expect(intFlag('bits', '12', 2, 32)).toBe(12);
    expect(message(() => intFlag('bits', '40', 2, 32))).toBe(
      '--bits must be an integer from 2 to 32, not 40',
    );
    expect(message(() => intFlag('bits', '4.5', 2, 32))).toBe(
      '--bits must be an integer from 2 to 32, not 4.5',
    );
    expect(message(() => intFlag('bits', 'abc', 2, 32))).toBe(
      '--bits must be an integer from 2 to 32, not "abc"',
    );
  });
});

describe('addersim --help', () => {
  it('lists every registered command with its description', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of NAMES) expect(r.stdout).toMatch(new RegExp(`^ +addersim ${name} `, 'm'));
    expect(r.stdout).toContain('show this help');
  });
});

describe('progress bars', () => {
  const tty = process.stderr.isTTY;
  const term = process.env.TERM;
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
    process.stderr.isTTY = tty;
    if (term === undefined) delete process.env.TERM;
    else process.env.TERM = term;
  });

  function capture(): string[] {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    return written;
  }

  it('write nothing when stderr is not a terminal, or with --quiet', () => {
    const written = capture();
    vi.useFakeTimers();
    for (const [isTTY, quiet] of [
      [false, false],
      [true, true],
    ]) {
      process.stderr.isTTY = isTTY;
      const bar = startProgress(10, { quiet, label: 'x' });
      vi.advanceTimersByTime(5 * SHOW_AFTER_MS);
      bar.update(5);
      bar.stop();
    }
    expect(written).toEqual([]);
  });

  it('appear on a terminal only for work still running after a second', () => {
    const written = capture();
    vi.useFakeTimers();
    process.stderr.isTTY = true;
    process.env.TERM = 'xterm';
    const short = startProgress(10, { label: 'short' });
    vi.advanceTimersByTime(SHOW_AFTER_MS - 1);
    short.update(9);
    short.stop();
    expect(written).toEqual([]);
    const long = startProgress(10, { label: 'long' });
    vi.advanceTimersByTime(SHOW_AFTER_MS);
    long.update(3);
    expect(written.join('')).toContain('long [');
    long.stop();
  });
});
