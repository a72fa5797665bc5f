import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { fromRoot } from '../src/paths.js';

/**
 * Queue benchmark, measured in this run against a real redis-server on a loopback port:
 * 1. The same sweep of LeNet-5 points (bits 2..12 x accumulator 30 bits and full, LIMIT images each)
 *    as wall time from start to finished results file: the local sweep on 1 thread and on 2
 *    threads, and the queued sweep with 1, 2 and 4 worker processes of one thread each
 *    (the local runs from process start; the workers already started and waiting for work, as
 *    they would be, their calibration inside the time).
 * 2. The queue's own cost per point: (queued with 1 worker - local on 1 thread) / points, on
 *    those points and on 132 near-empty points (one image; points differing only in adder and
 *    |a-b| variant share one functional run inside a thread, so they compute almost nothing
 *    and the difference is the queue's), and a no-op job's round trip through BullMQ (add,
 *    take, complete, read back) with nothing computed, the floor any point pays.
 * The results files are checked byte-identical to the local one. On a 2-core machine more than
 * 2 workers only share the same cores; docs/queue.md turns these figures into an estimate for
 * machines that each bring their own.
 */
const LIMIT = Number(process.env.ADDERSIM_QUEUE_BENCH_LIMIT ?? 300);
const MODEL = fromRoot('models', 'lenet5-bn-adder.safetensors');
const GRID = [
  '--model',
  MODEL,
  '--bits',
  '2,3,4,5,6,7,8,9,10,11,12',
  '--acc-bits',
  '30,full',
  '--limit',
  String(LIMIT),
  '--quiet',
];
const POINTS = 22;
/** 11 widths x 2 accumulators x 2 adders x 3 |a-b| variants, one image: the queue's cost alone. */
const EMPTY = [
  '--model',
  MODEL,
  '--bits',
  '2,3,4,5,6,7,8,9,10,11,12',
  '--acc-bits',
  '30,full',
  '--adder',
  'ripple-carry,kogge-stone',
  '--absdiff',
  'sub-negate,dual-sub-mux,ones-complement',
  '--limit',
  '1',
  '--quiet',
];
const EMPTY_POINTS = 132;
const BIN = fromRoot('dist', 'src', 'cli', 'bin.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function waitFor(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (c: Buffer) => {
      text += c.toString();
      if (pattern.test(text)) {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => reject(new Error(`exited before ${pattern}: ${text}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Runs the CLI to completion; returns the wall seconds. */
function timed(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`addersim ${args.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

/** Mean milliseconds of a no-op job's round trip through BullMQ (nothing computed). */
async function noopRoundTrip(port: number, n: number): Promise<number> {
  const connection = { host: '127.0.0.1', port, db: 15, maxRetriesPerRequest: null };
  const queue = new Queue('noop', { connection });
  const worker = new Worker('noop', async () => ({ ok: true }), { connection });
  await worker.waitUntilReady();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const job = await queue.add('noop', { i }, { jobId: `noop-${i}` });
    for (;;) {
      if ((await queue.getJobState(job.id as string)) === 'completed') break;
      await new Promise((r) => setTimeout(r, 1));
    }
    await queue.getJob(job.id as string);
  }
  const ms = (performance.now() - t0) / n;
  await worker.close();
  await queue.close();
  return ms;
}

export async function run(): Promise<void> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    console.log('skipped: redis-server is not installed');
    return;
  }
  const port = await freePort();
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const dir = mkdtempSync(join(tmpdir(), 'addersim-queue-bench-'));
  try {
    await waitFor(redis, /Ready to accept connections/);
    console.log(`${POINTS} points, ${LIMIT} images each; wall seconds from start to results file`);
    const localOut = join(dir, 'local-1.jsonl');
    const local1 = timed(['sweep', ...GRID, '--threads', '1', '--out', localOut]);
    const local2 = timed(['sweep', ...GRID, '--threads', '2', '--out', join(dir, 'local-2.jsonl')]);
    const expected = readFileSync(localOut, 'utf8');
    const row = (name: string, s: number) =>
      console.log(
        `${name.padEnd(28)} ${s.toFixed(1).padStart(7)} s  ${(POINTS / s).toFixed(2).padStart(6)} points/s  x${(local1 / s).toFixed(2)} vs local 1 thread`,
      );
    row('local sweep, 1 thread', local1);
    row('local sweep, 2 threads', local2);
    const queued: number[] = [];
    for (const [db, workers] of [
      [1, 1],
      [2, 2],
      [3, 4],
    ] as const) {
      const url = `redis://127.0.0.1:${port}/${db}`;
      const procs = Array.from({ length: workers }, () =>
        spawn(process.execPath, [BIN, 'worker', '--queue', url, '--threads', '1'], {
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      );
      await Promise.all(procs.map((p) => waitFor(p, /serving/)));
      const out = join(dir, `queue-${workers}.jsonl`);
      const s = timed(['sweep', ...GRID, '--queue', url, '--out', out]);
      await Promise.all(procs.map(stop));
      if (readFileSync(out, 'utf8') !== expected) {
        throw new Error(`queued results with ${workers} workers differ from the local sweep`);
      }
      queued.push(s);
      row(`queue, ${workers} worker process${workers === 1 ? '' : 'es'}`, s);
    }
    console.log(
      `queue overhead per point (queue 1 worker - local 1 thread) / ${POINTS}: ${(((queued[0] - local1) / POINTS) * 1000).toFixed(0)} ms`,
    );
    const emptyLocal = timed(['sweep', ...EMPTY, '--threads', '1', '--out', join(dir, 'e.jsonl')]);
    const url = `redis://127.0.0.1:${port}/4`;
    const one = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--threads', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitFor(one, /serving/);
    const emptyQueued = timed(['sweep', ...EMPTY, '--queue', url, '--out', join(dir, 'eq.jsonl')]);
    await stop(one);
    if (
      readFileSync(join(dir, 'e.jsonl'), 'utf8') !== readFileSync(join(dir, 'eq.jsonl'), 'utf8')
    ) {
      throw new Error('queued near-empty points differ from the local sweep');
    }
    console.log(
      `${EMPTY_POINTS} near-empty points: local 1 thread ${emptyLocal.toFixed(1)} s, queue 1 worker ${emptyQueued.toFixed(1)} s: ${(((emptyQueued - emptyLocal) / EMPTY_POINTS) * 1000).toFixed(0)} ms per point`,
    );
    const noop = await noopRoundTrip(port, 200);
    console.log(
      `no-op job round trip through BullMQ (200 jobs, one at a time): ${noop.toFixed(1)} ms`,
    );
    console.log('every queued results file is byte-identical to the local sweep');
  } finally {
    await stop(redis);
    rmSync(dir, { recursive: true, force: true });
  }
}
