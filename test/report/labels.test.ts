import { readFileSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';
import type { Chart } from 'chart.js';
import { describe, expect, test } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { chartSpecs } from '../../src/report/charts/index.js';
import type { LabelBox } from '../../src/report/charts/labels.js';
import { renderPng } from '../../src/report/charts/render.js';
import { parseResults } from '../../src/report/validate.js';
import type { ReportResults } from '../../src/study/results.js';
import { makeFixture } from './fixture.js';

/**
 * The labelled scatter (adder architectures) places its labels without overlap. The layout the
 * plugin chose is read back from the drawn chart and checked here box against box: no two
 * labels intersect, no label covers any point, every label lies inside the plot area, and every
 * point has its label.
 */
interface Layout {
  readonly boxes: readonly LabelBox[];
  readonly points: readonly { x: number; y: number }[];
  readonly area: { left: number; top: number; right: number; bottom: number };
}

function adderLayout(results: ReportResults): Layout {
  const spec = chartSpecs(results).find((c) => c.id === 'adders-area-delay');
  if (spec === undefined) throw new Error('no adder chart');
  let layout: Layout | undefined;
  renderPng(spec.config, spec.width, spec.height, spec.title, (chart: Chart) => {
    const { left, top, right, bottom } = chart.chartArea;
    layout = {
      boxes: (chart as unknown as { $addersimLabels: LabelBox[] }).$addersimLabels,
      points: chart.getDatasetMeta(0).data.map((e) => ({ x: e.x, y: e.y })),
      area: { left, top, right, bottom },
    };
  });
  if (layout === undefined) throw new Error('chart not inspected');
  return layout;
}

const overlap = (a: LabelBox, b: LabelBox) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function checkLayout(layout: Layout, labels: number): void {
  expect(layout.boxes).toHaveLength(labels);
  for (const [i, a] of layout.boxes.entries()) {
    expect(a.w).toBeGreaterThan(0);
    for (const b of layout.boxes.slice(i + 1)) {
      expect(overlap(a, b), `"${a.text}" overlaps "${b.text}"`).toBe(false);
    }
    for (const p of layout.points) {
      // A point's marker: radius 5 around its centre.
      const marker = { text: 'point', x: p.x - 5, y: p.y - 5, w: 10, h: 10 };
      expect(overlap(a, marker), `"${a.text}" covers the point at ${p.x},${p.y}`).toBe(false);
    }
    expect(a.x).toBeGreaterThanOrEqual(layout.area.left);
    expect(a.y).toBeGreaterThanOrEqual(layout.area.top);
    expect(a.x + a.w).toBeLessThanOrEqual(layout.area.right);
    expect(a.y + a.h).toBeLessThanOrEqual(layout.area.bottom);
  }
}

describe.skipIf(GlobalFonts.families.length === 0)('adder chart label layout', () => {
  test('the sample report: Sklansky, Han-Carlson, carry-select, Ladner-Fischer and Brent-Kung sit close', () => {
    const sample = parseResults(
      readFileSync(fromRoot('reports', 'sample', 'results.json'), 'utf8'),
      'reports/sample/results.json',
    );
    checkLayout(adderLayout(sample), sample.adders.architectures.length);
  });

  test('the fixture', () => {
    const r = makeFixture();
    checkLayout(adderLayout(r), r.adders.architectures.length);
  });

  test('eleven points crowded into one corner still get eleven separate labels', () => {
    const r = makeFixture();
    const base = r.adders.architectures[0];
    const crowd = Array.from({ length: 11 }, (_, i) => ({
      ...base,
      name: `adder-${i}`,
      delayNs: 1 + 0.01 * (i % 4),
      areaUm2: 100 + 2 * Math.floor(i / 4),
    }));
    checkLayout(adderLayout({ ...r, adders: { ...r.adders, architectures: crowd } }), 11);
  });
});
