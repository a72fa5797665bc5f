import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from './errors.js';

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * half-written file: write a temporary file beside the target, then rename over it.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Reads a file the user named (`what` is how messages name it, e.g. "checkpoint m.safetensors"
 * or "--input v.csv"), refusing anything that is not a regular file in one line: a directory
 * would otherwise fail with EISDIR and a FIFO would block. Callers say first, in their own
 * words, that a missing path does not exist.
 */
export function readInputFile(path: string, what: string): Buffer {
  let found: string;
  try {
    const stat = statSync(path);
    if (stat.isFile()) return readFileSync(path);
    found = stat.isDirectory() ? 'a directory' : 'a device, FIFO or socket';
  } catch (err) {
    found = `unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  throw new InputError(`${what}: not a file (expected a regular file, found ${found})`);
}
