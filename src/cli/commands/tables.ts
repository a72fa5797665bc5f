import type { CommandModule } from 'yargs';
import { listTables } from '../../cost/tables.js';
import { formatTable, printJson, printLine } from '../output.js';

interface TablesArgs {
  json?: boolean;
  quiet: boolean;
}

export const tablesCommand: CommandModule<object, TablesArgs> = {
  command: 'tables',
  describe:
    'list the shipped cost tables (ASIC op-level and cell-level, FPGA, CPU) with their sources',
  builder: (y) =>
    y
      .option('json', { type: 'boolean', describe: 'print every table summary as JSON' })
      .option('quiet', {
        type: 'boolean',
        default: false,
        describe: 'print nothing but the result',
      })
      .example('$0 tables', 'name, kind, node and main source of each table')
      .example('$0 tables --json', 'the same with descriptions and every source, as JSON'),
  handler: (argv) => {
    const tables = listTables();
    if (argv.json) {
      printJson(tables);
      return;
    }
    printLine(
      formatTable([
        ['name', 'kind', 'node', 'source'],
        ...tables.map((t) => [t.name, t.kind, t.node, t.sources[0]]),
      ]),
    );
  },
};
