import type { CommandModule } from 'yargs';
import { VARIANTS } from '../../nn/graph.js';
import { loadMnist, runTraining, zooEntry, zooGraph } from '../../nn/index.js';
import { checkTrainOutputs } from '../../nn/train-state.js';
import { TRAINABLE_NETS, zooModel } from '../../nn/zoo.js';
import { intFlag, numberFlag } from '../args.js';
import { printJson, printLine } from '../output.js';
import { startProgress } from '../progress.js';

interface TrainArgs {
  net: string;
  variant: string;
  epochs: number;
  seed: number;
  batch: number;
  lr?: number;
  shift: number;
  limit?: number;
  testLimit?: number;
  out: string;
  resume: boolean;
  quiet: boolean;
  json: boolean;
}

export const trainCommand: CommandModule<object, TrainArgs> = {
  command: 'train',
  describe: 'train a LeNet-5-BN (AdderNet, CNN or BNN) on MNIST and write a safetensors checkpoint',
  builder: (y) =>
    y
      .option('net', {
        type: 'string',
        demandOption: true,
        describe: `network architecture: ${TRAINABLE_NETS.join(', ')}`,
      })
      .option('variant', {
        type: 'string',
        demandOption: true,
        describe: VARIANTS.join(' | '),
      })
      .option('epochs', {
        type: 'number',
        default: 10,
        describe: 'epochs (cosine decay spans them)',
      })
      .option('seed', {
        type: 'number',
        default: 1,
        describe: 'seed of initialisation and shuffling',
      })
      .option('batch', { type: 'number', default: 64, describe: 'minibatch size' })
      .option('lr', {
        type: 'number',
        describe: 'initial learning rate (default: per model, 0.1 AdderNet)',
      })
      .option('shift', {
        type: 'number',
        default: 0,
        describe: 'random shift augmentation, ± pixels',
      })
      .option('limit', { type: 'number', describe: 'train on the first N images only' })
      .option('test-limit', {
        type: 'number',
        describe: 'measure accuracy on the first N test images',
      })
      .option('out', { type: 'string', demandOption: true, describe: 'checkpoint file to write' })
      .option('resume', {
        type: 'boolean',
        default: false,
        describe: 'continue an interrupted run of --out',
      })
      .option('quiet', {
        type: 'boolean',
        default: false,
        describe: 'print nothing but the result: no progress bar or epoch lines',
      })
      .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' })
      .example(
        '$0 train --net lenet5 --variant addernet --epochs 10 --out models/lenet5-bn-adder.safetensors',
        'train the AdderNet LeNet-5-BN',
      )
      .example(
        '$0 train --net lenet5 --variant cnn --epochs 1 --limit 2000 --out /tmp/cnn.safetensors',
        'a quick run',
      ),
  handler: (argv) => {
    const model = zooModel(String(argv.net), String(argv.variant));
    const epochs = intFlag('epochs', argv.epochs, 1, 1000);
    const seed = intFlag('seed', argv.seed, 0, 2 ** 31 - 1);
    const batch = intFlag('batch', argv.batch, 1, 4096);
    const shift = intFlag('shift', argv.shift, 0, 8);
    const limit = argv.limit === undefined ? undefined : intFlag('limit', argv.limit, batch, 60000);
    const testLimit =
      argv.testLimit === undefined ? undefined : intFlag('test-limit', argv.testLimit, 1, 10000);
    const lr =
      argv.lr === undefined
        ? zooEntry(model).lr
        : numberFlag('lr', argv.lr, 0, 10, { exclusiveMin: true });
    // Both files training writes are refused before the data is even loaded.
    checkTrainOutputs(argv.out, argv.resume);
    const train = loadMnist('train');
    const test = loadMnist('test');
    const quiet = argv.quiet || argv.json;
    let bar: ReturnType<typeof startProgress> | undefined;
    const result = runTraining({
      modelName: model,
      graph: zooGraph(model),
      out: argv.out,
      resume: argv.resume,
      epochs,
      seed,
      batch,
      lr,
      shift,
      limit,
      testLimit,
      train,
      test,
      onBatch: (p) => {
        // Without a terminal (logs, CI) the bar is off: a line every tenth of an epoch instead.
        if (!quiet && !process.stderr.isTTY && p.batch % Math.ceil(p.batches / 10) === 0) {
          process.stderr.write(
            `epoch ${p.epoch + 1}/${epochs} batch ${p.batch}/${p.batches}: loss ${p.loss.toFixed(4)}, acc ${(100 * p.accuracy).toFixed(2)}%, ${p.imagesPerSecond.toFixed(0)} img/s\n`,
          );
        }
        bar ??= startProgress(p.batches, {
          quiet,
          format: 'epoch {epoch} [{bar}] {value}/{total} loss {loss} acc {acc} {ips} img/s',
        });
        bar.update(p.batch, {
          epoch: `${p.epoch + 1}/${epochs}`,
          loss: p.loss.toFixed(4),
          acc: `${(100 * p.accuracy).toFixed(2)}%`,
          ips: p.imagesPerSecond.toFixed(0),
        });
      },
      onEpoch: (e) => {
        bar?.stop();
        bar = undefined;
        if (!quiet) {
          process.stderr.write(
            `epoch ${e.epoch}/${e.epochs}: loss ${e.loss.toFixed(4)}, train ${(100 * e.trainAccuracy).toFixed(2)}%, test ${(100 * e.testAccuracy).toFixed(2)}%, ${e.seconds.toFixed(1)} s, ${e.imagesPerSecond.toFixed(0)} img/s\n`,
          );
        }
      },
    });
    const summary = { model, out: argv.out, ...result };
    if (argv.json) printJson(summary);
    else {
      printLine(
        `${model}: ${result.epochs} epoch${result.epochs === 1 ? '' : 's'}, test accuracy ${(100 * result.testAccuracy).toFixed(2)}%, ${result.trainSeconds.toFixed(1)} s training, ${result.imagesPerSecond.toFixed(0)} images/s -> ${argv.out}`,
      );
    }
  },
};
