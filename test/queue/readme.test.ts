import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
 * The README's "Sweeps on several machines" commands, run as written against a local Redis:
 * the redis-server line (on a free port instead of 6379), the worker line twice (two workers),
 * the sweep and its --status. The SSH line is the one step not run: on one machine the loopback
 * port is already the tunnel's end. The sweep runs in a fresh folder holding the model at the
 * README's path; its file must be the bytes of a local run of the same sweep, and --status must
 * print the README's text block.
 */
const missing = redisMissing();

function section(): { commands: string[]; expected: string } {
  const text = readFileSync(fromRoot('README.md'), 'utf8');
  const start = text.indexOf('### Sweeps on several machines');
  const m = /```bash\n([\s\S]*?)```\s*```text\n([\s\S]*?)```/.exec(text.slice(start));
  if (start < 0 || !m) throw new Error('README section "Sweeps on several machines" not found');
  return {
    commands: m[1].split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')),
    expected: m[2],
  };
}

/** Words of a command line: split on spaces, `''` an empty word; no other quoting is used. */
function words(line: string): string[] {
  return line.split(/\s+/).map((w) => {
    if (w === "''") return '';
    if (/['"\\$`]/.test(w)) throw new Error(`unexpected shell syntax in README line: ${line}`);
    return w;
  });
}

describe.skipIf(missing !== undefined)('README: one Redis, N workers', () => {
  const started: Background[] = [];
  let redis: ReturnType<typeof spawn> | undefined;

  afterAll(async () => {
    await Promise.all(started.map((b) => stopProcess(b.child, 'SIGKILL')));
    if (redis) await stopProcess(redis);
  });

  it('runs the README commands and gets the local sweep bytes', async () => {
    const { commands, expected } = section();
    expect(commands.map((c) => c.split(' ')[0])).toEqual([
      'redis-server',
      'ssh',
      'npx',
      'npx',
      'npx',
    ]);
    const port = String(await freePort());
    const local = (line: string) => words(line.replaceAll('6379', port));
    const cwd = mkdtempSync(join(tmpdir(), 'addersim-readme-queue-'));
    mkdirSync(join(cwd, 'models'));
    copyFileSync(
      fromRoot('models', 'lenet5-bn-adder.safetensors'),
      join(cwd, 'models', 'lenet5-bn-adder.safetensors'),
    );
    const [server, , workerLine, sweepLine, statusLine] = commands;
    const serverWords = local(server);
    redis = spawn(REDIS_SERVER, serverWords.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    await untilOutput(redis, /Ready to accept connections/, 15_000);
    const cli = (line: string) => local(line).slice(2); // without `npx addersim`
    for (let i = 0; i < 2; i++) started.push(startCli(cli(workerLine), cwd));
    const run = runCli(cli(sweepLine), { cwd });
    expect(run.code, run.stderr).toBe(0);
    const status = runCli(cli(statusLine), { cwd });
    expect([status.code, status.stdout]).toEqual([0, expected]);
    // The same sweep without --queue, on this machine's threads.
    const plain = cli(sweepLine);
    plain.splice(plain.indexOf('--queue'), 2);
    plain[plain.indexOf('--out') + 1] = 'local.jsonl';
    expect(runCli([...plain, '--quiet'], { cwd }).code).toBe(0);
    expect(readFileSync(join(cwd, 'several.jsonl'), 'utf8')).toBe(
      readFileSync(join(cwd, 'local.jsonl'), 'utf8'),
    );
  });
});
