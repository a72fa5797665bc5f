import { GlobalFonts } from '@napi-rs/canvas';
import type { ChartConfiguration } from 'chart.js';
import { expect, test } from 'vitest';
import { chartFont, chartSpecs } from '../../src/report/charts/index.js';
import { renderPng } from '../../src/report/charts/render.js';
import { makeFixture } from './fixture.js';
import { readPng } from './png.js';

const tiny = (title: string): ChartConfiguration => ({
  type: 'bar',
  data: { labels: ['a', 'b'], datasets: [{ label: 'x', data: [1, 2] }] },
  options: { plugins: { title: { display: true, text: title } } },
});

test('the fixture gives the seven charts, each with its stated size and file', () => {
  expect(chartSpecs(makeFixture()).map((c) => [c.id, c.file, c.width, c.height])).toEqual([
    ['accuracy-vs-bits', 'charts/accuracy-vs-bits.png', 900, 500],
    ['energy-per-inference', 'charts/energy-per-inference.png', 900, 500],
    ['energy-by-primitive', 'charts/energy-by-primitive.png', 900, 500],
    ['energy-by-layer', 'charts/energy-by-layer.png', 900, 500],
    ['adders-area-delay', 'charts/adders-area-delay.png', 900, 500],
    ['accumulator-width', 'charts/accumulator-width.png', 900, 500],
    ['operation-budgets', 'charts/operation-budgets.png', 900, 500],
  ]);
});

test('a section without data has no chart', () => {
  const r = makeFixture();
  const ids = chartSpecs({ ...r, adders: { ...r.adders, architectures: [] }, energy: [] }).map(
    (c) => c.id,
  );
  expect(ids).not.toContain('adders-area-delay');
  expect(ids).not.toContain('energy-per-inference');
  expect(ids).toHaveLength(5);
});

test('the budget chart leaves zero counts off its log axis', () => {
  const spec = chartSpecs(makeFixture()).find((c) => c.id === 'operation-budgets');
  const cnnMul = spec?.config.data.datasets.find((d) => d.label === 'CNN multiplications');
  const bnnOther = spec?.config.data.datasets.find((d) => d.label === 'BNN other operations');
  // Fixture: CNN multiplies 400,000 x 10^i times; BNN explicit non-mul = 2 x taps / 64.
  expect(cnnMul?.data).toEqual([4e5, 4e6, 4e7, 4e8, 4e9, 4e10]);
  expect(bnnOther?.data).toEqual([
    12_500, 125_000, 1_250_000, 12_500_000, 125_000_000, 1_250_000_000,
  ]);
});

test('rendering is deterministic: the same chart twice gives the same bytes', () => {
  const a = renderPng(tiny('same'), 300, 200, 'same');
  const b = renderPng(tiny('same'), 300, 200, 'same');
  expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  const png = readPng(a);
  expect([png.width, png.height]).toEqual([300, 200]);
  expect(png.chunkTypes).toContain('tEXt');
});

test('the chart font is an installed family, DejaVu Sans when present, null when none', () => {
  const installed = GlobalFonts.families.map((f) => f.family);
  if (installed.length === 0) expect(chartFont()).toBeNull();
  else expect(installed).toContain(chartFont());
  if (installed.includes('DejaVu Sans')) expect(chartFont()).toBe('DejaVu Sans');
});

test.skipIf(GlobalFonts.families.length === 0)('text is drawn: two titles give two images', () => {
  const a = renderPng(tiny('Accuracy'), 300, 200, 't');
  const b = renderPng(tiny('Energy'), 300, 200, 't');
  expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
});
