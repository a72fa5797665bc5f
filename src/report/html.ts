import type { Block } from './document.js';

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

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;max-width:980px;margin:2em auto;padding:0 1em;line-height:1.45}
h1{font-size:1.7em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.8em}
table{border-collapse:collapse;margin:1em 0;font-size:.92em}
th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
img{max-width:100%;height:auto;border:1px solid #eee}figure{margin:1em 0}`;

function render(
  block: Block,
  images: ReadonlyMap<string, Uint8Array>,
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
      return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
    case 'image': {
      const png = images.get(block.chart);
      if (png === undefined) return '';
      // Inlined as a data URI so the file is self-contained: no external reference at all.
      const src = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
      return `<figure><img src="${src}" alt="${escapeHtml(block.alt)}" width="${block.width}" height="${block.height}"></figure>`;
    }
  }
}

/**
 * report.html: one self-contained file (inline CSS, charts as base64 data URIs, no scripts,
 * no links out). `images` maps chart ids to PNG bytes.
 */
export function renderHtml(
  title: string,
  blocks: readonly Block[],
  images: ReadonlyMap<string, Uint8Array>,
): string {
  const anchors = new Map<string, number>();
  const body = blocks
    .map((b) => render(b, images, anchors))
    .filter((s) => s !== '')
    .join('\n');
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
</body>
</html>
`;
}
