import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors.js';

/**
 * The headless Chromium that prints report.html to PDF and takes the first-screen screenshot:
 * the browser's own command line (`--print-to-pdf`, `--screenshot`), so nothing but the browser
 * is needed and nothing is downloaded. `ADDERSIM_CHROMIUM` names the executable; otherwise the
 * first of BROWSER_NAMES on the PATH is used (Debian's package is `chromium`).
 */
export const BROWSER_ENV = 'ADDERSIM_CHROMIUM';
export const BROWSER_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
];

/** The size of the "first screen" a screenshot shows: a common laptop viewport. */
export const FIRST_SCREEN = { width: 1280, height: 900 } as const;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser's path, or null when there is none. A set ADDERSIM_CHROMIUM that names no
 * executable file is an InputError (the user asked for that browser).
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env[BROWSER_ENV];
  if (named !== undefined && named !== '') {
    if (!isAbsolute(named) || !executable(named)) {
      throw new InputError(
        `${BROWSER_ENV} must be the absolute path of a Chromium executable, not ${JSON.stringify(named)}`,
      );
    }
    return named;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of BROWSER_NAMES) {
      const path = join(dir, name);
      if (executable(path)) return path;
    }
  }
  return null;
}

/** The one line a user reads when a browser is needed and none is found. */
export function noBrowserMessage(flag: string): string {
  return `${flag} needs a headless Chromium, but none of ${BROWSER_NAMES.join(', ')} is on the PATH and ${BROWSER_ENV} is not set: install Debian's chromium package (apt-get install chromium) or set ${BROWSER_ENV} to the browser's path`;
}

/**
 * Runs the browser headless over `html` (the page's text) with `flags`, the output going to
 * `out` inside a private temporary folder, and returns the bytes written. JavaScript runs to
 * completion first (virtual time), so the charts are drawn.
 */
function runHeadless(
  browser: string,
  html: string,
  extension: 'pdf' | 'png',
  flags: (out: string) => string[],
): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'addersim-browser-'));
  try {
    const page = join(dir, 'report.html');
    // The browser picks the output format by extension (`.pdf`, `.png`).
    const out = join(dir, `out.${extension}`);
    writeFileSync(page, html);
    const r = spawnSync(
      browser,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--virtual-time-budget=10000',
        ...flags(out),
        pathToFileURL(page).href,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(out);
    } catch {
      bytes = undefined;
    }
    if (bytes === undefined || bytes.length === 0) {
      const why =
        r.error?.message ?? (r.stderr.trim().split('\n').pop() || `exit code ${r.status}`);
      throw new Error(`${browser} wrote nothing: ${why}`);
    }
    return new Uint8Array(bytes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** report.html printed to PDF (A4, no browser header or footer). */
export function printPdf(browser: string, html: string): Uint8Array {
  return runHeadless(browser, html, 'pdf', (out) => [
    '--no-pdf-header-footer',
    `--print-to-pdf=${out}`,
  ]);
}

/** A PNG of the first screen (FIRST_SCREEN pixels) of report.html. */
export function screenshot(browser: string, html: string): Uint8Array {
  return runHeadless(browser, html, 'png', (out) => [
    '--hide-scrollbars',
    `--window-size=${FIRST_SCREEN.width},${FIRST_SCREEN.height}`,
    `--screenshot=${out}`,
  ]);
}
