import { availableParallelism } from 'node:os';
import type { CommandModule } from 'yargs';
import { checkReachable } from '../../queue/connection.js';
import { realRoot } from '../../queue/files.js';
import { parseQueueUrl } from '../../queue/url.js';
import { startWorker, type WorkerEvent } from '../../queue/worker.js';
import { intFlag } from '../args.js';

interface WorkerArgs {
  queue: string;
  root: string;
  threads?: number;
  'lock-seconds': number;
  quiet: boolean;
  json: boolean;
}

export const workerCommand: CommandModule<object, WorkerArgs> = {
  command: 'worker',
  describe: 'take sweep points from a Redis queue and compute them (until stopped)',
  builder: (y) =>
    y
      .option('queue', {
        type: 'string',
        demandOption: true,
        describe: 'the queue: redis://[:password@]host:port/db or rediss:// (TLS)',
      })
      .option('root', {
        type: 'string',
        default: '.',
        describe: 'the only folder model and table files are read from (matched by SHA-256)',
      })
      .option('threads', { type: 'number', describe: 'points at once (default: all cores)' })
      .option('lock-seconds', {
        type: 'number',
        default: 30,
        describe: 'a job whose worker stops answering for this long goes to another worker',
      })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing per job' })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print each job as one JSON line on stdout instead of text on stderr',
      })
      .example(
        '$0 worker --queue redis://127.0.0.1:6379/0 --root . --threads 2',
        'serve sweeps enqueued by `addersim sweep --queue` (stop with Ctrl-C: jobs in flight finish first)',
      ),
  handler: async (argv) => {
    const address = parseQueueUrl(argv.queue);
    const root = realRoot(argv.root);
    const threads =
      argv.threads === undefined ? availableParallelism() : intFlag('threads', argv.threads, 1, 64);
    const lockSeconds = intFlag('lock-seconds', argv['lock-seconds'], 1, 3600);
    await checkReachable(address);
    const text = (line: string) => process.stderr.write(`addersim worker: ${line}\n`);
    const report = argv.quiet
      ? undefined
      : argv.json
        ? (event: WorkerEvent) => process.stdout.write(`${JSON.stringify(event)}\n`)
        : (event: WorkerEvent) => text(describeEvent(event));
    const worker = startWorker({ address, root, threads, lockSeconds, report });
    const log = argv.quiet || argv.json ? undefined : text;
    log?.(
      `serving ${address.shown} with ${threads} thread${threads === 1 ? '' : 's'}, files from ${root}`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        log?.('stopping: finishing the jobs in flight');
        void worker.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};

function describeEvent(e: WorkerEvent): string {
  switch (e.event) {
    case 'took':
      return `took point ${e.point}`;
    case 'done':
      return `done point ${e.point} in ${e.seconds.toFixed(1)} s (${e.done} done, ${e.failed} failed)`;
    case 'failed':
      return `failed job ${e.job}: ${e.reason}`;
    case 'redis':
      return `redis: ${e.reason}`;
  }
}
