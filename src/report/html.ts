import type { BrowserChart } from './charts/browser.js';
import type { Block } from './document.js';
import { chartJsSource, pageScript } from './html-script.js';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `Energy per inference (ASIC)` -> `energy-per-inference-asic`: the heading's anchor. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const STYLE = `body{font-family:"DejaVu Sans",system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;max-width:1240px;margin:1.2em auto;padding:0 1em;line-height:1.4}
h1{font-size:1.5em;margin:.2em 0}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.8em}h1+h2{margin-top:.4em}
table{border-collapse:collapse;margin:.8em 0;font-size:.9em}
th,td{border:1px solid #ccc;padding:.22em .55em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.sortable th{cursor:pointer;user-select:none}
th[aria-sort=ascending]::after{content:" \\25B2";font-size:.7em}th[aria-sort=descending]::after{content:" \\25BC";font-size:.7em}
.columns{display:grid;grid-template-columns:minmax(0,1fr);gap:1.2em;align-items:start}
@media (min-width:1100px){.columns{grid-template-columns:minmax(0,1.15fr) minmax(0,1fr)}}
td.num{white-space:nowrap}
.columns>div>:first-child{margin-top:0}
figure.chart{margin:.8em 0}.chart-box{position:relative;width:100%}
@media print{body{max-width:none;margin:0}figure.chart,table{break-inside:avoid}}`;

function render(
  block: Block,
  charts: ReadonlyMap<string, BrowserChart>,
  anchors: Map<string, number>,
): string {
  switch (block.kind) {
    case 'heading': {
      const tag = `h${block.level}`;
      // Anchors stay unique when two headings read alike: `pe-area`, then `pe-area-2`.
      const base = slug(block.text);
      const seen = (anchors.get(base) ?? 0) + 1;
      anchors.set(base, seen);
      const id = seen === 1 ? base : `${base}-${seen}`;
      return `<${tag} id="${id}">${escapeHtml(block.text)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'list': {
      const items = block.items.map((item) => {
        const sub =
          item.sub === undefined || item.sub.length === 0
            ? ''
            : `<ul>${item.sub.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`;
        return `<li>${escapeHtml(item.text)}${sub}</li>`;
      });
      return `<ul>\n${items.join('\n')}\n</ul>`;
    }
    case 'table': {
      const cls = (i: number) => (block.numeric[i] ? ' class="num"' : '');
      const head = block.header.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('');
      const rows = block.rows.map(
        (r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`,
      );
      return `<table class="sortable">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
    case 'image': {
      const chart = charts.get(block.chart);
      if (chart === undefined) return '';
      // Drawn in the browser from the chart's data (inline below); the box keeps the PNG's shape.
      return `<figure class="chart"><div class="chart-box" style="aspect-ratio:${block.width}/${block.height}"><canvas data-chart="${escapeHtml(block.chart)}" role="img" aria-label="${escapeHtml(block.alt)}"></canvas></div></figure>`;
    }
    case 'columns':
      return `<div class="columns">\n${block.columns
        .map((col) => `<div>\n${renderAll(col, charts, anchors)}\n</div>`)
        .join('\n')}\n</div>`;
  }
}

function renderAll(
  blocks: readonly Block[],
  charts: ReadonlyMap<string, BrowserChart>,
  anchors: Map<string, number>,
): string {
  return blocks
    .map((b) => render(b, charts, anchors))
    .filter((s) => s !== '')
    .join('\n');
}

/** JSON inside a <script> element: `<` escaped so no text can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * report.html: one self-contained file (inline CSS, inline scripts, chart data as JSON, no
 * links out, nothing fetched). Charts are drawn by Chart.js in the browser, with tooltips and
 * legend toggles; tables sort by a click on a header. `charts` maps chart ids to their data.
 */
export function renderHtml(
  title: string,
  blocks: readonly Block[],
  charts: ReadonlyMap<string, BrowserChart>,
): string {
  const body = renderAll(blocks, charts, new Map());
  const shown = [...charts.values()].filter((c) => body.includes(`data-chart="${c.id}"`));
  const chartScripts =
    shown.length === 0
      ? ''
      : `<script type="application/json" id="addersim-charts">${scriptJson(shown)}</script>
<script>
${chartJsSource()}
</script>
`;
  const scripts = `${chartScripts}<script>
${pageScript()}
</script>
`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<main>
${body}
</main>
${scripts}</body>
</html>
`;
}
