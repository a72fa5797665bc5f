import { expect, test } from 'vitest';
import { columns, heading, list, paragraph, table } from '../../src/report/document.js';
import { escapeHtml, renderHtml, slug } from '../../src/report/html.js';
import { escapeMarkdown, renderMarkdown } from '../../src/report/markdown.js';

test('Markdown escaping keeps names readable and tables intact', () => {
  expect(escapeMarkdown('aladdin_adder.csv')).toBe('aladdin_adder.csv');
  expect(escapeMarkdown('_x_ and *y*')).toBe('\\_x\\_ and \\*y\\*');
  expect(escapeMarkdown('|x − w|')).toBe('\\|x − w\\|');
  expect(escapeMarkdown('<script> [link](u) `code`')).toBe('\\<script> \\[link\\](u) \\`code\\`');
  expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
  expect(escapeMarkdown('8 -> 9 bits')).toBe('8 -> 9 bits');
});

test('Markdown tables align numbers right; lists nest one level', () => {
  const md = renderMarkdown([
    heading(2, 'T'),
    table(['name', 'n'], [['a|b', '1,000']], [false, true]),
    list([{ text: 'cost:', sub: ['row 1', 'step 2'] }, 'plain']),
  ]);
  expect(md).toBe(
    '## T\n\n| name | n |\n| --- | ---: |\n| a\\|b | 1,000 |\n\n- cost:\n  - row 1\n  - step 2\n- plain\n',
  );
});

test('HTML escapes text, gives unique anchors and skips images it has no bytes for', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
    '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;',
  );
  expect(slug('Energy per inference (ASIC)')).toBe('energy-per-inference-asic');
  const html = renderHtml(
    'R & D',
    [
      heading(2, 'PE area'),
      heading(3, 'PE area'),
      paragraph('a < b'),
      {
        kind: 'image',
        chart: 'missing',
        file: 'charts/missing.png',
        alt: 'x',
        width: 9,
        height: 5,
      },
    ],
    new Map(),
  );
  expect(html).toContain('<title>R &#38; D</title>');
  expect(html).toContain(
    '<h2 id="pe-area">PE area</h2>\n<h3 id="pe-area-2">PE area</h3>\n<p>a &#60; b</p>\n</main>',
  );
  expect(html).not.toContain('<img');
});

test('columns sit side by side in HTML and one after the other in Markdown', () => {
  const blocks = [columns([paragraph('left')], [paragraph('right')])];
  expect(renderMarkdown(blocks)).toBe('left\n\nright\n');
  expect(renderHtml('t', blocks, new Map())).toContain(
    '<div class="columns">\n<div>\n<p>left</p>\n</div>\n<div>\n<p>right</p>\n</div>\n</div>',
  );
});

test('every HTML table is sortable; numeric columns are marked for the sort script', () => {
  const html = renderHtml('t', [table(['name', 'n'], [['a', '1 nJ']], [false, true])], new Map());
  expect(html).toContain(
    '<table class="sortable">\n<thead><tr><th>name</th><th class="num">n</th></tr></thead>',
  );
  // No chart: no Chart.js, but the page script (table sorting) is there.
  expect(html).not.toContain('Chart.js v');
  expect(html).toContain("querySelectorAll('table.sortable')");
});
