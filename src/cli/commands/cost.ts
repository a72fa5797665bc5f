import type { CommandModule } from 'yargs';
import { formatNumber } from '../../cost/estimate.js';
import { costOfInference } from '../../cost/inference.js';
import { parseLayerWork } from '../../cost/layer-work.js';
import { parseOpCounts } from '../../cost/ops.js';
import {
  DATAFLOWS,
  type Dataflow,
  type FoldConvention,
  parseArrayShape,
} from '../../cost/pe-array.js';
import { tableNames } from '../../cost/tables.js';
import { InputError } from '../../errors.js';
import { choiceFlag } from '../args.js';
import { MUL_IMPL_OPTION, tablesWithMultiplier } from '../mul-impl.js';
import { formatTable, printJson, printLine } from '../output.js';

interface CostArgs {
  table: string;
  'mul-impl'?: string;
  ops?: string;
  work?: string;
  array?: string;
  dataflow: string;
  convention: string;
  json?: boolean;
  quiet: boolean;
}

const CONVENTIONS: readonly FoldConvention[] = ['paper', 'scalesim-v2'];

const show = (x: number | undefined, unit = '') =>
  x === undefined ? '-' : `${formatNumber(x)}${unit}`;

export const costCommand: CommandModule<object, CostArgs> = {
  command: 'cost',
  describe:
    'price operation counts and layer work through a cost table, with the row behind every number',
  builder: (y) =>
    y
      .option('table', {
        type: 'string',
        demandOption: true,
        describe: `cost table: ${tableNames().join(', ')}, or the path of a table file`,
      })
      .option('mul-impl', MUL_IMPL_OPTION)
      .option('ops', {
        type: 'string',
        describe: 'operation counts, op:bits=count (mul:8x4=10), comma-separated',
      })
      .option('work', {
        type: 'string',
        describe:
          'layers as GEMMs, [name=]kind:MxNxK[:operandBits[:accBits]], kind adder|multiply|binary',
      })
      .option('array', { type: 'string', describe: 'PE array ROWSxCOLS for cycles on ASIC tables' })
      .option('dataflow', {
        type: 'string',
        default: 'ws',
        describe: `PE array dataflow: ${DATAFLOWS.join(', ')}`,
      })
      .option('convention', {
        type: 'string',
        default: 'paper',
        describe: `fold formula: ${CONVENTIONS.join(', ')} (SCALE-Sim v2's reporting)`,
      })
      .option('json', { type: 'boolean', describe: 'print the full result as JSON' })
      .option('quiet', {
        type: 'boolean',
        default: false,
        describe: 'print nothing but the result',
      })
      .example(
        '$0 cost --table asic-45nm-horowitz --ops add:8=1000,mul:8=1000',
        'energy of 1000 8-bit adds and multiplies',
      )
      .example(
        '$0 cost --table cpu-arm-neoverse-n1 --work adder:3025x96x363',
        'cycles of an adder layer on one N1 core',
      )
      .example(
        '$0 cost --table asic-40nm-aladdin --work conv1=multiply:3025x96x363 --array 32x32 --dataflow ws',
        'PE-array cycles (SCALE-Sim folds)',
      )
      .example(
        '$0 cost --table fpga-xilinx-7series --mul-impl lut --work multiply:784x6x25',
        'a MAC PE with its multiplier in LUTs',
      )
      .example(
        '$0 cost --table fpga-xilinx-7series --ops add:32=1 --work adder:784x6x25 --json',
        'FPGA resources, PEs and clock as JSON',
      ),
  handler: (argv) => {
    const [table] = tablesWithMultiplier([argv.table], argv['mul-impl']);
    const counts = argv.ops === undefined ? [] : parseOpCounts(argv.ops, 'ops');
    const layers = argv.work === undefined ? [] : parseLayerWork(argv.work, 'work');
    if (counts.length === 0 && layers.length === 0) {
      throw new InputError('cost needs --ops or --work (or both), not neither');
    }
    const dataflow = choiceFlag<Dataflow>('dataflow', argv.dataflow, DATAFLOWS);
    const convention = choiceFlag<FoldConvention>('convention', argv.convention, CONVENTIONS);
    const array =
      argv.array === undefined
        ? undefined
        : { ...parseArrayShape(argv.array, 'array'), dataflow, convention };
    const cost = costOfInference(table, { counts, layers, array });
    if (argv.json) {
      printJson(cost);
      return;
    }
    printLine(`table ${table.name} (${table.kind}, ${table.node})`);
    if (cost.estimate) {
      printLine();
      printLine(
        formatTable([
          ['op', 'count', 'energy pJ', 'unit area um2', 'LUTs', 'DSPs', 'row'],
          ...cost.estimate.items.map((i) => [
            i.key,
            i.count,
            show(i.energyPj),
            show(i.areaUm2),
            show(i.resources?.luts),
            show(i.resources?.dsps),
            i.row,
          ]),
        ]),
      );
    }
    const layerRows = cost.cpu
      ? cost.cpu.map((c) => [c.layer, c.taps, show(c.cycles), c.tap.sequence])
      : cost.fpga
        ? cost.fpga.map((f) => [f.layer, f.pes, show(f.cycles), show(f.clockMhz, ' MHz')])
        : (cost.peArray ?? []).map((p) => [
            p.layer,
            p.taps,
            show(p.cycles),
            `${(p.utilisation * 100).toFixed(2)} %`,
          ]);
    if (layerRows.length > 0) {
      const header = cost.cpu
        ? ['layer', 'taps', 'cycles', 'sequence']
        : cost.fpga
          ? ['layer', 'PEs', 'cycles', 'clock']
          : ['layer', 'taps', 'cycles', 'utilisation'];
      printLine();
      printLine(formatTable([header, ...layerRows]));
    }
    printLine();
    printLine(`energy: ${show(cost.energyPj, ' pJ')}`);
    if (cost.areaUm2 !== undefined)
      printLine(`area: ${show(cost.areaUm2, ' um2')} (one unit per op and width)`);
    if (cost.cycles !== undefined) printLine(`cycles: ${show(cost.cycles)}`);
    if (cost.clockMhz !== undefined)
      printLine(`clock: ${show(cost.clockMhz, ' MHz')}, time ${show(cost.timeUs, ' us')}`);
    for (const n of cost.notPriced) printLine(`not priced: ${n}`);
    if (!argv.quiet) {
      printLine();
      printLine('provenance:');
      for (const line of cost.provenance) printLine(`  ${line}`);
    }
  },
};
