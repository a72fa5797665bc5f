import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../../errors.js';
import { checkOutputFile } from '../../fsutil.js';
import { ADDER_ARCHS } from '../../gen/adders/index.js';
import {
  type BuiltDatapath,
  buildDatapath,
  DEFAULT_DATAPATH_BITS,
} from '../../gen/build-datapath.js';
import { DATAPATH_OPS, datapathOpNames, findDatapathOp } from '../../gen/catalog.js';
import type { DatapathSpec } from '../../gen/datapath-spec.js';
import { type VerifyResult, verifyDatapath } from '../../gen/verify.js';
import { netlistMetrics } from '../../ir/metrics.js';
import { ReferenceSimulator } from '../../sim/reference.js';
import { choiceFlag, intFlag, numberFlag } from '../args.js';
import { checkDatapathMemory, DEFAULT_MAX_MEMORY_GIB } from '../datapath-budget.js';
import { datapathErrors, errorsLine } from '../datapath-errors.js';
import { type ImportArgs, importDatapath } from '../datapath-import.js';
import {
  type ActivityReport,
  activityTable,
  DELAY_MODELS,
  type DelayChoice,
  delayChoice,
  measureActivity,
  writeVcd,
  writeVerilog,
} from '../datapath-outputs.js';
import {
  checkDatapathTime,
  DEFAULT_MAX_SECONDS,
  maxSecondsFlag,
  verifyVectors,
} from '../datapath-time.js';
import { printJson, printLine } from '../output.js';
import { type Progress, startProgress } from '../progress.js';
import { randomVectors, readVectorFile, type Vector } from '../vectors.js';

export interface DatapathArgs extends ImportArgs {
  errors?: boolean;
  op?: string;
  arch?: string;
  adder?: string;
  bits?: unknown;
  signed?: boolean;
  verify?: boolean;
  vectors?: unknown;
  seed?: unknown;
  json?: boolean;
  quiet?: boolean;
  activity?: boolean;
  'delay-model'?: string;
  'cell-table'?: string;
  input?: string;
  verilog?: string;
  vcd?: string;
  'max-memory'?: unknown;
  'max-seconds'?: unknown;
}

const DEFAULT_VECTORS = 1000;
const DEFAULT_CELL_TABLE = 'cells-45nm';

/**
 * Validates the flags that choose a datapath and builds its netlist: the one place the
 * command's netlist comes from, so that further outputs (activity, Verilog, VCD) share it.
 */
function buildFromFlags(argv: DatapathArgs): BuiltDatapath {
  if (argv.netlist !== undefined) return importDatapath({ ...argv, netlist: argv.netlist });
  for (const flag of ['top', 'ports'] as const)
    if (argv[flag] !== undefined) throw new InputError(`--${flag} must come with --netlist`);
  // The op first, so that --bits is checked against the op's own range, with the flag's text.
  const spec = findDatapathOp(choiceFlag('op', argv.op, datapathOpNames())) as DatapathSpec;
  return buildDatapath({
    op: spec.op,
    arch: argv.arch,
    bits:
      argv.bits === undefined
        ? undefined
        : intFlag('bits', argv.bits, spec.widths.min, spec.widths.max),
    signed: argv.signed,
    adder: argv.adder,
  });
}

/** `--arch` help: the choices of each op, grouped when ops share them. */
function archHelp(): string {
  const groups = new Map<string, string[]>();
  for (const spec of DATAPATH_OPS) {
    const key = `${spec.archs.join(', ')} (default ${spec.defaultArch})`;
    groups.set(key, [...(groups.get(key) ?? []), spec.op]);
  }
  return [...groups].map(([archs, ops]) => `${ops.join(', ')}: ${archs}`).join('; ');
}

function approxArchHelp(): string {
  return DATAPATH_OPS.filter((s) => s.paramArchs !== undefined)
    .map(
      (s) =>
        `${s.op}: ${s.paramArchs!.map((p) => `${p.name}:${p.param} (${p.describe})`).join(', ')}`,
    )
    .join('; ');
}

function widthHelp(): string {
  const groups = new Map<string, string[]>();
  for (const spec of DATAPATH_OPS) {
    const key = `${spec.widths.min} to ${spec.widths.max}`;
    groups.set(key, [...(groups.get(key) ?? []), spec.op]);
  }
  return `operand width in bits, default ${DEFAULT_DATAPATH_BITS} (${[...groups].map(([range, ops]) => `${ops.join(', ')}: ${range}`).join('; ')})`;
}

export const datapathCommand: CommandModule<object, DatapathArgs> = {
  command: 'datapath',
  describe:
    'build one gate-level datapath (adder, |a-b|, multiplier, PE, ...), print its metrics, verify it',
  builder: (y: Argv<object>) =>
    y
      .option('op', {
        type: 'string',
        demandOption: true,
        describe: `the operation: ${DATAPATH_OPS.map((s) => `${s.op} (${s.describe})`).join('; ')}`,
      })
      .option('arch', {
        type: 'string',
        describe: `architecture, per op: ${archHelp()}; approximate, as NAME:PARAM: ${approxArchHelp()}`,
      })
      .option('adder', {
        type: 'string',
        describe: `adder inside ${DATAPATH_OPS.filter((s) => s.usesAdder)
          .map((s) => s.op)
          .join(', ')}: ${ADDER_ARCHS.join(', ')}; default ripple-carry`,
      })
      .option('bits', { type: 'number', describe: widthHelp() })
      .option('signed', {
        type: 'boolean',
        default: false,
        describe: "read operands as two's complement",
      })
      .option('verify', {
        type: 'boolean',
        default: false,
        describe:
          'simulate against the golden model: exhaustive when --bits <= 8 (and inputs <= 18 bits), else --vectors random vectors',
      })
      .option('vectors', {
        type: 'number',
        describe: `random vectors (cycles for sequential ops), default ${DEFAULT_VECTORS}`,
      })
      .option('seed', { type: 'number', default: 1, describe: 'seed of the random vectors' })
      .option('activity', {
        type: 'boolean',
        describe:
          'simulate --vectors seeded random vectors (or the --input file) and print switching activity per cell kind, under --delay-model',
      })
      .option('delay-model', {
        type: 'string',
        describe: `how --activity counts toggles: zero (each net settles once per vector; glitches not modelled), unit (one time unit per gate) or table (gate delays of --cell-table in whole ps); unit and table count every glitch (transport delay); default zero`,
      })
      .option('cell-table', {
        type: 'string',
        describe: `asic-cell table (shipped name or file) whose gate delays --delay-model table uses; default ${DEFAULT_CELL_TABLE}`,
      })
      .option('input', {
        type: 'string',
        describe:
          'CSV file of input vectors for --activity and --vcd: a header naming the input ports, then one row per vector (or clock cycle)',
      })
      .option('verilog', {
        type: 'string',
        describe: 'write the datapath as a structural Verilog module to this file',
      })
      .option('vcd', {
        type: 'string',
        describe: 'write a VCD waveform (ports and internal nets) of the vectors to this file',
      })
      .option('max-memory', {
        type: 'number',
        describe: `memory limit in GiB for --activity and --vcd, checked against an estimate before any vector is simulated; default ${DEFAULT_MAX_MEMORY_GIB}`,
      })
      .option('max-seconds', {
        type: 'number',
        describe: `time limit for --verify, --activity and --vcd, checked against an estimate before any vector is simulated; default ${DEFAULT_MAX_SECONDS}`,
      })
      .option('errors', {
        type: 'boolean',
        describe:
          'error metrics against the exact op (mae, wce, bias, mse, ep, mre); always on for approximate archs and --netlist',
      })
      .option('netlist', {
        type: 'string',
        describe:
          'import a gate netlist instead of building one: yosys JSON, or Verilog read through yosys; --op names the exact op it approximates (add, sub, mul, absdiff)',
      })
      .option('top', { type: 'string', describe: 'top module of --netlist' })
      .option('ports', {
        type: 'string',
        describe: '--netlist operand and result ports, as A,B:O (default) or a,b:sum,cout',
      })
      .option('json', { type: 'boolean', describe: 'print the metrics (and verification) as JSON' })
      .option('quiet', {
        type: 'boolean',
        default: false,
        describe: 'print nothing but the result',
      })
      .example(
        '$0 datapath --op add --arch kogge-stone --bits 32',
        'cells, depth and fan-out of a 32-bit Kogge-Stone adder',
      )
      .example(
        '$0 datapath --op absdiff --arch ones-complement --adder brent-kung --bits 8 --signed --verify',
        'check a folded |a-b| on all 65536 operand pairs',
      )
      .example(
        '$0 datapath --op sub --bits 64 --verify --vectors 5000 --seed 7 --json',
        'random-vector check of a 64-bit subtractor, as JSON',
      )
      .example(
        '$0 datapath --op mul --arch array --bits 8 --activity --delay-model table',
        'toggles of an 8x8 array multiplier with glitches, gate delays from cells-45nm',
      )
      .example(
        '$0 datapath --op pe-adder --bits 8 --activity --vectors 4096 --verilog pe.v --vcd pe.vcd',
        'toggles per cell kind of an 8-bit AdderNet PE, its Verilog and a waveform for GTKWave',
      )
      .example(
        '$0 datapath --op add --arch loa:4 --bits 8',
        'a lower-part-OR adder with 4 approximate bits: cells and exhaustive error metrics',
      )
      .example(
        '$0 datapath --netlist mul8u_FTA.v --op mul --json',
        'import an approximate 8x8 multiplier through yosys and characterise its errors',
      ),
  handler: (argv) => {
    // Output paths are refused before anything is built or simulated.
    if (argv.verilog !== undefined) checkOutputFile('--verilog', argv.verilog);
    if (argv.vcd !== undefined) checkOutputFile('--vcd', argv.vcd);
    const { spec, options, netlist } = buildFromFlags(argv);
    const vectors = intFlag('vectors', argv.vectors ?? DEFAULT_VECTORS, 1, 10_000_000);
    const seed = intFlag('seed', argv.seed ?? 1, 0, 0xffffffff);
    const delays = delayFlags(argv);
    const maxMemory =
      argv['max-memory'] === undefined
        ? DEFAULT_MAX_MEMORY_GIB
        : numberFlag('max-memory', argv['max-memory'], 0, 1024, { exclusiveMin: true });
    const maxSeconds = maxSecondsFlag(argv['max-seconds']);
    const outputs = { activity: argv.activity === true, vcd: argv.vcd !== undefined };
    const timeOf = (streamed: number) => ({
      verify: argv.verify ? verifyVectors(spec, options, netlist, vectors) : undefined,
      activity: outputs.activity ? streamed : undefined,
      vcd: outputs.vcd ? streamed : undefined,
      timed: delays.delays !== undefined,
    });
    // Random vectors are bounded before anything runs (a --verify first would take long); a
    // file's vectors once it is read, still before they are simulated.
    if (argv.input === undefined && (outputs.activity || outputs.vcd)) {
      checkDatapathMemory(netlist, vectors, outputs, maxMemory);
    }
    checkDatapathTime(netlist, timeOf(argv.input === undefined ? vectors : 0), maxSeconds);
    const metrics = netlistMetrics(netlist);
    const errors = datapathErrors({ spec, options, netlist, source: argv.netlist }, argv, seed);
    let verification: VerifyResult | undefined;
    if (argv.verify) {
      let progress: Progress | undefined;
      verification = verifyDatapath(spec, options, netlist, {
        vectors,
        seed,
        simulator: (n) => new ReferenceSimulator(n),
        onProgress: (done, total) => {
          progress ??= startProgress(total, { quiet: argv.quiet, label: 'verify' });
          progress.update(done);
        },
      });
      progress?.stop();
      if (verification.failed > 0) process.exitCode = 1;
    }
    let activity: ActivityReport | undefined;
    if (argv.activity || argv.vcd !== undefined) {
      const stream: Vector[] =
        argv.input !== undefined
          ? readVectorFile(argv.input, netlist)
          : randomVectors(netlist, spec, vectors, seed);
      // A file's rows are known once read; the simulation is still refused before it runs.
      if (argv.input !== undefined) {
        checkDatapathMemory(netlist, stream.length, outputs, maxMemory);
        checkDatapathTime(netlist, timeOf(stream.length), maxSeconds);
      }
      if (argv.activity) {
        let bar: Progress | undefined;
        activity = measureActivity(netlist, stream, delays, (done, total) => {
          bar ??= startProgress(total, { quiet: argv.quiet, label: 'activity' });
          bar.update(done);
        });
        bar?.stop();
      }
      if (argv.vcd !== undefined) writeVcd(argv.vcd, netlist, stream);
    } else if (argv.input !== undefined) {
      throw new InputError('--input must come with --activity or --vcd, which read its vectors');
    }
    if (argv.verilog !== undefined) writeVerilog(argv.verilog, netlist);
    const head = {
      op: spec.op,
      arch: options.arch,
      ...(spec.usesAdder ? { adder: options.adder } : {}),
      bits: options.width,
      signed: options.signed,
      netlist: netlist.name,
      ...(argv.netlist === undefined ? {} : { source: argv.netlist }),
    };
    if (argv.json) {
      printJson({
        ...head,
        ...metrics,
        ...(verification ? { verify: { ...verification, seed } } : {}),
        ...(errors ? { errors: errors.exhaustive ? errors : { ...errors, seed } } : {}),
        ...(activity ? { activity } : {}),
      });
      return;
    }
    printLine(
      `${netlist.name}: ${spec.op}, ${options.arch}${spec.usesAdder ? ` with ${options.adder}` : ''}, ${options.width} bits, ${options.signed ? 'signed' : 'unsigned'}`,
    );
    const byType = Object.entries(metrics.cellsByType)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ');
    const rows: [string, string][] = [
      ['cells', `${metrics.cells} (${byType})`],
      ['primitive cells', `${metrics.primitiveCells} (fa = 5 gates, ha = 2)`],
      ['depth', `${metrics.depth} gate levels`],
      ['max fan-out', `${metrics.maxFanout}`],
      ['registers', `${metrics.registers}`],
    ];
    for (const [key, text] of rows) printLine(`${key.padEnd(16)} ${text}`);
    if (verification) printLine(verifyLine(verification, seed));
    if (errors) printLine(errorsLine(errors, seed));
    if (activity) printLine(activityTable(activity));
    if (!argv.quiet) {
      if (argv.verilog !== undefined) process.stderr.write(`wrote ${argv.verilog}\n`);
      if (argv.vcd !== undefined) process.stderr.write(`wrote ${argv.vcd}\n`);
    }
  },
};

/** The delay model of --activity, checked before any simulation runs. */
function delayFlags(argv: DatapathArgs): DelayChoice {
  const model =
    argv['delay-model'] === undefined
      ? 'zero'
      : choiceFlag('delay-model', argv['delay-model'], DELAY_MODELS);
  if (argv['delay-model'] !== undefined && !argv.activity) {
    throw new InputError('--delay-model must come with --activity, whose toggles it counts');
  }
  if (argv['cell-table'] !== undefined && model !== 'table') {
    throw new InputError('--cell-table must come with --delay-model table, which reads its delays');
  }
  return delayChoice(model, argv['cell-table'] ?? DEFAULT_CELL_TABLE, '--cell-table');
}

function verifyLine(v: VerifyResult, seed: number): string {
  const how = v.mode === 'exhaustive' ? 'exhaustive' : `random, seed ${seed}`;
  const head = `verify: ${v.passed} of ${v.vectors} vectors passed (${how})`;
  if (!v.firstMismatch) return head;
  const show = (r: Record<string, bigint>) =>
    Object.entries(r)
      .map(([k, x]) => `${k}=${x}`)
      .join(' ');
  const m = v.firstMismatch;
  return `${head}\nfirst mismatch${m.cycle === undefined ? '' : ` at cycle ${m.cycle}`}: inputs ${show(m.inputs)}; expected ${show(m.expected)}; got ${show(m.actual)}`;
}
