import type { Argv } from 'yargs';
import { InputError } from '../../errors.js';
import { runQueuedSweep } from '../../queue/coordinator.js';
import { queueStatus } from '../../queue/status.js';
import { parseQueueUrl } from '../../queue/url.js';
import type { SweepSpec } from '../../sweep/spec.js';
import type { SweepResult } from '../../sweep/sweep.js';
import { printJson, printLine } from '../output.js';

/** The flags `sweep` takes to run on a queue (docs/queue.md). */
export function queueFlags<T>(y: Argv<T>) {
  return y
    .option('queue', {
      type: 'string',
      describe:
        'run the points as jobs on a Redis queue, redis://[:password@]host:port/db or rediss:// (TLS), taken by `addersim worker`',
    })
    .option('root', {
      type: 'string',
      default: '.',
      describe:
        'with --queue: jobs name the model and table files relative to this folder (the workers read them under their own --root)',
    })
    .option('status', {
      type: 'boolean',
      default: false,
      describe: 'with --queue: print done / running / waiting / failed counts and return',
    });
}

export interface QueueArgs {
  queue?: string;
  root: string;
  status: boolean;
  threads?: number;
  json: boolean;
}

/**
 * Runs the sweep on the queue, or prints its status (then returns undefined). Without
 * --queue, returns undefined having done nothing, after refusing the queue-only flags.
 */
export async function sweepOnQueue(
  spec: SweepSpec,
  out: string,
  argv: QueueArgs,
  onProgress: (done: number, total: number) => void,
): Promise<{ result?: SweepResult; handled: boolean }> {
  if (argv.queue === undefined) {
    if (argv.status) throw new InputError('--status needs --queue (the queue to ask)');
    return { handled: false };
  }
  const address = parseQueueUrl(argv.queue);
  // Workers read only files named by hash under their --root and run the exact datapaths on the
  // MNIST data every worker has; a data folder or a circuit list is not carried by a job yet.
  const unqueued = [
    spec.data === undefined ? '' : `--data ${spec.data}`,
    spec.calibration === undefined ? '' : `--calibration ${spec.calibration}`,
    spec.subs === undefined ? '' : '--sub-circuit',
    spec.accs === undefined ? '' : '--acc-circuit',
    spec.muls === undefined ? '' : '--mul-circuit',
  ].filter((f) => f !== '');
  if (unqueued.length > 0) {
    throw new InputError(
      `--queue runs sweeps on MNIST with the exact datapaths, so it takes no --data, --calibration, --sub-circuit, --acc-circuit or --mul-circuit, not ${unqueued.join(' ')}`,
    );
  }
  if (argv.threads !== undefined) {
    throw new InputError(
      '--threads and --queue cannot be given together (workers choose their threads: addersim worker --threads)',
    );
  }
  if (argv.status) {
    const s = await queueStatus(spec, out, address, argv.root);
    if (argv.json) printJson(s);
    else {
      printLine(
        `${s.total} points: ${s.done} done, ${s.running} running, ${s.waiting} waiting, ${s.failed} failed, ${s.notQueued} not queued`,
      );
    }
    return { handled: true };
  }
  const result = await runQueuedSweep(spec, out, { address, root: argv.root, onProgress });
  return { result, handled: true };
}
