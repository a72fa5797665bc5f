import type { CommandModule } from 'yargs';
import { checkOutputFile } from '../../fsutil.js';
import { importCheckpoint, parseMapRules, VARIANTS } from '../../nn/index.js';
import { choiceFlag, numberFlag } from '../args.js';
import { printJson, printLine } from '../output.js';

interface ImportArgs {
  file: string;
  net: string;
  variant: string;
  out: string;
  mean?: string;
  std?: string;
  map?: string;
  json: boolean;
  quiet: boolean;
}

/** A comma-separated list of numbers, each checked like a single number flag. */
function numberList(flag: string, value: unknown, min: number, positive: boolean): number[] {
  return String(value)
    .split(',')
    .map((s) => numberFlag(flag, s.trim(), min, 1000, { exclusiveMin: positive }));
}

export const importCommand: CommandModule<object, ImportArgs> = {
  command: 'import <file>',
  describe:
    'convert a PyTorch checkpoint (.pth zip or legacy, or safetensors) into an addersim checkpoint',
  builder: (y) =>
    y
      .positional('file', {
        type: 'string',
        demandOption: true,
        describe:
          'the checkpoint: torch.save zip or legacy format, or safetensors with PyTorch names',
      })
      .option('net', {
        type: 'string',
        demandOption: true,
        describe: 'architecture: a name in models/arch (lenet5, resnet20, ...) or a file',
      })
      .option('variant', {
        type: 'string',
        demandOption: true,
        describe: `one of ${VARIANTS.join(', ')}`,
      })
      .option('out', {
        type: 'string',
        demandOption: true,
        describe: 'checkpoint file to write (.safetensors)',
      })
      .option('mean', {
        type: 'string',
        describe: 'input normalisation mean per channel, a,b,c (default: the dataset usual)',
      })
      .option('std', { type: 'string', describe: 'input normalisation std per channel, a,b,c' })
      .option('map', {
        type: 'string',
        describe:
          'renaming rules old=new,... (dot-separated name prefixes; empty new drops the prefix)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' })
      .option('quiet', {
        type: 'boolean',
        default: false,
        describe: 'print nothing but the result',
      })
      .example(
        '$0 import ResNet20-AdderNet.pth --net resnet20 --variant addernet --mean 0.4914,0.4822,0.4465 --std 0.2023,0.1994,0.2010 --out resnet20-adder.safetensors',
        'the official AdderNet ResNet-20',
      )
      .example(
        '$0 import lenet.pth --net lenet5 --variant cnn --map features.0=conv1 --out lenet.safetensors',
        'renaming a layer',
      ),
  handler: (argv) => {
    checkOutputFile('--out', argv.out);
    const variant = choiceFlag('variant', argv.variant, VARIANTS);
    const mean = argv.mean === undefined ? undefined : numberList('mean', argv.mean, -1000, false);
    const std = argv.std === undefined ? undefined : numberList('std', argv.std, 0, true);
    const rules = argv.map === undefined ? [] : parseMapRules(String(argv.map));
    const r = importCheckpoint({
      file: argv.file,
      net: argv.net,
      variant,
      out: argv.out,
      mean,
      std,
      rules,
    });
    if (argv.json) {
      printJson(r);
      return;
    }
    if (r.normalisationDefault && !argv.quiet) {
      process.stderr.write(
        `note: normalisation is ${r.dataset}'s usual mean ${r.mean.join(',')} std ${r.std.join(',')}; give --mean and --std if the network was trained with others\n`,
      );
    }
    // Four significant digits for reading; --json has the exact values.
    const adder = r.adderWeights
      ? `, adder weights ${r.adderWeights.min.toPrecision(4)} to ${r.adderWeights.max.toPrecision(4)}`
      : '';
    printLine(
      `${r.file}: ${r.format}, ${r.tensors} tensors (${r.parameters} values${r.ignored ? `, ${r.ignored} num_batches_tracked ignored` : ''}) -> ${r.net} ${r.variant}${adder} -> ${r.out}`,
    );
  },
};
