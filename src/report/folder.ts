import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, show } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';

/** Names a report folder holds: what writeReport writes, and nothing else. */
const TOP_LEVEL = /^(report\.md|report\.html|results\.json|[a-z0-9-]+\.csv)$/;
const CHART_FILE = /^[a-z0-9-]+\.png$/;
const CHART_DIR = 'charts';

/**
 * The first entry of an existing folder that a report would not have written, or null when the
 * folder holds only report files. Replacing a folder deletes it, so anything else stops us.
 */
function foreignEntry(dir: string): string | null {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name === CHART_DIR && statSync(path).isDirectory()) {
      const bad = readdirSync(path)
        .sort()
        .find((f) => !CHART_FILE.test(f) || !statSync(join(path, f)).isFile());
      if (bad !== undefined) return `${CHART_DIR}/${bad}`;
    } else if (!TOP_LEVEL.test(name) || !statSync(path).isFile()) {
      return name;
    }
  }
  return null;
}

/**
 * Writes `files` (paths relative to the folder) as the complete new content of folder `dir`,
 * so that an interrupted run leaves either the previous report or the new one, never a mix:
 * every file goes into a hidden sibling folder first (each through writeFileAtomic), then the
 * folders are swapped by rename and the previous report is deleted.
 *
 * `dir` may be new, empty, or hold an earlier report; any other content is an InputError and
 * nothing is touched.
 */
export function writeFolderAtomic(
  dir: string,
  files: ReadonlyMap<string, string | Uint8Array>,
): void {
  const target = resolve(dir);
  const exists = existsSync(target);
  if (exists) {
    if (!statSync(target).isDirectory()) {
      throw new InputError(`report folder ${show(dir)} must be a folder, not a file`);
    }
    const foreign = foreignEntry(target);
    if (foreign !== null) {
      throw new InputError(
        `report folder ${show(dir)} must be new, empty or an earlier report, not a folder holding ${show(foreign)}`,
      );
    }
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tag = `${process.pid}-${Date.now()}`;
  const staging = join(parent, `.${basename(target)}.new-${tag}`);
  try {
    mkdirSync(staging);
    for (const [rel, data] of files) writeFileAtomic(join(staging, rel), data);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  if (!exists) {
    renameSync(staging, target);
    return;
  }
  const previous = join(parent, `.${basename(target)}.old-${tag}`);
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
