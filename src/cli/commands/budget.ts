import { existsSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { budgetArchitecture } from '../../budget/budget.js';
import { DEFAULT_BITS, MAX_BITS, MIN_BITS } from '../../budget/conventions.js';
import { layerCsv, layerRows, totalsRows } from '../../budget/table.js';
import { loadTable, tableNames } from '../../cost/tables.js';
import { InputError, show } from '../../errors.js';
import { architectureNames, loadArchitecture } from '../../nn/architectures.js';
import { loadCheckpoint } from '../../nn/checkpoint.js';
import { type Architecture, VARIANTS, type Variant } from '../../nn/graph.js';
import { isOnnxFile, readOnnx } from '../../nn/onnx/read.js';
import { choiceFlag, intFlag } from '../args.js';
import { formatTable, printJson, printLine } from '../output.js';

interface BudgetArgs {
  net?: string;
  model?: string;
  variant?: string;
  bits: number;
  table?: string;
  json?: boolean;
  csv?: boolean;
  quiet: boolean;
}

/** The network of an ONNX model or an addersim checkpoint (its graph's roles). */
function modelFlag(value: unknown): Architecture {
  if (typeof value !== 'string' || value === '') {
    throw new InputError(`--model must be an ONNX model or a checkpoint file, not ${show(value)}`);
  }
  return isOnnxFile(value) ? readOnnx(value).arch : loadCheckpoint(value).graph;
}

/** A shipped architecture name, or a path to an architecture file. */
function architectureFlag(value: unknown): Architecture {
  const names = architectureNames();
  if (
    typeof value === 'string' &&
    (names.includes(value) || (value.endsWith('.json') && existsSync(value)))
  ) {
    return loadArchitecture(value);
  }
  throw new InputError(
    `--net must be one of ${names.join(', ')} or an existing .json architecture file, not ${show(value)}`,
  );
}

export const budgetCommand: CommandModule<object, BudgetArgs> = {
  command: 'budget',
  describe:
    'operation budget of an architecture as CNN, AdderNet and BNN (paper and explicit counts)',
  builder: (y) =>
    y
      .option('net', {
        type: 'string',
        describe: `architecture: ${architectureNames().join(', ')}, or a .json architecture file`,
      })
      .option('model', {
        type: 'string',
        describe:
          'instead of --net: an ONNX model (.onnx) or an addersim checkpoint, counted as CNN, AdderNet and BNN',
      })
      .conflicts('net', 'model')
      .option('variant', {
        type: 'string',
        describe: `print the per-layer table of one variant (${VARIANTS.join(', ')}); JSON and CSV keep only its layers`,
      })
      .option('bits', {
        type: 'number',
        default: DEFAULT_BITS,
        describe: `operand width of multiply and adder layers (${MIN_BITS} to ${MAX_BITS})`,
      })
      .option('table', {
        type: 'string',
        describe: `price the totals on a cost table: ${tableNames().join(', ')}, or a table file`,
      })
      .option('json', { type: 'boolean', describe: 'print the full budget as JSON' })
      .option('csv', { type: 'boolean', describe: 'print per-layer rows as CSV' })
      .option('quiet', {
        type: 'boolean',
        default: false,
        describe: 'print nothing but the result',
      })
      .conflicts('json', 'csv')
      .example('$0 budget --net resnet20', 'totals of ResNet-20 as CNN, AdderNet and BNN')
      .example(
        '$0 budget --net resnet50 --variant addernet',
        'per-layer counts of AdderNet ResNet-50',
      )
      .example(
        '$0 budget --net vgg-small --bits 4 --json',
        'everything, with the conventions, as JSON',
      )
      .example('$0 budget --net lenet5 --csv', 'per-layer rows of every variant as CSV')
      .example('$0 budget --net resnet18 --table asic-45nm-horowitz', 'with energy per inference')
      .example(
        '$0 budget --model mobilenet_v2.onnx --json',
        'an ONNX model as CNN, AdderNet and BNN',
      ),
  handler: (argv) => {
    if (argv.net === undefined && argv.model === undefined) {
      throw new InputError('budget needs --net or --model (addersim budget --help describes them)');
    }
    const arch = argv.model !== undefined ? modelFlag(argv.model) : architectureFlag(argv.net);
    const variant =
      argv.variant === undefined
        ? undefined
        : choiceFlag<Variant>('variant', argv.variant, VARIANTS);
    const bits = intFlag('bits', argv.bits, MIN_BITS, MAX_BITS);
    const table = argv.table === undefined ? undefined : loadTable(argv.table, '--table');
    const report = budgetArchitecture(arch, {
      bits,
      variants: variant ? [variant] : VARIANTS,
      table,
    });
    if (argv.json) {
      printJson(report);
      return;
    }
    if (argv.csv) {
      process.stdout.write(layerCsv(report));
      return;
    }
    if (variant) {
      printLine(formatTable(layerRows(report, variant)));
      printLine();
    }
    printLine(formatTable(totalsRows(report, variant ? [variant] : VARIANTS)));
    if (!argv.quiet) {
      const notes = new Set(VARIANTS.flatMap((v) => report.totals[v].energy?.notes ?? []));
      for (const note of notes) process.stderr.write(`note: ${note}\n`);
      process.stderr.write(
        `paper = AdderNet paper convention (per tap: CNN 1 mul + 1 add, AdderNet 2 adds, BNN 1 XNOR + 1 add); other rows are explicit ${bits}-bit primitive counts. --json states every convention.\n`,
      );
    }
  },
};
