import type { Argv } from 'yargs';
import {
  CALIBRATION_SOURCES,
  type CalibrationSource,
  type DataOptions,
} from '../pipeline/datasets.js';
import { choiceFlag } from './args.js';

/** `--data` and `--calibration`, the same on eval, infer, sweep and report. */
export interface DataArgs {
  data?: string;
  calibration?: string;
}

export function withDataFlags<T>(y: Argv<T>): Argv<T & DataArgs> {
  return y
    .option('data', {
      type: 'string',
      describe:
        'images: mnist (default for MNIST checkpoints) or cifar10:DIR (CIFAR-10 binary batches: test_batch.bin, data_batch_1..5.bin)',
    })
    .option('calibration', {
      type: 'string',
      describe: `calibration images: ${CALIBRATION_SOURCES.join(' | ')} (default train when the data has a training split, else test-holdout: the last test images, not evaluated)`,
    }) as Argv<T & DataArgs>;
}

export function dataOptions(argv: DataArgs): DataOptions {
  return {
    data: argv.data,
    calibration:
      argv.calibration === undefined
        ? undefined
        : choiceFlag<CalibrationSource>('calibration', argv.calibration, CALIBRATION_SOURCES),
  };
}
