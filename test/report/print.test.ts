import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { FIRST_SCREEN, findBrowser, noBrowserMessage } from '../../src/report/browser.js';
import { writeReport } from '../../src/report/write.js';
import { runCli } from '../helpers/cli.js';
import { makeFixture } from './fixture.js';
import { readPng } from './png.js';

/**
 * report.pdf and first-screen.png through headless Chromium, and the refusals when no browser
 * is there: the browser is found by ADDERSIM_CHROMIUM or on the PATH, and `report --pdf`
 * without one stops before the study with one line naming what it looked for.
 */
const root = mkdtempSync(join(tmpdir(), 'addersim-print-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const BROWSER = findBrowser();

describe('finding the browser', () => {
  test('ADDERSIM_CHROMIUM wins; it must be an absolute path to an executable file', () => {
    const bin = join(root, 'bin');
    mkdirSync(bin);
    const fake = join(bin, 'chromium');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    expect(findBrowser({ PATH: bin })).toBe(fake);
    expect(findBrowser({ PATH: '/nonexistent', ADDERSIM_CHROMIUM: fake })).toBe(fake);
    expect(findBrowser({ PATH: '/nonexistent' })).toBeNull();
    expect(() => findBrowser({ ADDERSIM_CHROMIUM: 'chromium' })).toThrow(
      new InputError(
        'ADDERSIM_CHROMIUM must be the absolute path of a Chromium executable, not "chromium"',
      ),
    );
    expect(() => findBrowser({ ADDERSIM_CHROMIUM: root })).toThrow(InputError);
  });

  test('report --pdf without a browser exits 2 before the study, saying what it looked for', () => {
    const r = runCli(['report', '--limit', '5', '--pdf', '--out', join(root, 'nopdf')], {
      env: { ...process.env, PATH: '/nonexistent', ADDERSIM_CHROMIUM: '' },
    });
    expect(r.stderr).toBe(`addersim: ${noBrowserMessage('--pdf')}\n`);
    expect(r.stderr).toContain('none of chromium, chromium-browser, google-chrome');
    expect(r.code).toBe(2);
  });
});

describe.skipIf(BROWSER === null)(
  'report.pdf and first-screen.png (skipped if no Chromium: install Debian chromium)',
  () => {
    test('a report written with the browser holds a PDF and a first-screen PNG', () => {
      const dir = join(root, 'printed');
      writeReport(dir, makeFixture(), {
        browser: { path: BROWSER as string, pdf: true, screenshot: true },
      });
      const pdf = readFileSync(join(dir, 'report.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Every section on paper: more than one page, and the charts make it well over 50 kB.
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
      expect(pages.length).toBeGreaterThan(1);
      expect(pdf.length).toBeGreaterThan(50_000);
      const png = readPng(new Uint8Array(readFileSync(join(dir, 'first-screen.png'))));
      expect([png.width, png.height]).toEqual([FIRST_SCREEN.width, FIRST_SCREEN.height]);
      // Written again over itself: the folder with its PDF and screenshot is an earlier report.
      writeReport(dir, makeFixture(), { charts: false });
    }, 120_000);
  },
);
