import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';
import {
  type Background,
  type RedisServer,
  redisMissing,
  startCli,
  startRedis,
  stopProcess,
  until,
} from '../helpers/redis.js';

/**
 * Sweeps through a real Redis (redis-server on a free loopback port) with worker processes of
 * the built CLI, checked against a local sweep of the same points: the results file must be the
 * same bytes. Each test uses its own Redis database, so their jobs never meet.
 */
const missing = redisMissing();
const ADDER = fromRoot('models', 'lenet5-bn-adder.safetensors');
const dir = mkdtempSync(join(tmpdir(), 'addersim-queue-'));

/** Six functional points: a worker does each in well under a second after calibrating. */
const SMALL = ['--model', ADDER, '--bits', '4,6,8', '--acc-bits', '12,full', '--limit', '20'];
/** Three gate-level points (cell table): seconds each, long enough to kill a worker mid-job. */
const GATE = [
  '--model',
  ADDER,
  '--bits',
  '8',
  '--adder',
  'ripple-carry,kogge-stone,brent-kung',
  '--table',
  'cells-45nm',
  '--gate-images',
  '1',
  '--limit',
  '20',
];

function records(path: string): { index: number }[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => JSON.parse(l));
}

describe.skipIf(missing !== undefined)('sweeps on a Redis queue', () => {
  let redis: RedisServer;
  const running: Background[] = [];
  const local: Record<string, string> = {};

  const worker = (db: number, extra: string[] = []) => {
    const w = startCli(['worker', '--queue', redis.url(db), '--threads', '1', ...extra]);
    running.push(w);
    return w;
  };

  beforeAll(async () => {
    redis = await startRedis();
    // The local sweeps every queued run is compared with, byte for byte.
    for (const [name, grid] of Object.entries({ small: SMALL, gate: GATE })) {
      const out = join(dir, `local-${name}.jsonl`);
      const r = runCli(['sweep', ...grid, '--threads', '1', '--quiet', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      local[name] = readFileSync(out, 'utf8');
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all(running.map((w) => stopProcess(w.child, 'SIGKILL')));
    await redis?.stop();
  });

  it('two worker processes write the same bytes as the local sweep, each point once', async () => {
    const a = worker(1);
    const b = worker(1);
    const out = join(dir, 'two.jsonl');
    const r = runCli(['sweep', ...SMALL, '--queue', redis.url(1), '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(local.small);
    const status = runCli(['sweep', ...SMALL, '--queue', redis.url(1), '--out', out, '--status']);
    expect(status.stdout).toBe('6 points: 6 done, 0 running, 0 waiting, 0 failed, 0 not queued\n');
    // Each point ran exactly once, on one worker or the other.
    // (runCli blocks this process: let the workers' output arrive first.)
    const done = (w: Background) => w.output().match(/done point \[/g)?.length ?? 0;
    await until(() => done(a) + done(b) >= 6, 10_000, 'the workers to report');
    expect(done(a) + done(b)).toBe(6);
    // Enqueueing the same sweep again adds nothing: it completes from the queue at once.
    const again = join(dir, 'again.jsonl');
    const second = runCli(['sweep', ...SMALL, '--queue', redis.url(1), '--out', again, '--quiet']);
    expect(second.code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(local.small);
    await new Promise((r) => setTimeout(r, 500));
    expect(done(a) + done(b)).toBe(6);
  });

  it('a worker killed with SIGKILL mid-job: another takes the job, every point once', async () => {
    const out = join(dir, 'killed.jsonl');
    const a = worker(2, ['--lock-seconds', '2']);
    const coordinator = startCli(['sweep', ...GATE, '--queue', redis.url(2), '--out', out]);
    running.push(coordinator);
    await until(() => /took point/.test(a.output()), 120_000, 'the first worker to take a job');
    a.child.kill('SIGKILL');
    await a.exited;
    expect(a.output()).not.toMatch(/done point/);
    const b = worker(2, ['--lock-seconds', '2']);
    expect(await coordinator.exited, coordinator.output()).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(local.gate);
    expect(records(out).map((r) => r.index)).toEqual([0, 1, 2]);
    expect(b.output().match(/done point \[/g)).toHaveLength(3);
  });

  it('a coordinator killed midway and started again resumes to the same bytes', async () => {
    const out = join(dir, 'resumed.jsonl');
    const first = startCli(['sweep', ...GATE, '--queue', redis.url(3), '--out', out]);
    running.push(first);
    // Before any worker runs, every point waits in the queue.
    const status = () =>
      runCli(['sweep', ...GATE, '--queue', redis.url(3), '--out', out, '--status']).stdout;
    await until(() => status().includes('3 waiting'), 60_000, 'the points to be enqueued');
    expect(status()).toBe('3 points: 0 done, 0 running, 3 waiting, 0 failed, 0 not queued\n');
    worker(3);
    await until(() => existsSync(out) && records(out).length >= 1, 120_000, 'a first result');
    first.child.kill('SIGKILL');
    await first.exited;
    const resumedFrom = records(out).length;
    const second = runCli(['sweep', ...GATE, '--queue', redis.url(3), '--out', out]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain(
      `3 points (${resumedFrom} resumed, ${3 - resumedFrom} computed)`,
    );
    expect(readFileSync(out, 'utf8')).toBe(local.gate);
  });

  it('--status before anything is enqueued', () => {
    const r = runCli([
      'sweep',
      ...SMALL,
      '--queue',
      redis.url(4),
      '--out',
      join(dir, 'none.jsonl'),
      '--status',
    ]);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      0,
      '6 points: 0 done, 0 running, 0 waiting, 0 failed, 6 not queued\n',
      '',
    ]);
  });
});
