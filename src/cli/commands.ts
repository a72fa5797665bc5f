import type { CommandModule } from 'yargs';

/**
 * Every CLI command, in the order `--help` lists them. A new command is one file under
 * commands/ and one entry here. Commands parse flags, call the library and print: no logic.
 */
// biome-ignore lint/suspicious/noExplicitAny: each command has its own argument type
export const COMMANDS: readonly CommandModule<object, any>[] = [];
