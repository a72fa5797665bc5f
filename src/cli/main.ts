import yargs, { type Argv, type CommandModule } from 'yargs';
import { InputError, show } from '../errors.js';
import { packageVersion } from '../paths.js';
import { COMMANDS } from './commands.js';
import { forceProgress } from './progress.js';

// biome-ignore lint/suspicious/noExplicitAny: each command has its own argument type
type AnyCommand = CommandModule<object, any>;

/** The flags a command declared, known once its builder has run: for unknown-flag messages. */
interface CommandFlags {
  /** Every accepted spelling without dashes: key, kebab-case, camelCase, alias, no-<boolean>. */
  readonly accepted: ReadonlySet<string>;
  /** The declared keys, for "did you mean". */
  readonly declared: readonly string[];
}

/**
 * Entry point; returns the exit code. The contract every command inherits:
 * - user errors print exactly one line on stderr, `addersim: <message>`, and exit 2: InputError
 *   from a command, yargs's own checks (rephrased below to name the flag with its dashes), and
 *   file-system refusals on a path the user gave (ENOENT, ENOTDIR, EEXIST, EACCES, ...);
 * - an unknown flag is reported before anything else it may have caused ("--ach lenet5" says
 *   --ach is unknown, with a suggestion, rather than that --arch is missing);
 * - no command is a user error too: one line listing the commands, exit 2 (help stays on
 *   `addersim --help`, on stdout, exit 0);
 * - anything else is an internal error: one line and exit 1, with the stack only under --debug
 *   (user errors never print a stack, with or without --debug);
 * - every flag that takes a value requires one (`--bits` alone is an error, not the default),
 *   and a number flag given text keeps the text (`--bits abc` is reported as "abc", not NaN).
 * `commands` defaults to the registry; tests pass their own to reach the internal-error path.
 */
export async function main(
  argv: string[],
  commands: readonly AnyCommand[] = COMMANDS,
): Promise<number> {
  const debug = argv.includes('--debug');
  forceProgress(argv.includes('--progress'));
  const flags = new Map<string, CommandFlags>();
  let parser = yargs(argv)
    .locale('en') // messages are rephrased below from their English text
    .scriptName('addersim')
    .usage(
      'addersim: bit-accurate simulation and cost of adder datapaths for multiplication-free neural networks\n\nUsage: $0 <command> [options]',
    )
    .option('debug', { type: 'boolean', describe: 'show stack traces of internal errors' })
    .option('progress', {
      type: 'boolean',
      describe: 'show progress on stderr even when it is not a terminal (a line every few seconds)',
    })
    .version('version', 'print the version number', packageVersion())
    .help('help', 'show this help')
    .alias('h', 'help')
    .strict()
    .strictCommands()
    .demandCommand(1, 'a command is required')
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((msg, err) => {
      // Errors thrown by a handler pass through; yargs's own (YError) become user errors.
      if (err && err.name !== 'YError') throw err;
      throw new InputError(explainFailure(msg ?? err?.message ?? '', argv, commands, flags));
    });
  for (const command of commands) parser = parser.command(withSharedRules(command, argv, flags));
  try {
    await parser.parseAsync();
    return Number(process.exitCode ?? 0);
  } catch (err) {
    return reportError(err, debug);
  }
}

function reportError(err: unknown, debug: boolean): number {
  if (err instanceof InputError) {
    process.stderr.write(`addersim: ${oneLine(err.message)}\n`);
    return err.exitCode;
  }
  const refused = fileSystemRefusal(err);
  if (refused) {
    process.stderr.write(`addersim: ${refused}\n`);
    return 2;
  }
  const e = err as Error;
  process.stderr.write(`addersim: internal error: ${oneLine(e?.message ?? String(err))}\n`);
  if (debug && e?.stack) process.stderr.write(`${e.stack}\n`);
  else process.stderr.write('addersim: run again with --debug for the stack trace\n');
  return 1;
}

/** Node's `ENOTDIR: not a directory, stat 'out/x'` as "cannot stat out/x: not a directory". */
function fileSystemRefusal(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException;
  if (!(err instanceof Error) || typeof e.code !== 'string' || typeof e.path !== 'string') {
    return undefined;
  }
  const reason = /^[A-Z0-9_]+: ([^,]+),/.exec(e.message)?.[1] ?? e.code;
  return `cannot ${e.syscall ?? 'use'} ${e.path}: ${reason}`;
}

/**
 * Wraps a command's builder: after it declares its options, every non-boolean option requires
 * a value, and number options that yargs turned into NaN (or an empty `--x=` into 0) get the
 * user's text back, so the command's own check reports what was typed.
 */
function withSharedRules(
  command: AnyCommand,
  argv: readonly string[],
  flags: Map<string, CommandFlags>,
): AnyCommand {
  const inner = command.builder;
  return {
    ...command,
    builder: (y: Argv) => {
      const built = (typeof inner === 'function' ? inner(y) : inner ? y.options(inner) : y) as Argv;
      const options = (built as unknown as { getOptions(): DeclaredOptions }).getOptions();
      const positionals = positionalNames(command);
      const keys = Object.keys(options.key).filter((k) => !positionals.includes(k));
      const isFlag = (k: string) => options.boolean.includes(k) || options.count.includes(k);
      flags.set(commandName(command), acceptedFlags(keys, options, isFlag));
      const numbers = options.number.filter((k) => keys.includes(k));
      return built
        .requiresArg(keys.filter((k) => !isFlag(k)))
        .middleware((parsed) => restoreNumberText(parsed, numbers, options.alias, argv));
    },
  };
}

/** The part of yargs's option registry read here (stable across yargs 17 and 18). */
interface DeclaredOptions {
  key: Record<string, unknown>;
  alias: Record<string, string[]>;
  boolean: string[];
  count: string[];
  number: string[];
}

function acceptedFlags(
  keys: readonly string[],
  options: DeclaredOptions,
  isFlag: (k: string) => boolean,
): CommandFlags {
  const accepted = new Set(['help', 'h', 'version', 'debug', 'progress']);
  for (const key of keys) {
    for (const name of [key, ...(options.alias[key] ?? [])]) {
      for (const spelling of [name, kebab(name), camel(name)]) {
        accepted.add(spelling);
        if (isFlag(key)) accepted.add(`no-${spelling}`);
      }
    }
  }
  const declared = keys
    .filter((k) => !['help', 'version', 'debug', 'progress'].includes(k))
    .map(kebab);
  return { accepted, declared };
}

function restoreNumberText(
  parsed: Record<string, unknown>,
  keys: readonly string[],
  aliases: Record<string, string[]>,
  argv: readonly string[],
): void {
  for (const key of keys) {
    const names = [key, ...(aliases[key] ?? [])].flatMap((n) => [n, kebab(n), camel(n)]);
    const raw = rawValues(argv, new Set(names));
    const garbled = (v: unknown, text: string | undefined) =>
      typeof v === 'number' && text !== undefined && (Number.isNaN(v) || text.trim() === '');
    const value = parsed[key];
    let fixed: unknown = value;
    if (Array.isArray(value) && value.length === raw.length) {
      fixed = value.map((v, i) => (garbled(v, raw[i]) ? raw[i] : v));
      if ((fixed as unknown[]).every((v, i) => v === value[i])) fixed = value;
    } else if (raw.length === 1 && garbled(value, raw[0])) {
      fixed = raw[0];
    }
    if (fixed !== value) for (const name of names) if (name in parsed) parsed[name] = fixed;
  }
}

/** The texts given to a flag: `--bits abc` and `--bits=abc` both give "abc". */
function rawValues(argv: readonly string[], names: ReadonlySet<string>): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const m = /^--?([^=]+)(?:=([\s\S]*))?$/.exec(argv[i]);
    if (!m || !names.has(m[1])) continue;
    if (m[2] !== undefined) values.push(m[2]);
    else if (i + 1 < argv.length) values.push(argv[++i]);
  }
  return values;
}

/**
 * Flags renamed so that one concept has one name across commands (`--bits` for a width,
 * `--net` for a network architecture, `--adder` for a network's adder architecture). An old
 * spelling is refused with the new name, never silently accepted.
 */
const RENAMED_FLAGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  datapath: { width: 'bits' },
  budget: { arch: 'net' },
  train: { model: 'net' },
  infer: { arch: 'adder' },
  sweep: { arch: 'adder' },
};

/**
 * Rephrases a yargs failure as one line in the project's style, naming flags with their dashes.
 * Unknown flags come first, since a mistyped flag is the likely cause of any other failure.
 */
function explainFailure(
  msg: string,
  argv: readonly string[],
  commands: readonly AnyCommand[],
  flags: ReadonlyMap<string, CommandFlags>,
): string {
  const names = commands.map(commandName);
  const words = positionalWords(argv);
  const command = words.length > 0 ? commandOf(words[0], commands) : undefined;
  if (command === undefined) {
    if (words.length === 0) {
      return `a command must be given, one of ${names.join(', ')} (addersim --help describes them)`;
    }
    return `command must be one of ${names.join(', ')}, not ${show(words[0])}${didYouMean(words[0], names, '')}`;
  }
  const help = `addersim ${command} --help`;
  const known = flags.get(command);
  const unknown = known ? flagWords(argv).filter((f) => !known.accepted.has(f)) : [];
  const renamed = unknown.find((f) => RENAMED_FLAGS[command]?.[f] !== undefined);
  if (renamed !== undefined) {
    return `${dashed(renamed)} is now ${dashed(RENAMED_FLAGS[command][renamed])} for ${command} (${help} describes it)`;
  }
  if (unknown.length === 1) {
    const hint = didYouMean(unknown[0], known?.declared ?? [], '--');
    return `unknown flag ${dashed(unknown[0])} for ${command}${hint || ` (${help} lists the flags)`}`;
  }
  if (unknown.length > 1) {
    return `unknown flags ${unknown.map(dashed).join(', ')} for ${command} (${help} lists the flags)`;
  }
  const line = oneLine(msg);
  let m: RegExpExecArray | null;
  if ((m = /^Unknown (?:arguments?|commands?): (.*)$/.exec(line))) {
    const extra = m[1].split(', ').filter((w) => words.includes(w));
    const shown = (extra.length > 0 ? extra : m[1].split(', ')).map((w) => show(w)).join(', ');
    return `unexpected argument${extra.length > 1 ? 's' : ''} ${shown} for ${command} (${help} lists what it takes)`;
  }
  if ((m = /^Missing required arguments?: (.*)$/.exec(line))) {
    const missing = m[1].split(', ').map(dashed);
    return `${command} needs ${missing.join(' and ')} (${help} describes ${missing.length > 1 ? 'them' : 'it'})`;
  }
  if ((m = /^Not enough arguments following: (.*)$/.exec(line))) {
    return `${dashed(m[1])} needs a value (${help} describes it)`;
  }
  if ((m = /^Arguments (\S+) and (\S+) are mutually exclusive$/.exec(line))) {
    return `${dashed(m[1])} and ${dashed(m[2])} cannot be given together`;
  }
  if ((m = /^Invalid values: Argument: (\S+), Given: (.*), Choices: (.*)$/.exec(line))) {
    const choices = m[3].split(', ').map((c) => c.replace(/^"(.*)"$/, '$1'));
    return `${dashed(m[1])} must be one of ${choices.join(', ')}, not ${m[2]}`;
  }
  if ((m = /^Missing dependent arguments: (\S+) -> (\S+)/.exec(line))) {
    return `${dashed(m[1])} needs ${dashed(m[2])}`;
  }
  return line;
}

/** The words of argv that are not flags (the command first); flag values cannot be told apart. */
function positionalWords(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).filter((w) => !w.startsWith('-'));
}

/** Flag names as typed, without dashes: `--bits=4` -> bits, `-xq` -> x, q. Negative numbers are values. */
function flagWords(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of argv) {
    if (w === '--') break;
    const long = /^--([^=]+)/.exec(w);
    if (long) out.push(long[1]);
    else if (/^-[^-\d.]/.test(w)) out.push(...w.slice(1).split('=')[0]);
  }
  return out;
}

function commandName(command: AnyCommand): string {
  const spec = Array.isArray(command.command) ? command.command[0] : command.command;
  return String(spec ?? '').split(/\s+/)[0];
}

function commandOf(word: string, commands: readonly AnyCommand[]): string | undefined {
  const hit = commands.find((c) => {
    const specs = [c.command ?? [], c.aliases ?? []].flat();
    return specs.some((s) => String(s).split(/\s+/)[0] === word);
  });
  return hit && commandName(hit);
}

function positionalNames(command: AnyCommand): string[] {
  const specs = [command.command ?? []].flat().join(' ');
  return [...specs.matchAll(/[<[]([^\]>.|]+)/g)].map((m) => m[1]);
}

/** " (did you mean --bits?)" when one name is within two edits, else "". */
function didYouMean(word: string, candidates: readonly string[], prefix: string): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance && d < word.length) [best, bestDistance] = [c, d];
  }
  return best === undefined ? '' : ` (did you mean ${prefix}${best}?)`;
}

/** Levenshtein distance, O(|a|·|b|): flag names are short. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

function dashed(name: string): string {
  return name.length === 1 ? `-${name}` : `--${kebab(name)}`;
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function camel(name: string): string {
  return name.replace(/-+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
