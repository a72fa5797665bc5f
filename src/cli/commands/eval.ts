import type { CommandModule } from 'yargs';
import { InputError } from '../../errors.js';
import { evaluateAccuracy, loadMnist, loadModel } from '../../nn/index.js';
import { intFlag } from '../args.js';
import { printJson, printLine } from '../output.js';
import { type Progress, startProgress } from '../progress.js';

interface EvalArgs {
  model: string;
  limit?: number;
  json: boolean;
  quiet: boolean;
}

export const evalCommand: CommandModule<object, EvalArgs> = {
  command: 'eval',
  describe: 'test-set accuracy of a checkpoint (float inference)',
  builder: (y) =>
    y
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
      .example('$0 eval --model models/lenet5-bn-cnn.safetensors --limit 1000 --json', 'as JSON'),
  handler: (argv) => {
    const limit = argv.limit === undefined ? undefined : intFlag('limit', argv.limit, 1, 1_000_000);
    const { model, checkpoint } = loadModel(argv.model);
    if (checkpoint.metadata.dataset !== 'mnist') {
      throw new InputError(
        `${argv.model}: dataset must be mnist to evaluate, not ${JSON.stringify(checkpoint.metadata.dataset ?? null)}`,
      );
    }
    let bar: Progress | undefined;
    const r = evaluateAccuracy(model, loadMnist('test'), {
      limit,
      onProgress: (done, total) => {
        bar ??= startProgress(total, { quiet: argv.quiet || argv.json, label: 'eval' });
        bar.update(done);
      },
    });
    bar?.stop();
    if (argv.json) {
      printJson({ model: argv.model, accuracy: r.accuracy, correct: r.correct, total: r.total });
    } else {
      printLine(
        `${argv.model}: test accuracy ${(100 * r.accuracy).toFixed(2)}% (${r.correct}/${r.total})`,
      );
    }
  },
};
