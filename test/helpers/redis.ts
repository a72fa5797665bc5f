import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fromRoot } from '../../src/paths.js';

/**
 * A real Redis for the queue tests: Debian's redis-server on a free loopback port, with no
 * persistence (`--save '' --appendonly no`), stopped after the tests. Tests skip with this
 * reason when redis-server is absent (CI installs it with apt).
 */
export const REDIS_SERVER = process.env.ADDERSIM_REDIS_SERVER ?? 'redis-server';

export function redisMissing(): string | undefined {
  const r = spawnSync(REDIS_SERVER, ['--version'], { encoding: 'utf8' });
  return r.status === 0
    ? undefined
    : `${REDIS_SERVER} is not installed (apt-get install redis-server)`;
}

/** A port nobody listens on right now (the kernel's pick, released for Redis to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RedisServer {
  readonly port: number;
  /** redis://[:password@]127.0.0.1:port/db */
  url(db: number): string;
  stop(): Promise<void>;
}

/** Starts redis-server with `args` (the port is chosen here unless `args` names one). */
export async function startRedis(
  options: { args?: readonly string[]; password?: string } = {},
): Promise<RedisServer> {
  const args = options.args ?? [];
  const at = args.indexOf('--port');
  const port = at >= 0 ? Number(args[at + 1]) : await freePort();
  const full =
    at >= 0
      ? [...args]
      : [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          ...args,
        ];
  const child = spawn(REDIS_SERVER, full, { stdio: ['ignore', 'pipe', 'pipe'] });
  await untilOutput(child, /Ready to accept connections/, 15_000);
  const auth = options.password === undefined ? '' : `:${encodeURIComponent(options.password)}@`;
  return {
    port,
    url: (db) => `redis://${auth}127.0.0.1:${port}/${db}`,
    stop: () => stopProcess(child),
  };
}

/** Resolves when the child prints a line matching `pattern` (stdout or stderr). */
export function untilOutput(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}; output so far: ${text}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (pattern.test(text)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolve(text);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before ${pattern}; output: ${text}`));
    });
  });
}

export function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** A CLI process running in the background (a worker, a coordinator), its output collected. */
export interface Background {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
}

export function startCli(args: readonly string[], cwd = fromRoot()): Background {
  const child = spawn(process.execPath, [fromRoot('dist', 'src', 'cli', 'bin.js'), ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (c: Buffer) => {
    text += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    text += c.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => text, exited };
}

/** Polls `check` until it returns true. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
