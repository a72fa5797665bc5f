import type { CommandModule } from 'yargs';
import { formatNumber } from '../../cost/estimate.js';
import { tableNames } from '../../cost/tables.js';
import { ABSDIFF_VARIANTS, type AbsDiffVariant } from '../../gen/absdiff/index.js';
import { ADDER_ARCHS, type AdderArch } from '../../gen/adders/index.js';
import { SLOTS, type Slot, slotNames } from '../../gen/approx/slots.js';
import {
  ACC_OVERFLOW_MODES,
  type AccOverflow,
  BN_MODES,
  type BnMode,
  DEFAULT_BN_MODE,
  MAX_GROUPS,
  MAX_QUANT_BITS,
  MIN_QUANT_BITS,
} from '../../quant/options.js';
import { parseAccBitsList, type SweepSpec } from '../../sweep/spec.js';
import { runSweep } from '../../sweep/sweep.js';
import { choiceFlag, choiceListFlag, intFlag, intListFlag } from '../args.js';
import { type DataArgs, dataOptions, withDataFlags } from '../data-flags.js';
import { DEFAULT_MAX_SECONDS, maxSecondsFlag } from '../datapath-time.js';
import { formatTable, printJson, printLine } from '../output.js';
import { startProgress } from '../progress.js';
import { type CircuitFileArgs, slotChoices } from '../slot-circuits.js';
import { queueFlags, sweepOnQueue } from './sweep-queue.js';

/** A slot's circuit list: keys (null for `none`, the exact datapath) and imported circuits. */
function slotList(slot: Slot, text: string | undefined, files: CircuitFileArgs) {
  if (text === undefined) return undefined;
  const exact = text.split(',').some((item) => item.trim() === 'none');
  const rest = text
    .split(',')
    .filter((item) => item.trim() !== 'none')
    .join(',');
  const choices = rest.trim() === '' ? [] : slotChoices(slot, rest, files);
  return {
    keys: [...(exact ? [null] : []), ...choices.map((c) => c.key)],
    circuits: choices.flatMap((c) => (c.circuit ? [c.circuit] : [])),
  };
}

interface SweepArgs extends DataArgs {
  model: string;
  bits: string;
  'acc-bits': string;
  adder: string;
  absdiff: string;
  table: string;
  out: string;
  limit: number;
  bn: string;
  overflow: string;
  groups: number;
  'gate-images': number;
  'sub-circuit'?: string;
  'acc-circuit'?: string;
  'mul-circuit'?: string;
  'max-seconds'?: unknown;
  top?: string;
  ports?: string;
  threads?: number;
  json: boolean;
  quiet: boolean;
  queue?: string;
  root: string;
  status: boolean;
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep',
  describe: 'accuracy and cost over bits x accumulator x adder x |a-b| x table (resumable)',
  builder: (y) =>
    queueFlags(withDataFlags(y))
      .option('model', {
        type: 'string',
        demandOption: true,
        describe: 'checkpoint (.safetensors)',
      })
      .option('bits', {
        type: 'string',
        default: '8',
        describe: `comma-separated bit widths (${MIN_QUANT_BITS} to ${MAX_QUANT_BITS}; under --bn multiply-shift a layer whose accumulator plus --bits passes 52 bits is refused: wide widths may need --bn thresholds)`,
      })
      .option('acc-bits', {
        type: 'string',
        default: 'full',
        describe: 'comma-separated body accumulator widths, or full (never overflows)',
      })
      .option('adder', {
        type: 'string',
        default: 'ripple-carry',
        describe: `comma-separated adder architectures: ${ADDER_ARCHS.join(', ')}`,
      })
      .option('absdiff', {
        type: 'string',
        default: 'ones-complement',
        describe: `comma-separated |a-b| variants: ${ABSDIFF_VARIANTS.join(', ')}`,
      })
      .option('table', {
        type: 'string',
        default: 'asic-45nm-horowitz',
        describe: `comma-separated cost tables: ${tableNames().join(', ')}, or a table file`,
      })
      .option('out', {
        type: 'string',
        demandOption: true,
        describe:
          'results file (JSON lines after a header naming the sweep): a new path, or a file of this same sweep to resume; any other file is refused',
      })
      .option('limit', {
        type: 'number',
        default: 10_000,
        describe: 'the first N test images per point',
      })
      .option('bn', {
        type: 'string',
        default: DEFAULT_BN_MODE,
        describe: `BatchNorm + requantization: ${BN_MODES.join(' | ')}`,
      })
      .option('overflow', {
        type: 'string',
        default: 'wrap',
        describe: `accumulator overflow: ${ACC_OVERFLOW_MODES.join(' | ')}`,
      })
      .option('groups', { type: 'number', default: 1, describe: 'adder-layer channel groups' })
      .option('gate-images', {
        type: 'number',
        default: 100,
        describe: 'images simulated at gate level for toggles (cell tables only)',
      })
      .option('sub-circuit', {
        type: 'string',
        describe: `comma-separated adders for AdderNet's |x - w|: ${slotNames('sub').join(', ')}, netlist files, folders of them, or none (exact)`,
      })
      .option('acc-circuit', {
        type: 'string',
        describe: `comma-separated adders for the accumulators (adder and multiply layers of the body): ${slotNames('acc').join(', ')}, netlist files, folders of them, or none (exact)`,
      })
      .option('mul-circuit', {
        type: 'string',
        describe: `comma-separated multipliers: ${slotNames('mul').join(', ')}, netlist files, folders of them, or none (exact)`,
      })
      .option('top', {
        type: 'string',
        describe: 'module of the circuit files (default: their top)',
      })
      .option('ports', {
        type: 'string',
        describe: 'operand and result ports of the circuit files (default A,B:O)',
      })
      .option('threads', { type: 'number', describe: 'worker threads (default: all cores)' })
      .option('max-seconds', {
        type: 'number',
        describe: `time limit of the gate-level runs (cell tables) of the points left, checked against an estimate before any point runs; default ${DEFAULT_MAX_SECONDS}`,
      })
      .option('json', { type: 'boolean', default: false, describe: 'print the records as JSON' })
      .option('quiet', {
        type: 'boolean',
        default: false,
        describe: 'print nothing but the result file (no progress bar, no table)',
      })
      .example(
        '$0 sweep --model models/lenet5-bn-adder.safetensors --bits 4,5,6,8 --out sweep.jsonl',
        'accuracy and Horowitz energy per bit width',
      )
      .example(
        '$0 sweep --model models/lenet5-bn-adder.safetensors --bits 8 --acc-bits 10,12,14,full --out acc.jsonl --limit 2000',
        'accumulator widths (run again after an interruption to resume)',
      )
      .example(
        '$0 sweep --model models/lenet5-bn-adder.safetensors --adder ripple-carry,kogge-stone --table cells-45nm --out arch.jsonl',
        'adder architectures priced from gate-level toggles',
      )
      .example(
        '$0 sweep --model models/lenet5-bn-adder.safetensors --bits 4,6,8 --queue redis://127.0.0.1:6379/0 --out q.jsonl',
        'the points as jobs for `addersim worker` processes on any number of machines',
      )
      .example(
        '$0 sweep --model models/lenet5-bn-cnn.safetensors --mul-circuit none,truncmul:4,bam:2:6,mine/ --table cells-45nm --gate-images 8 --limit 1000 --out mul.jsonl',
        'approximate multipliers (generated, and every netlist in mine/): accuracy and energy',
      ),
  handler: async (argv) => {
    const files = { top: argv.top, ports: argv.ports };
    const sub = slotList('sub', argv['sub-circuit'], files);
    const acc = slotList('acc', argv['acc-circuit'], files);
    const mul = slotList('mul', argv['mul-circuit'], files);
    const slots = [sub, acc, mul].filter((l) => l !== undefined);
    const spec: SweepSpec = {
      model: argv.model,
      bits: intListFlag('bits', argv.bits, MIN_QUANT_BITS, MAX_QUANT_BITS),
      accBits: parseAccBitsList(String(argv['acc-bits'])),
      adders: choiceListFlag<AdderArch>('adder', argv.adder, ADDER_ARCHS),
      absdiffs: choiceListFlag<AbsDiffVariant>('absdiff', argv.absdiff, ABSDIFF_VARIANTS),
      tables: String(argv.table)
        .split(',')
        .map((t) => t.trim()),
      limit: intFlag('limit', argv.limit, 1, 10_000),
      bn: choiceFlag<BnMode>('bn', argv.bn, BN_MODES),
      overflow: choiceFlag<AccOverflow>('overflow', argv.overflow, ACC_OVERFLOW_MODES),
      groups: intFlag('groups', argv.groups, 1, MAX_GROUPS),
      gateImages: intFlag('gate-images', argv['gate-images'], 1, 10_000),
      ...dataOptions(argv),
      ...(sub === undefined ? {} : { subs: sub.keys }),
      ...(acc === undefined ? {} : { accs: acc.keys }),
      ...(mul === undefined ? {} : { muls: mul.keys }),
      ...(slots.length === 0 ? {} : { circuits: slots.flatMap((l) => l.circuits) }),
    };
    const threads =
      argv.threads === undefined ? undefined : intFlag('threads', argv.threads, 1, 64);
    const maxSeconds = maxSecondsFlag(argv['max-seconds']);
    let bar: ReturnType<typeof startProgress> | undefined;
    const onProgress = (done: number, total: number) => {
      bar ??= startProgress(total, { quiet: argv.quiet, label: 'sweep' });
      bar.update(done);
    };
    const queued = await sweepOnQueue(spec, argv.out, { ...argv, threads }, onProgress);
    if (queued.handled && !queued.result) return;
    const result =
      queued.result ?? (await runSweep(spec, argv.out, { threads, maxSeconds, onProgress }));
    bar?.stop();
    if (argv.json) {
      printJson(result.records);
      return;
    }
    if (argv.quiet) return;
    const n = (v: number | null) => (v === null ? '-' : formatNumber(v));
    printLine(
      formatTable([
        [
          'bits',
          'acc',
          'adder',
          '|a-b|',
          'circuit',
          'table',
          'accuracy',
          'energy pJ',
          'compute pJ',
          'cycles',
          'PE um2',
        ],
        ...result.records.map((r) => [
          r.bits,
          r.accBits ?? 'full',
          r.adder,
          r.absdiff,
          SLOTS.flatMap((slot) => (r[slot] === undefined ? [] : [`${slot} ${r[slot]}`])).join(
            ', ',
          ) || '-',
          r.table,
          `${(100 * r.accuracy).toFixed(2)}%`,
          n(r.energyPj),
          n(r.computePj),
          n(r.cycles),
          n(r.peAreaUm2),
        ]),
      ]),
    );
    process.stderr.write(
      `${argv.out}: ${result.records.length} points (${result.resumed} resumed, ${result.computed} computed)\n`,
    );
  },
};
