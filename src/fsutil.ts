import {
  accessSync,
  constants,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, show } from './errors.js';

/**
 * Every output of the project goes through this file. The rule: an output file is written only
 * where a regular file is or where nothing is; an output folder only where a folder is or where
 * nothing is. Symbolic links are refused, never written through (a rename would replace the link
 * itself, and following it would write wherever it points); devices, FIFOs and sockets are
 * refused (a rename would replace a device node, and reading a FIFO hangs).
 */

/** What a path holds, in words, as lstat sees it (a link is not followed). */
function kindOf(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'symbolic link';
  if (stats.isFile()) return 'regular file';
  if (stats.isDirectory()) return 'directory';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isSocket()) return 'socket';
  return 'special file';
}

/**
 * lstat, or undefined for a path that does not exist; a path below a file (ENOTDIR) counts as
 * new here, and is refused by the mkdir that would create its folder.
 */
function lstatOrNone(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/**
 * Refuses an output file path that is anything but a regular file or a new path, naming the flag
 * ("--verilog /dev/full must be a regular file or a new path, not a character device"). Commands
 * call it before any work starts; writeFileAtomic calls it again just before the rename.
 */
export function checkOutputFile(flag: string, path: string): void {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new InputError(`${flag} must be a file path, not ${show(path)}`);
  }
  const stats = lstatOrNone(path);
  if (stats && !stats.isFile()) {
    throw new InputError(
      `${flag} ${path} must be a regular file or a new path, not a ${kindOf(stats)}`,
    );
  }
}

/** Refuses an output folder path that is anything but a folder or a new path (a link included). */
export function checkOutputFolder(flag: string, path: string): void {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new InputError(`${flag} must be a folder path, not ${show(path)}`);
  }
  const stats = lstatOrNone(path);
  if (stats && !stats.isDirectory()) {
    throw new InputError(`${flag} ${path} must be a folder or a new path, not a ${kindOf(stats)}`);
  }
}

/**
 * Refuses, before any work, an output file whose folder cannot be made or written (a path below
 * a regular file, a read-only file system): otherwise the refusal would come only when the
 * first result is written, after the work, naming a temporary file. Creates the folder.
 */
export function checkOutputCreatable(flag: string, path: string): void {
  const folder = dirname(resolve(path));
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const found =
      code === 'EEXIST' || code === 'ENOTDIR' ? 'a file on the folder path' : `error ${code}`;
    throw new InputError(
      `${flag} ${path}: its folder cannot be written (expected a writable folder, found ${found})`,
    );
  }
}

/** `name.<pid>.<ms>.tmp`: the temporary sibling writeFileAtomic renames over `name`. */
function tempFile(path: string, pid: number, ms: number): string {
  return `${path}.${pid}.${ms}.tmp`;
}

/**
 * Deletes temporary siblings of `path` that a killed run left (their process is gone); those
 * of live processes are left alone. They are never read: the target is always the last whole
 * write, so this only tidies.
 */
function removeStaleTemps(path: string): void {
  const parent = dirname(path);
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const m = /^(\d+)\.(\d+)\.tmp$/.exec(name.slice(prefix.length));
    if (m && !processAlive(Number(m[1]))) rmSync(join(parent, name), { force: true });
  }
}

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * half-written file: write a temporary file beside the target, then rename over it. `flag` names
 * the path in a refusal (the target must be a regular file or a new path). Temporary files a
 * killed earlier write left beside the target are deleted.
 */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  flag = 'output file',
): void {
  checkOutputFile(flag, path);
  mkdirSync(dirname(path), { recursive: true });
  removeStaleTemps(path);
  const tmp = tempFile(path, process.pid, Date.now());
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    // Checked again: the path may have become a link or a device while the data was written.
    checkOutputFile(flag, path);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** `.name.new-<pid>-<ms>` and `.name.old-<pid>-<ms>`: the hidden siblings of a folder swap. */
function sideFolder(target: string, side: 'new' | 'old', tag: string): string {
  return join(dirname(target), `.${basename(target)}.${side}-${tag}`);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cleans what a killed folder swap left beside `target`: when the target itself is missing (the
 * run died between its two renames) the previous folder is put back, the newest one if several;
 * then every leftover of a run that is no longer alive is deleted. Swaps of a live process are
 * left alone.
 */
function recoverLeftovers(target: string): void {
  const parent = dirname(target);
  const pattern = new RegExp(
    `^\\.${basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(new|old)-(\\d+)-(\\d+)$`,
  );
  const entries = (
    lstatSync(parent, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(parent) : []
  )
    .map((name) => ({ name, m: pattern.exec(name) }))
    .filter((e): e is { name: string; m: RegExpExecArray } => e.m !== null)
    .filter((e) => !processAlive(Number(e.m[2])))
    .sort((a, b) => Number(b.m[3]) - Number(a.m[3]));
  const old = entries.find((e) => e.m[1] === 'old');
  if (old && lstatOrNone(target) === undefined) {
    renameSync(join(parent, old.name), target);
  }
  for (const e of entries) rmSync(join(parent, e.name), { recursive: true, force: true });
}

/** What may already be in an output folder that is about to be replaced. */
export interface FolderOwner {
  /** "report folder" or "--out": how a refusal names the folder. */
  readonly label: string;
  /** "report": a refusal says "must be new, empty or an earlier report". */
  readonly earlier: string;
  /** The first entry the owner would not have written, or null when it owns everything. */
  readonly foreign: (dir: string) => string | null;
}

/**
 * Refuses, before any work, a folder that could not be replaced: not a folder (a link, a file,
 * a device), or a folder holding something its owner would not have written. Leftovers of a
 * killed earlier swap are recovered first, so a run that died half-way does not block the next.
 */
export function checkFolderReplaceable(dir: string, owner: FolderOwner): void {
  checkOutputFolder(owner.label, dir);
  recoverLeftovers(resolve(dir));
  const stats = lstatOrNone(dir);
  if (stats === undefined) return;
  checkOutputFolder(owner.label, dir);
  const entry = owner.foreign(resolve(dir));
  if (entry !== null) {
    throw new InputError(
      `${owner.label} ${dir} must be new, empty or an earlier ${owner.earlier}, not a folder holding ${show(entry)}`,
    );
  }
}

/**
 * Writes `files` (paths relative to the folder) as the complete new content of folder `dir`,
 * so that an interrupted run leaves either the previous folder or the new one, never a mix:
 * every file goes into a hidden sibling folder first, then the folders are swapped by rename and
 * the previous one is deleted. `dir` must pass checkFolderReplaceable (checked again here).
 */
export function writeFolderAtomic(
  dir: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  owner: FolderOwner,
): void {
  checkFolderReplaceable(dir, owner);
  const target = resolve(dir);
  const exists = lstatOrNone(target) !== undefined;
  mkdirSync(dirname(target), { recursive: true });
  const tag = `${process.pid}-${Date.now()}`;
  const staging = sideFolder(target, 'new', tag);
  try {
    mkdirSync(staging);
    for (const [rel, data] of files) {
      mkdirSync(dirname(join(staging, rel)), { recursive: true });
      writeFileSync(join(staging, rel), data, { flag: 'wx' });
    }
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  if (!exists) {
    renameSync(staging, target);
    return;
  }
  const previous = sideFolder(target, 'old', tag);
  renameSync(target, previous);
  try {
    renameSync(staging, target);
  } catch (err) {
    renameSync(previous, target);
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  rmSync(previous, { recursive: true, force: true });
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
