import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';
import {
  type Background,
  freePort,
  REDIS_SERVER,
  redisMissing,
  startCli,
  stopProcess,
  untilOutput,
} from '../helpers/redis.js';

/**
 * `rediss://`: a Redis that speaks TLS only (its plain port closed), with a certificate made
 * here by openssl. A worker and a coordinator that trust the certificate (NODE_EXTRA_CA_CERTS)
 * run a sweep to the local bytes; one that does not is refused in one line.
 */
const opensslMissing =
  spawnSync('openssl', ['version']).status === 0 ? undefined : 'openssl is not installed';
const missing = redisMissing() ?? opensslMissing;
const ADDER = fromRoot('models', 'lenet5-bn-adder.safetensors');
const GRID = ['--model', ADDER, '--bits', '8', '--limit', '20'];

describe.skipIf(missing !== undefined)('a sweep over TLS (rediss://)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'addersim-tls-'));
  let redis: ChildProcess;
  let worker: Background | undefined;
  let url = '';

  beforeAll(async () => {
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
    ]);
    expect(made.status, String(made.stderr)).toBe(0);
    const port = await freePort();
    redis = spawn(
      REDIS_SERVER,
      [
        '--port',
        '0',
        '--tls-port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--tls-cert-file',
        join(dir, 'cert.pem'),
        '--tls-key-file',
        join(dir, 'key.pem'),
        '--tls-ca-cert-file',
        join(dir, 'cert.pem'),
        '--tls-auth-clients',
        'no',
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await untilOutput(redis, /Ready to accept connections/, 15_000);
    url = `rediss://localhost:${port}/0`;
  });

  afterAll(async () => {
    delete process.env.NODE_EXTRA_CA_CERTS;
    if (worker) await stopProcess(worker.child, 'SIGKILL');
    if (redis) await stopProcess(redis);
  });

  it('refuses a server whose certificate it does not trust', () => {
    delete process.env.NODE_EXTRA_CA_CERTS;
    const r = runCli(['sweep', ...GRID, '--queue', url, '--out', join(dir, 'u.jsonl'), '--status']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(
      new RegExp(
        `^addersim: --queue ${url.replaceAll('.', '\\.')} must be a reachable Redis, not one that fails \\(self[- ]signed certificate\\)\\n$`,
      ),
    );
  });

  it('runs a sweep to the local bytes when the certificate is trusted', () => {
    // Children inherit the variable: Node adds the certificate to its trusted authorities.
    process.env.NODE_EXTRA_CA_CERTS = join(dir, 'cert.pem');
    worker = startCli(['worker', '--queue', url, '--threads', '1']);
    const out = join(dir, 'tls.jsonl');
    const r = runCli(['sweep', ...GRID, '--queue', url, '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const local = join(dir, 'local.jsonl');
    expect(runCli(['sweep', ...GRID, '--out', local, '--quiet']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(local, 'utf8'));
  });
});
