import type { CommandModule } from 'yargs';
import { InputError } from '../../errors.js';
import { checkOutputFile } from '../../fsutil.js';
import {
  importCheckpoint,
  importOnnx,
  isOnnxFile,
  parseMapRules,
  VARIANTS,
} from '../../nn/index.js';
import { choiceFlag, numberFlag } from '../args.js';
import { printJson, printLine } from '../output.js';

interface ImportArgs {
  file: string;
  net?: string;
  variant?: string;
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
    'convert a PyTorch checkpoint (.pth zip or legacy, or safetensors) or an ONNX model into an addersim checkpoint',
  builder: (y) =>
    y
      .positional('file', {
        type: 'string',
        demandOption: true,
        describe:
          'the checkpoint: torch.save zip or legacy format, safetensors with PyTorch names, or an ONNX model (its graph and weights)',
      })
      .option('net', {
        type: 'string',
        describe:
          'architecture of a PyTorch checkpoint: a name in models/arch (lenet5, resnet20, ...) or a file (ONNX models carry their own)',
      })
      .option('variant', {
        type: 'string',
        describe: `variant of a PyTorch checkpoint: one of ${VARIANTS.join(', ')} (an ONNX model is a cnn)`,
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
      )
      .example('$0 import lenet5.onnx --out lenet5.safetensors', 'an ONNX model (a CNN)'),
  handler: (argv) => {
    checkOutputFile('--out', argv.out);
    const mean = argv.mean === undefined ? undefined : numberList('mean', argv.mean, -1000, false);
    const std = argv.std === undefined ? undefined : numberList('std', argv.std, 0, true);
    if (isOnnxFile(argv.file)) {
      importOnnxFile(argv, mean, std);
      return;
    }
    for (const flag of ['net', 'variant'] as const) {
      if (argv[flag] === undefined) {
        throw new InputError(
          `--${flag} must be given for a PyTorch checkpoint or safetensors file (${argv.file} is not an ONNX model)`,
        );
      }
    }
    const variant = choiceFlag('variant', argv.variant, VARIANTS);
    const rules = argv.map === undefined ? [] : parseMapRules(String(argv.map));
    const r = importCheckpoint({
      file: argv.file,
      net: argv.net as string,
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

function importOnnxFile(argv: ImportArgs, mean?: number[], std?: number[]): void {
  for (const flag of ['net', 'variant', 'map'] as const) {
    if (argv[flag] !== undefined && !(flag === 'variant' && argv.variant === 'cnn')) {
      throw new InputError(
        `--${flag} must not be given for an ONNX model (its graph, names and cnn weights come from the file), not ${JSON.stringify(argv[flag])}`,
      );
    }
  }
  const r = importOnnx({ file: argv.file, out: argv.out, mean, std });
  if (argv.json) {
    printJson(r);
    return;
  }
  if (!argv.quiet && mean === undefined) {
    process.stderr.write(
      r.normalisation === ''
        ? `note: ${r.dataset} input has no usual normalisation; give --mean and --std to record the network's\n`
        : `note: normalisation is ${r.normalisation}; give --mean and --std if the network was trained with others\n`,
    );
  }
  printLine(
    `${r.file}: ${r.format}, ${r.nodes} nodes, ${r.tensors} tensors (${r.parameters} values) -> ${r.net} cnn -> ${r.out}`,
  );
}
