import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { MUL_IMPLS, type MulImpl } from '../../cost/table-types.js';
import { InputError, show } from '../../errors.js';
import { BROWSER_ENV, FIRST_SCREEN, findBrowser, noBrowserMessage } from '../../report/browser.js';
import { checkReportFolder } from '../../report/folder.js';
import { writeReport } from '../../report/write.js';
import { approxStudy } from '../../study/approx.js';
import { headlineRows } from '../../study/headline.js';
import { runStudy } from '../../study/index.js';
import type { StudyProgress } from '../../study/options.js';
import { DEFAULT_BITS, DEFAULT_SEED, MAX_BITS, MIN_BITS } from '../../study/options.js';
import { choiceFlag, intFlag } from '../args.js';
import { MUL_IMPL_OPTION } from '../mul-impl.js';
import { formatTable, printJson, printLine } from '../output.js';
import { type Progress, startProgress } from '../progress.js';

interface ReportArgs {
  name: string;
  out?: string;
  bits: number;
  seed: number;
  limit?: number;
  full: boolean;
  'mul-impl'?: string;
  addernet?: string;
  cnn?: string;
  bnn?: string;
  json: boolean;
  quiet: boolean;
  pdf: boolean;
  screenshot: boolean;
  approx?: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function nameFlag(value: unknown): string {
  if (typeof value !== 'string' || !NAME.test(value)) {
    throw new InputError(
      `--name must be a folder name of letters, digits, '.', '_' and '-', not ${show(value)}`,
    );
  }
  return value;
}

/** One progress bar per study stage, on stderr when it is a terminal. */
function stageBars(quiet: boolean): StudyProgress {
  let bar: Progress | undefined;
  return {
    stage(name, total) {
      bar?.stop();
      bar = startProgress(total, { quiet, label: name.padEnd(11) });
    },
    tick(done) {
      bar?.update(done);
    },
    done() {
      bar?.stop();
      bar = undefined;
    },
  };
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report',
  describe:
    'the full study: accuracy, energy, cycles, area and adder architectures of AdderNet, CNN and BNN, written as a report folder (BatchNorm requantization: multiply-shift, the default of every command; thresholds shown beside it)',
  builder: (y) =>
    y
      .option('name', {
        type: 'string',
        default: 'latest',
        describe: 'report name: the folder reports/<name>/',
      })
      .option('out', {
        type: 'string',
        describe:
          'write the report into this folder instead: new, empty or an earlier report (replaced whole); checked before the study runs',
      })
      .option('bits', {
        type: 'number',
        default: DEFAULT_BITS,
        describe: `bit width costs and the verdict are quoted at (${MIN_BITS} to ${MAX_BITS})`,
      })
      .option('seed', {
        type: 'number',
        default: DEFAULT_SEED,
        describe: 'seed of every random choice; the same seed gives the same results.json',
      })
      .option('limit', {
        type: 'number',
        describe: 'count accuracy over the first N test images only (default: all)',
      })
      .option('mul-impl', MUL_IMPL_OPTION)
      .option('full', {
        type: 'boolean',
        default: false,
        describe:
          'wider sweeps, the CNN accumulator curve, more images for the adder toggles and the gate-level backend over every test image (about an hour on 2 cores)',
      })
      .option('addernet', { type: 'string', describe: 'AdderNet checkpoint (.safetensors)' })
      .option('cnn', {
        type: 'string',
        describe: 'CNN checkpoint (.safetensors) or ONNX model',
      })
      .option('bnn', { type: 'string', describe: 'BNN checkpoint (.safetensors)' })
      .option('pdf', {
        type: 'boolean',
        default: false,
        describe: `also write report.pdf, printed from report.html by headless Chromium (${BROWSER_ENV} or chromium on the PATH)`,
      })
      .option('screenshot', {
        type: 'boolean',
        default: false,
        describe: `also write first-screen.png, the first ${FIRST_SCREEN.width}x${FIRST_SCREEN.height} pixels of report.html in headless Chromium`,
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print the folder, files, headline and verdict as JSON',
      })
      .option('quiet', {
        type: 'boolean',
        default: false,
        describe: 'print nothing but the report folder',
      })
      .option('approx', {
        type: 'string',
        describe:
          'comma-separated sweep results over --sub-circuit / --acc-circuit / --mul-circuit (cell table): adds the "Approximate arithmetic" section',
      })
      .example('$0 report', 'the default report of the shipped MNIST models into reports/latest/')
      .example('$0 report --name int4 --bits 4', 'costs and verdict at 4 bits, in reports/int4/')
      .example('$0 report --limit 1000 --out /tmp/quick', 'a quick report on 1,000 test images')
      .example('$0 report --full --name full', 'wider sweeps, gate-level figures on more images')
      .example('$0 report --pdf', 'the report and report.pdf, for pasting into a paper'),
  handler: async (argv) => {
    const started = process.hrtime.bigint();
    const name = nameFlag(argv.name);
    const folder = argv.out ?? join('reports', name);
    const label = argv.out === undefined ? 'report folder' : '--out';
    // Refused before the study runs (minutes), not after.
    checkReportFolder(folder, label);
    const browser = argv.pdf || argv.screenshot ? findBrowser() : null;
    if ((argv.pdf || argv.screenshot) && browser === null) {
      throw new InputError(noBrowserMessage(argv.pdf ? '--pdf' : '--screenshot'));
    }
    const limit = argv.limit === undefined ? undefined : intFlag('limit', argv.limit, 1, 1_000_000);
    // Read before the study runs, so a bad results file is refused at once.
    const approx =
      argv.approx === undefined ? undefined : approxStudy(String(argv.approx).split(','));
    const results = await runStudy({
      bits: intFlag('bits', argv.bits, MIN_BITS, MAX_BITS),
      seed: intFlag('seed', argv.seed, 0, 2 ** 32 - 1),
      limit,
      full: argv.full,
      ...(argv['mul-impl'] === undefined
        ? {}
        : { mulImpl: choiceFlag<MulImpl>('mul-impl', argv['mul-impl'], MUL_IMPLS) }),
      checkpoints: { addernet: argv.addernet, cnn: argv.cnn, bnn: argv.bnn },
      progress: stageBars(argv.quiet || argv.json),
    });
    const written = writeReport(folder, results, {
      label,
      approx,
      browser:
        browser === null
          ? undefined
          : { path: browser, pdf: argv.pdf, screenshot: argv.screenshot },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (argv.json) {
      printJson({
        folder,
        files: written.files,
        headline: headlineRows(results),
        verdict: written.verdict.summary,
      });
    } else if (argv.quiet) {
      printLine(folder);
    } else {
      const charts = written.charts.length;
      printLine(`report written to ${folder}/ (${written.files.length} files, ${charts} charts)`);
      printLine();
      printLine(formatTable(headlineRows(results)));
      printLine();
      for (const line of written.verdict.summary) printLine(`- ${line}`);
      if (written.chartFont === null) {
        process.stderr.write('note: no font installed, so the charts carry no text\n');
      }
    }
    if (!argv.quiet) process.stderr.write(`wall time ${seconds.toFixed(1)} s\n`);
  },
};
