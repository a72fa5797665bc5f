import type { CommandModule } from 'yargs';
import { budgetCommand } from './commands/budget.js';
import { costCommand } from './commands/cost.js';
import { datapathCommand } from './commands/datapath.js';
import { evalCommand } from './commands/eval.js';
import { importCommand } from './commands/import.js';
import { inferCommand } from './commands/infer.js';
import { reportCommand } from './commands/report.js';
import { rtlCommand } from './commands/rtl.js';
import { sweepCommand } from './commands/sweep.js';
import { tablesCommand } from './commands/tables.js';
import { trainCommand } from './commands/train.js';
import { workerCommand } from './commands/worker.js';

/**
 * Every CLI command, in the order `--help` lists them. A new command is one file under
 * commands/ and one entry here. Commands parse flags, call the library and print: no logic.
 */
// biome-ignore lint/suspicious/noExplicitAny: each command has its own argument type
type AnyCommand = CommandModule<object, any>;

// biome-ignore format: one command per line keeps the list easy to extend
export const COMMANDS: readonly AnyCommand[] = [
  trainCommand,
  evalCommand,
  importCommand,
  inferCommand,
  sweepCommand,
  workerCommand,
  budgetCommand,
  tablesCommand,
  costCommand,
  datapathCommand,
  rtlCommand,
  reportCommand,
];
