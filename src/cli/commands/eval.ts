import type { CommandModule } from 'yargs';
import { evaluateAccuracy, loadModel } from '../../nn/index.js';
import { testSetFor } from '../../pipeline/datasets.js';
import { intFlag } from '../args.js';
import { type DataArgs, withDataFlags } from '../data-flags.js';
import { printJson, printLine } from '../output.js';
import { type Progress, startProgress } from '../progress.js';

interface EvalArgs extends DataArgs {
  model: string;
  limit?: number;
  json: boolean;
  quiet: boolean;
}

export const evalCommand: CommandModule<object, EvalArgs> = {
  command: 'eval',
  describe: 'test-set accuracy of a checkpoint (float inference)',
  builder: (y) =>
    withDataFlags(y)
      .option('model', {
        type: 'string',
        demandOption: true,
        describe: 'checkpoint (.safetensors)',
      })
      .option('limit', { type: 'number', describe: 'evaluate the first N test images only' })
      .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' })
      .option('quiet', {
        type: 'boolean',
        default: false,
        describe: 'print nothing but the result',
      })
      .example('$0 eval --model models/lenet5-bn-adder.safetensors', 'MNIST test accuracy')
      .example('$0 eval --model models/lenet5-bn-cnn.safetensors --limit 1000 --json', 'as JSON')
      .example(
        '$0 eval --model resnet20.safetensors --data cifar10:cifar-10-batches-bin',
        'CIFAR-10',
      ),
  handler: (argv) => {
    const limit = argv.limit === undefined ? undefined : intFlag('limit', argv.limit, 1, 1_000_000);
    const { model, checkpoint } = loadModel(argv.model);
    const test = testSetFor(checkpoint, argv.model, argv.data);
    let bar: Progress | undefined;
    const r = evaluateAccuracy(model, test, {
      limit,
      onProgress: (done, total) => {
        bar ??= startProgress(total, { quiet: argv.quiet || argv.json, label: 'eval' });
        bar.update(done);
      },
    });
    bar?.stop();
    if (argv.json) {
      printJson({
        model: argv.model,
        data: argv.data ?? 'mnist',
        accuracy: r.accuracy,
        correct: r.correct,
        total: r.total,
      });
    } else {
      printLine(
        `${argv.model}: test accuracy ${(100 * r.accuracy).toFixed(2)}% (${r.correct}/${r.total})`,
      );
    }
  },
};
