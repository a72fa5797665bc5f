import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { readInputFile } from '../fsutil.js';

/**
 * Files travel through the queue by name and content hash, never by bytes: a job names a file
 * by its path relative to a root folder (with `/` separators) and its SHA-256; a worker reads it
 * only from inside its own `--root` and refuses it unless the bytes hash the same. So a worker
 * never reads outside the folder its operator chose, and a result is only ever computed from the
 * bytes the coordinator meant.
 */
export interface FileRef {
  /** Relative to the root, `/`-separated, no `.` or `..` segments. */
  readonly file: string;
  /** SHA-256 of the bytes, lowercase hex. */
  readonly sha256: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The real path of a root folder given on the command line. */
export function realRoot(root: string, flag = '--root'): string {
  try {
    return realpathSync(resolve(root));
  } catch (err) {
    throw new InputError(
      `${flag} must be an existing folder, not ${JSON.stringify(root)} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
}

/** Inside `root` (a real path) or not, after following links. */
function within(root: string, real: string): string | undefined {
  const rel = relative(root, real);
  if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return undefined;
  return rel;
}

/** The coordinator's side: a file the user named, as a reference under `root` (a real path). */
export function fileRef(path: string, root: string, flag: string): FileRef {
  const bytes = readInputFile(path, `${flag} ${path}`);
  const rel = within(root, realpathSync(path));
  if (rel === undefined) {
    throw new InputError(
      `${flag} ${path} must be inside --root ${root} (workers read files only from under their own root), not outside it`,
    );
  }
  return { file: rel.split(sep).join('/'), sha256: sha256(bytes) };
}

/** Whether a name is a plain relative path a job may carry. */
export function isRelativeName(file: string): boolean {
  return (
    file.length > 0 &&
    file.length <= 1024 &&
    !file.startsWith('/') &&
    !/[\\\0]/.test(file) &&
    file.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/**
 * The worker's side: the bytes of a referenced file, read from inside `root` (a real path) and
 * matched by hash. A link leading out of the root is refused like a path that does.
 */
export function readRef(ref: FileRef, root: string, what: string): Uint8Array {
  if (!isRelativeName(ref.file)) {
    throw new InputError(
      `${what} ${JSON.stringify(ref.file)} must be a relative path inside --root, not outside it`,
    );
  }
  const path = resolve(root, ...ref.file.split('/'));
  let real: string;
  try {
    real = realpathSync(path);
  } catch (err) {
    throw new InputError(
      `${what} ${ref.file} must exist under --root ${root}, not be missing (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
  if (within(root, real) === undefined) {
    throw new InputError(
      `${what} ${ref.file} must be inside --root ${root}, not a link to ${real} outside it`,
    );
  }
  const bytes = new Uint8Array(readInputFile(real, `${what} ${ref.file}`));
  const found = sha256(bytes);
  if (found !== ref.sha256) {
    throw new InputError(
      `${what} ${ref.file} must have SHA-256 ${ref.sha256} (the coordinator's bytes), not ${found}`,
    );
  }
  return bytes;
}
