import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { FIRST_SCREEN, findBrowser } from '../../src/report/browser.js';
import type { LabelBox } from '../../src/report/charts/labels.js';
import { parseResults } from '../../src/report/validate.js';
import { writeReport } from '../../src/report/write.js';
import type { ReportResults } from '../../src/study/results.js';
import { readPng } from './png.js';

/**
 * report.html of the committed sample's results, opened in a real headless Chromium (Debian's
 * `chromium`, driven by playwright-core; no browser is downloaded): it loads with no console
 * error and no request leaving the file, the headline table is on the first screen, every chart
 * canvas is drawn, a tooltip appears on hover, a legend click hides a dataset, a header click
 * sorts its table, and the adder chart's labels do not overlap. The first screen is saved as a
 * PNG in the test's temporary folder. Skipped, saying why, when no Chromium is installed.
 */
const BROWSER = findBrowser();
const REASON = 'no Chromium: install Debian chromium or set ADDERSIM_CHROMIUM';

let root: string;
let results: ReportResults;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const requests: string[] = [];

interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Evaluates `js` in the page. The page's code is given as text: this project's TypeScript has
 * no DOM types, and Chart is the page's own global.
 */
const inPage = <T>(js: string): Promise<T> => page.evaluate(js) as Promise<T>;

if (BROWSER === null) console.warn(`report.html browser tests skipped: ${REASON}`);

describe.skipIf(BROWSER === null)(`report.html in headless Chromium (skipped if ${REASON})`, () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'addersim-browser-test-'));
    results = parseResults(
      readFileSync(fromRoot('reports', 'sample', 'results.json'), 'utf8'),
      'reports/sample/results.json',
    );
    writeReport(join(root, 'report'), results);
    browser = await chromium.launch({ executablePath: BROWSER as string });
    page = await browser.newPage({ viewport: { ...FIRST_SCREEN } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => errors.push(`failed request: ${r.url()}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(root, 'report', 'report.html')).href);
    await page.waitForLoadState('load');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('loads with no console error and fetches nothing but the file itself', () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(join(root, 'report', 'report.html')).href]);
  });

  test('the headline table is visible within the first 900 pixels', async () => {
    const table = page.locator('#the-question-and-the-answer-in-numbers ~ .columns table').first();
    await expect(table.isVisible()).resolves.toBe(true);
    const box = await table.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(900);
    expect(await table.locator('th').first().textContent()).toBe('int8, per inference');
    const chart = await page.locator('canvas[data-chart="energy-per-inference"]').boundingBox();
    expect((chart?.y ?? 900) + (chart?.height ?? 0)).toBeLessThanOrEqual(900);
  });

  test('every chart canvas is drawn: a visible share of its pixels is painted', async () => {
    const painted = await inPage<{ id: string; share: number }[]>(`
      [...document.querySelectorAll('canvas')].map((c) => {
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0) ink++;
        return { id: c.dataset.chart, share: ink / (c.width * c.height) };
      })`);
    expect(painted.map((p) => p.id).sort()).toEqual([
      'accumulator-width',
      'accuracy-vs-bits',
      'adders-area-delay',
      'energy-by-layer',
      'energy-by-primitive',
      'energy-per-inference',
      'operation-budgets',
    ]);
    for (const p of painted) expect(p.share, p.id).toBeGreaterThan(0.02);
  });

  test('hovering a bar shows its tooltip; clicking a legend entry hides that network', async () => {
    const chart = `Chart.getChart(document.querySelector('canvas[data-chart="energy-per-inference"]'))`;
    const box = await page.locator('canvas[data-chart="energy-per-inference"]').boundingBox();
    const at = (p: { x: number; y: number }) => ({
      x: (box?.x ?? 0) + p.x,
      y: (box?.y ?? 0) + p.y,
    });
    // The first bar (AdderNet on the first table) and the CNN legend entry, in canvas pixels.
    const { bar, legend } = await inPage<{ bar: Point; legend: Point }>(`(() => {
      const chart = ${chart};
      const el = chart.getDatasetMeta(0).data[0];
      const cnn = chart.legend.legendHitBoxes[1];
      return { bar: { x: el.x, y: (el.y + el.base) / 2 }, legend: { x: cnn.left + 5, y: cnn.top + cnn.height / 2 } };
    })()`);
    const hover = at(bar);
    await page.mouse.move(hover.x, hover.y);
    // Chart.js handles pointer events on the next animation frame.
    await page.waitForFunction(`${chart}.tooltip.opacity > 0`);
    const tip = await inPage<{ title: string[]; body: string[] }>(`(() => {
      const t = ${chart}.tooltip;
      return { title: t.title, body: t.body.flatMap((b) => b.lines) };
    })()`);
    expect(tip.title).toEqual(['Aladdin 40 nm (compute only)']);
    // AdderNet's energy on Aladdin, in nJ (the chart's unit), as results.json holds it in pJ.
    const aladdin = results.energy.find(
      (e) => e.network === 'addernet' && e.table === 'asic-40nm-aladdin',
    );
    expect(tip.body[0]).toMatch(/^AdderNet: [\d.,]+ nJ$/);
    expect(Number(tip.body[0].split(/: | /)[1].replace(/,/g, ''))).toBeCloseTo(
      (aladdin?.energyPj ?? 0) / 1000,
      1,
    );
    const click = at(legend);
    await page.mouse.click(click.x, click.y);
    await page.waitForFunction(`!${chart}.isDatasetVisible(1)`);
    expect(await inPage<boolean[]>(`[0, 1, 2].map((i) => ${chart}.isDatasetVisible(i))`)).toEqual([
      true,
      false,
      true,
    ]);
  });

  test('a click on a numeric header sorts the table by that column, a second click reverses it', async () => {
    const header = page
      .locator('#accuracy-vs-bit-width ~ table')
      .first()
      .locator('th', { hasText: 'AdderNet' });
    const column = () =>
      inPage<
        number[]
      >(`[...document.querySelector('#accuracy-vs-bit-width ~ table').tBodies[0].rows]
        .map((r) => Number.parseFloat(r.cells[1].textContent))`);
    const before = await column();
    await header.click();
    const up = await column();
    expect(up).toEqual([...before].sort((a, b) => a - b));
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await header.click();
    expect(await column()).toEqual([...up].reverse());
  });

  test('the adder chart labels do not overlap in the browser either', async () => {
    const boxes = await inPage<LabelBox[]>(
      `Chart.getChart(document.querySelector('canvas[data-chart="adders-area-delay"]')).$addersimLabels`,
    );
    expect(boxes).toHaveLength(results.adders.architectures.length);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.text} / ${b.text}`).toBe(false);
      }
    }
  });

  test('saves a screenshot of the first screen', async () => {
    await page.mouse.move(0, 0);
    await inPage('window.scrollTo(0, 0)');
    const file = join(root, 'first-screen.png');
    await page.screenshot({ path: file });
    const png = readPng(new Uint8Array(readFileSync(file)));
    expect([png.width, png.height]).toEqual([FIRST_SCREEN.width, FIRST_SCREEN.height]);
    expect(statSync(file).size).toBeGreaterThan(20_000);
  });
});
