import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkFolderReplaceable, type FolderOwner, writeFolderAtomic } from '../fsutil.js';

/** Names a report folder holds: what writeReport writes, and nothing else. */
const TOP_LEVEL =
  /^(report\.md|report\.html|report\.pdf|first-screen\.png|results\.json|[a-z0-9-]+\.csv)$/;
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

function owner(label: string): FolderOwner {
  return { label, earlier: 'report', foreign: foreignEntry };
}

/**
 * Refuses, before a study runs, a folder the report could not replace (a file, a link, a device,
 * or a folder holding anything but an earlier report); `label` names it ("--out").
 */
export function checkReportFolder(dir: string, label: string): void {
  checkFolderReplaceable(dir, owner(label));
}

/**
 * Writes `files` as the complete new content of report folder `dir`: an interrupted run leaves
 * either the previous report or the new one, never a mix (see writeFolderAtomic). `dir` may be
 * new, empty, or hold an earlier report; anything else is an InputError and nothing is touched.
 */
export function writeReportFolder(
  dir: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  label = 'report folder',
): void {
  writeFolderAtomic(dir, files, owner(label));
}
