import type { CommandModule } from 'yargs';
import { formatNumber } from '../../cost/estimate.js';
import { opKey } from '../../cost/ops.js';
import { tableNames } from '../../cost/tables.js';
import { BACKENDS, type Backend } from '../../engine/kernels/registry.js';
import { ABSDIFF_VARIANTS, type AbsDiffVariant } from '../../gen/absdiff/index.js';
import { ADDER_ARCHS, type AdderArch } from '../../gen/adders/index.js';
import { SLOT_FLAGS, SLOTS, slotNames } from '../../gen/approx/slots.js';
import { MULTIPLIER_ARCHS, type MultiplierArch } from '../../gen/multipliers/index.js';
import { inferCheckpoint, type NetworkResult } from '../../pipeline/index.js';
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
import { choiceFlag, intFlag } from '../args.js';
import { type DataArgs, dataOptions, withDataFlags } from '../data-flags.js';
import { DEFAULT_MAX_SECONDS, maxSecondsFlag } from '../datapath-time.js';
import { MUL_IMPL_OPTION, tablesWithMultiplier } from '../mul-impl.js';
import { formatTable, printJson, printLine } from '../output.js';
import { startProgress } from '../progress.js';
import { slotChoice } from '../slot-circuits.js';

interface InferArgs extends DataArgs {
  model: string;
  'mul-impl'?: string;
  bits: number;
  backend: string;
  limit?: number;
  table?: string;
  bn: string;
  'acc-bits'?: number;
  overflow: string;
  adder: string;
  absdiff: string;
  multiplier: string;
  'sub-circuit'?: string;
  'acc-circuit'?: string;
  'mul-circuit'?: string;
  'max-seconds'?: unknown;
  top?: string;
  ports?: string;
  groups: number;
  threads?: number;
  json: boolean;
  quiet: boolean;
}

export const inferCommand: CommandModule<object, InferArgs> = {
  command: 'infer',
  describe: 'bit-accurate integer inference of a checkpoint: accuracy, exact counts, costs',
  builder: (y) =>
    withDataFlags(y)
      .option('model', {
        type: 'string',
        demandOption: true,
        describe: 'checkpoint (.safetensors) or an ONNX model (run as its CNN)',
      })
      .option('bits', {
        type: 'number',
        default: 8,
        describe: `activation and weight width (${MIN_QUANT_BITS} to ${MAX_QUANT_BITS}; under --bn multiply-shift a layer whose accumulator plus --bits passes 52 bits is refused: wide widths may need --bn thresholds)`,
      })
      .option('backend', {
        type: 'string',
        default: 'functional',
        describe: `${BACKENDS.join(' | ')}: integer kernels, or every arithmetic op through netlists`,
      })
      .option('limit', { type: 'number', describe: 'the first N test images (default all)' })
      .option('mul-impl', MUL_IMPL_OPTION)
      .option('table', {
        type: 'string',
        describe: `comma-separated cost tables (default all): ${tableNames().join(', ')}, or a table file`,
      })
      .option('bn', {
        type: 'string',
        default: DEFAULT_BN_MODE,
        describe: `BatchNorm + requantization after each accumulator: ${BN_MODES.join(' | ')} (multiply-shift: a b-bit multiply and an add per element, as the budget counts it; thresholds: comparisons only)`,
      })
      .option('acc-bits', {
        type: 'number',
        describe: "force the body layers' accumulators this narrow (default: never overflows)",
      })
      .option('overflow', {
        type: 'string',
        default: 'wrap',
        describe: `accumulator overflow: ${ACC_OVERFLOW_MODES.join(' | ')}`,
      })
      .option('adder', {
        type: 'string',
        default: 'ripple-carry',
        describe: 'adder architecture (gate backend)',
      })
      .option('absdiff', {
        type: 'string',
        default: 'ones-complement',
        describe: `|a-b| variant (gate backend): ${ABSDIFF_VARIANTS.join(', ')}`,
      })
      .option('multiplier', {
        type: 'string',
        default: 'array',
        describe: `multiplier architecture (gate backend): ${MULTIPLIER_ARCHS.join(', ')}`,
      })
      .option('sub-circuit', {
        type: 'string',
        describe: `AdderNet layers: the adder inside |x - w|, a netlist file (.v, .json) or ${slotNames('sub').join(', ')}`,
      })
      .option('acc-circuit', {
        type: 'string',
        describe: `adder and multiply layers of the body: the accumulators' adder, at their width (--acc-bits), a netlist file (.v, .json) or ${slotNames('acc').join(', ')}`,
      })
      .option('mul-circuit', {
        type: 'string',
        describe: `multiply layers: the multiplier, a netlist file (.v, .json) or ${slotNames('mul').join(', ')}`,
      })
      .option('top', { type: 'string', describe: 'module of a circuit file (default: its top)' })
      .option('ports', {
        type: 'string',
        describe: 'operand and result ports of a circuit file (default A,B:O)',
      })
      .option('groups', {
        type: 'number',
        default: 1,
        describe: 'adder layers: output-channel groups with their own shared scale',
      })
      .option('threads', { type: 'number', describe: 'worker threads (default: all cores)' })
      .option('max-seconds', {
        type: 'number',
        describe: `time limit of a --backend gate run, checked against an estimate before any image runs; default ${DEFAULT_MAX_SECONDS}`,
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print the full result as JSON',
      })
      .option('quiet', {
        type: 'boolean',
        default: false,
        describe: 'print nothing but the result (no progress bar or notes)',
      })
      .example('$0 infer --model models/lenet5-bn-adder.safetensors', '8-bit AdderNet, all tables')
      .example(
        '$0 infer --model models/lenet5-bn-cnn.safetensors --bits 4 --limit 1000 --json',
        '4-bit CNN on 1000 images, as JSON',
      )
      .example(
        '$0 infer --model models/lenet5-bn-adder.safetensors --backend gate --adder kogge-stone --table cells-45nm --limit 200',
        'gate level: toggles and energy of Kogge-Stone adders',
      )
      .example(
        '$0 infer --model models/lenet5-bn-adder.safetensors --acc-bits 12 --overflow sat',
        'a 12-bit saturating accumulator',
      )
      .example(
        '$0 infer --model models/lenet5-bn-cnn.safetensors --mul-circuit bam:2:6 --limit 1000',
        'a broken-array multiplier in every multiply layer',
      )
      .example(
        '$0 infer --model models/lenet5-bn-adder.safetensors --acc-circuit loa:6 --limit 1000',
        'lower-part-OR adders as every accumulator',
      ),
  handler: async (argv) => {
    const files = { top: argv.top, ports: argv.ports };
    const sub =
      argv['sub-circuit'] === undefined ? undefined : slotChoice('sub', argv['sub-circuit'], files);
    const mul =
      argv['mul-circuit'] === undefined ? undefined : slotChoice('mul', argv['mul-circuit'], files);
    const acc =
      argv['acc-circuit'] === undefined ? undefined : slotChoice('acc', argv['acc-circuit'], files);
    const options = {
      bits: intFlag('bits', argv.bits, MIN_QUANT_BITS, MAX_QUANT_BITS),
      backend: choiceFlag<Backend>('backend', argv.backend, BACKENDS),
      limit: argv.limit === undefined ? undefined : intFlag('limit', argv.limit, 1, 10_000),
      tables: tablesWithMultiplier(
        argv.table?.split(',').map((t) => t.trim()),
        argv['mul-impl'],
      ),
      bn: choiceFlag<BnMode>('bn', argv.bn, BN_MODES),
      accBits:
        argv['acc-bits'] === undefined ? undefined : intFlag('acc-bits', argv['acc-bits'], 1, 64),
      overflow: choiceFlag<AccOverflow>('overflow', argv.overflow, ACC_OVERFLOW_MODES),
      datapath: {
        adder: choiceFlag<AdderArch>('adder', argv.adder, ADDER_ARCHS),
        absdiff: choiceFlag<AbsDiffVariant>('absdiff', argv.absdiff, ABSDIFF_VARIANTS),
        multiplier: choiceFlag<MultiplierArch>('multiplier', argv.multiplier, MULTIPLIER_ARCHS),
        ...(sub === undefined ? {} : { sub: sub.key }),
        ...(mul === undefined ? {} : { mul: mul.key }),
        ...(acc === undefined ? {} : { acc: acc.key }),
      },
      circuits: [sub?.circuit, acc?.circuit, mul?.circuit].filter((c) => c !== undefined),
      groups: intFlag('groups', argv.groups, 1, MAX_GROUPS),
      threads: argv.threads === undefined ? undefined : intFlag('threads', argv.threads, 1, 64),
      maxSeconds: maxSecondsFlag(argv['max-seconds']),
      ...dataOptions(argv),
    };
    let bar: ReturnType<typeof startProgress> | undefined;
    const result = await inferCheckpoint(argv.model, {
      ...options,
      onProgress: (done, total) => {
        bar ??= startProgress(total, { quiet: argv.quiet, label: 'infer' });
        bar.update(done);
      },
    });
    bar?.stop();
    if (result.data.note !== null) process.stderr.write(`note: ${result.data.note}\n`);
    if (argv.json) {
      printJson(result);
      return;
    }
    printSummary(result, argv.quiet);
  },
};

function percent(x: number | null): string {
  return x === null ? '-' : `${(100 * x).toFixed(2)}%`;
}

function printSummary(r: NetworkResult, quiet: boolean): void {
  const circuits = SLOTS.filter((slot) => r.datapath[slot] !== undefined).map(
    (slot) => `${SLOT_FLAGS[slot]} ${r.datapath[slot]}`,
  );
  printLine(
    `${r.architecture} ${r.variant}, ${r.bits}-bit, BatchNorm by ${r.quant.bn}, ${r.backend} backend, ${r.images} test images${circuits.length === 0 ? '' : `, ${circuits.join(', ')}`}`,
  );
  printLine(
    `accuracy ${percent(r.accuracy)} (${r.correct}/${r.images}); float ${percent(r.floatAccuracy)}; overflow events ${r.overflowEvents} of ${r.accumulations} accumulations`,
  );
  printLine(`per inference: ${r.counts.map((c) => `${opKey(c)} x ${c.count}`).join(', ')}`);
  printLine();
  const rows: (string | number)[][] = [
    ['table', 'energy pJ', 'compute pJ', 'memory pJ', 'cycles', 'PE'],
  ];
  for (const c of r.costs) {
    const pe = c.pe
      ? c.pe.areaUm2 !== null
        ? `${formatNumber(c.pe.areaUm2)} um2`
        : c.pe.luts !== undefined
          ? `${c.pe.luts} LUT ${c.pe.dsps} DSP`
          : '-'
      : '-';
    const n = (v: number | null | undefined) =>
      v === null || v === undefined ? '-' : formatNumber(v);
    rows.push([c.table, n(c.energyPj), n(c.computePj), n(c.memoryPj), n(c.cycles), pe]);
  }
  printLine(formatTable(rows));
  for (const c of r.costs) {
    if (c.computeZeroDelayPj === undefined) continue;
    printLine(
      `${c.table}: compute timing-aware (zero-delay toggles x glitch factors, an estimate); zero-delay ${c.computeZeroDelayPj === null ? '-' : formatNumber(c.computeZeroDelayPj)} pJ`,
    );
  }
  if (!quiet) {
    const opLevel = r.costs.filter((c) => c.kind !== 'asic-cell').map((c) => c.table);
    if (circuits.length > 0 && opLevel.length > 0)
      process.stderr.write(
        `note: ${opLevel.join(', ')} ${opLevel.length === 1 ? 'prices' : 'price'} the counted operations, the same whatever circuit does them; only cell tables (--table cells-45nm) price the circuits\n`,
      );
    const notes = new Set(r.costs.flatMap((c) => c.notPriced.map((n) => `${c.table}: ${n}`)));
    for (const note of notes) process.stderr.write(`note: ${note}\n`);
  }
}
