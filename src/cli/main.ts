import yargs from 'yargs';
import { InputError } from '../errors.js';
import { packageVersion } from '../paths.js';
import { COMMANDS } from './commands.js';

/**
 * Entry point. User errors (InputError, unknown flags or values) print one line and exit 2;
 * anything else is an internal error (exit 1), with the stack only under --debug.
 */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  let parser = yargs(argv)
    .scriptName('addersim')
    .usage(
      'addersim: bit-accurate simulation and cost of adder datapaths for multiplication-free neural networks\n\nUsage: $0 <command> [options]',
    )
    .option('debug', { type: 'boolean', describe: 'show stack traces of internal errors' })
    .version(packageVersion())
    .help()
    .alias('h', 'help')
    .strict()
    .strictCommands()
    .demandCommand(1, 'a command is required: run addersim --help for the list')
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((msg, err) => {
      throw err ?? new InputError(msg);
    });
  for (const command of COMMANDS) parser = parser.command(command);
  try {
    await parser.parseAsync();
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof InputError) {
      process.stderr.write(`addersim: ${oneLine(err.message)}\n`);
      if (debug) process.stderr.write(`${err.stack}\n`);
      return err.exitCode;
    }
    const e = err as Error;
    process.stderr.write(`addersim: internal error: ${oneLine(e?.message ?? String(err))}\n`);
    if (debug && e?.stack) process.stderr.write(`${e.stack}\n`);
    else process.stderr.write('addersim: run again with --debug for the stack trace\n');
    return 1;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
