import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { jobId, pointJob, type QueueJob } from '../../src/queue/job.js';
import type { SweepSpec } from '../../src/sweep/spec.js';
import { runCli } from '../helpers/cli.js';
import {
  type Background,
  freePort,
  type RedisServer,
  redisMissing,
  startCli,
  startRedis,
  stopProcess,
} from '../helpers/redis.js';

/**
 * What a worker refuses, against a real Redis that asks for a password: jobs put straight into
 * the queue (as anyone who can reach the Redis could) with a wrong hash, a file outside the
 * worker's root, a schema violation or a forged id fail at once (one attempt) with their
 * one-line reason; a good job beside them completes with the local sweep's record. Hashes in
 * the expectations come from node:crypto over the files, not from the code under test.
 */
const missing = redisMissing();
const ADDER = fromRoot('models', 'lenet5-bn-adder.safetensors');
const TABLE = fromRoot('cost-tables', 'asic-45nm-horowitz.json');
const PASSWORD = 'pa:ss@word';
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const spec: SweepSpec = {
  model: ADDER,
  bits: [8],
  accBits: [null],
  adders: ['ripple-carry'],
  absdiffs: ['ones-complement'],
  tables: ['asic-45nm-horowitz'],
  limit: 20,
  bn: 'multiply-shift',
  overflow: 'wrap',
  groups: 1,
  gateImages: 100,
};
const point = {
  index: 0,
  bits: 8,
  accBits: null,
  adder: 'ripple-carry',
  absdiff: 'ones-complement',
  table: 'asic-45nm-horowitz',
} as const;
const tables = [{ name: 'asic-45nm-horowitz', shipped: true, file: null, sha256: sha(TABLE) }];
const job = (file: string, sha256: string): QueueJob =>
  pointJob(spec, point, { model: { file, sha256 }, tables });

describe.skipIf(missing !== undefined)('a queue worker refuses bad jobs', () => {
  let redis: RedisServer;
  let worker: Background;
  let queue: Queue;
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'addersim-root-')));

  beforeAll(async () => {
    redis = await startRedis({ args: ['--requirepass', PASSWORD], password: PASSWORD });
    copyFileSync(ADDER, join(root, 'm.safetensors'));
    symlinkSync(ADDER, join(root, 'link.safetensors'));
    worker = startCli(['worker', '--queue', redis.url(0), '--root', root, '--threads', '1']);
    queue = new Queue('addersim-sweep', {
      connection: { host: '127.0.0.1', port: redis.port, password: PASSWORD, db: 0 },
    });
  });

  afterAll(async () => {
    await queue?.close();
    if (worker) await stopProcess(worker.child, 'SIGKILL');
    await redis?.stop();
  });

  /** Adds a job and waits for it to complete or fail. */
  async function run(id: string, data: unknown) {
    await queue.add('point', data, { jobId: id, attempts: 2 });
    const end = Date.now() + 120_000;
    for (;;) {
      const state = await queue.getJobState(id);
      if (state === 'completed' || state === 'failed') break;
      if (Date.now() > end) throw new Error(`job ${id} did not finish: ${worker.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return (await queue.getJob(id)) as NonNullable<Awaited<ReturnType<Queue['getJob']>>>;
  }

  it('computes a good job: the local sweep record', async () => {
    const good = job('m.safetensors', sha(ADDER));
    const done = await run(jobId(good), good);
    expect(done.failedReason).toBeFalsy();
    const out = join(mkdtempSync(join(tmpdir(), 'addersim-local-')), 'l.jsonl');
    const r = runCli(['sweep', '--model', ADDER, '--bits', '8', '--limit', '20', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.stringify(done.returnvalue)).toBe(readFileSync(out, 'utf8').split('\n')[1]);
  });

  it.each([
    [
      'a wrong hash',
      () => job('m.safetensors', '0'.repeat(64)),
      () =>
        `model file m.safetensors must have SHA-256 ${'0'.repeat(64)} (the coordinator's bytes), not ${sha(ADDER)}`,
    ],
    [
      'a link out of the root',
      () => job('link.safetensors', sha(ADDER)),
      () =>
        `model file link.safetensors must be inside --root ${root}, not a link to ${realpathSync(ADDER)} outside it`,
    ],
    [
      'a missing file',
      () => job('none.safetensors', sha(ADDER)),
      () => `model file none.safetensors must exist under --root ${root}, not be missing (ENOENT)`,
    ],
  ])('refuses %s, at once', async (_name, make, message) => {
    const data = make();
    const failed = await run(jobId(data), data);
    expect(failed.failedReason).toBe(message());
    expect(failed.attemptsMade).toBe(1);
  });

  it.each([
    [
      'a path with ..',
      (d: QueueJob) => ({ ...d, model: { ...d.model, file: '../m.safetensors' } }),
      'pt-dots',
      'job model.file must be a relative path without . or .. segments, not "../m.safetensors"',
    ],
    [
      'a width out of range',
      (d: QueueJob) => ({ ...d, spec: { ...d.spec, bits: [99] } }),
      'pt-bits',
      'job spec.bits[0] must be an integer from 2 to 16, not 99',
    ],
    [
      'an unknown key',
      (d: QueueJob) => ({ ...d, run: 'rm -rf /' }),
      'pt-key',
      'job data must be an object with only kind, version, spec, point, model, tables, not "run"',
    ],
    [
      'a point not of its spec',
      (d: QueueJob) => ({ ...d, point: { ...d.point, bits: 6 } }),
      'pt-point',
      'job point must be point 0 of its spec, [8,null,"ripple-carry","ones-complement","asic-45nm-horowitz"], not "[6,null,\\"ripple-carry\\",\\"ones-complement\\",\\"asic-45nm-horowitz\\"]"',
    ],
  ])('refuses %s (schema), at once', async (_name, edit, id, message) => {
    const failed = await run(id, edit(job('m.safetensors', sha(ADDER))));
    expect(failed.failedReason).toBe(message);
    expect(failed.attemptsMade).toBe(1);
  });

  it('refuses a forged id', async () => {
    const data = job('m.safetensors', sha(ADDER));
    const failed = await run('pt-forged', data);
    expect(failed.failedReason).toBe(
      `job id must be the hash of its content, ${jobId(data)}, not "pt-forged"`,
    );
  });

  it('a sweep whose point fails on the workers: one line, exit 2, the reason named', () => {
    const r = runCli([
      'sweep',
      '--model',
      ADDER,
      '--bits',
      '8',
      '--limit',
      '20',
      '--queue',
      redis.url(0),
      '--out',
      join(root, 'x', 'f.jsonl'),
    ]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `addersim: 1 of 1 points failed on the workers (the results file keeps the others; run again to retry): [8,null,"ripple-carry","ones-complement","asic-45nm-horowitz"]: model file models/lenet5-bn-adder.safetensors must exist under --root ${root}, not be missing (ENOENT)\n`,
    );
  });

  it('a wrong password and an unreachable Redis: one line naming the URL, password hidden', async () => {
    const wrong = runCli(['worker', '--queue', `redis://:nope@127.0.0.1:${redis.port}/0`]);
    expect([wrong.code, wrong.stdout]).toEqual([2, '']);
    expect(wrong.stderr).toMatch(
      new RegExp(
        `^addersim: --queue redis://:\\*\\*\\*@127\\.0\\.0\\.1:${redis.port}/0 must be a reachable Redis, not one that fails \\((WRONGPASS|ERR)[^\\n]*\\)\\n$`,
      ),
    );
    const port = await freePort();
    const none = runCli([
      'sweep',
      '--model',
      ADDER,
      '--queue',
      `redis://127.0.0.1:${port}/0`,
      '--out',
      join(root, 'n.jsonl'),
      '--status',
    ]);
    expect([none.code, none.stdout, none.stderr]).toEqual([
      2,
      '',
      `addersim: --queue redis://127.0.0.1:${port}/0 must be a reachable Redis, not one that fails (connect ECONNREFUSED 127.0.0.1:${port})\n`,
    ]);
  });
});
