import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const found = new Map<string, boolean>();

/** Whether an executable is on PATH (the EDA cross-checks skip, visibly, when it is not). */
export function hasTool(name: string): boolean {
  let ok = found.get(name);
  if (ok === undefined) {
    ok = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
    found.set(name, ok);
  }
  return ok;
}

/** A describe title that says why the block is skipped when a tool is missing. */
export function toolTitle(title: string, ...tools: string[]): string {
  const missing = tools.filter((t) => !hasTool(t));
  return missing.length === 0 ? title : `${title} (skipped: ${missing.join(', ')} not on PATH)`;
}

export function allTools(...tools: string[]): boolean {
  return tools.every(hasTool);
}

export interface ToolResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a tool to completion; never throws on a non-zero exit (the caller asserts). */
export function run(command: string, args: string[], cwd: string): ToolResult {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** A fresh temporary folder, removed by the returned cleanup function. */
export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `addersim-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
