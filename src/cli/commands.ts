import type { CommandModule } from 'yargs';
import { costCommand } from './commands/cost.js';
import { tablesCommand } from './commands/tables.js';

/**
 * Every CLI command, in the order `--help` lists them. A new command is one file under
 * commands/ and one entry here. Commands parse flags, call the library and print: no logic.
 */
// biome-ignore lint/suspicious/noExplicitAny: each command has its own argument type
// biome-ignore format: one command per line keeps the list easy to extend
export const COMMANDS: readonly CommandModule<object, any>[] = [
  tablesCommand,
  costCommand,
];
