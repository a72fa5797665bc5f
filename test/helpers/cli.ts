import { spawnSync } from 'node:child_process';
import { fromRoot } from '../../src/paths.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (dist/, built by `npm test`'s pretest step) as a user would, in a child
 * process, so exit codes and stream separation are real.
 */
export function runCli(
  args: string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const r = spawnSync(process.execPath, [fromRoot('dist', 'src', 'cli', 'bin.js'), ...args], {
    cwd: options.cwd ?? fromRoot(),
    input: options.input,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
