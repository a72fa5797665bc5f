import type { Chart, Plugin } from 'chart.js';

/** A placed label: its text and its box in canvas pixels (top-left corner, width, height). */
export interface LabelBox {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * Chart.js plugin writing each point's label (`{x, y, label}` data points) beside it without any
 * two labels overlapping, and without a label covering a point or leaving the plot area.
 *
 * Placement is greedy and deterministic: points are taken in data order; for each, candidate
 * boxes are tried at growing distances (9 px, then steps of 14 px) in eight directions (right,
 * left, up-right, down-right, up-left, down-left, up, down); the first box inside the plot area
 * that meets no placed label and no point marker wins. A label set away from its point gets a
 * thin leader line. The boxes (LabelBox) are stored on the chart as `$addersimLabels`, for
 * tests and the browser check to read.
 *
 * The function is self-contained (it references nothing outside its own body) because
 * report.html inlines its source text to run the same placement in the browser.
 */
export function pointLabelPlugin(): Plugin {
  return {
    id: 'addersimPointLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      const family = chart.options.font?.family || 'sans-serif';
      const size = 12;
      const lineHeight = size + 4;
      const marker = 6;
      const pad = 2;
      ctx.save();
      ctx.font = `${size}px ${family}`;
      const points: { x: number; y: number; text: string | undefined }[] = [];
      chart.data.datasets.forEach((dataset, i) => {
        const meta = chart.getDatasetMeta(i);
        if (meta.hidden) return;
        meta.data.forEach((element, j) => {
          const raw = dataset.data[j] as { label?: unknown } | null;
          const text =
            raw !== null && typeof raw === 'object' && typeof raw.label === 'string'
              ? raw.label
              : undefined;
          const p = element.getProps(['x', 'y'], true) as { x: number; y: number };
          points.push({ x: p.x, y: p.y, text });
        });
      });
      const obstacles = points.map((p) => ({
        x: p.x - marker,
        y: p.y - marker,
        w: 2 * marker,
        h: 2 * marker,
      }));
      const meets = (a: { x: number; y: number; w: number; h: number }) =>
        obstacles.some(
          (b) =>
            a.x < b.x + b.w + pad &&
            b.x < a.x + a.w + pad &&
            a.y < b.y + b.h + pad &&
            b.y < a.y + a.h + pad,
        );
      const inside = (a: { x: number; y: number; w: number; h: number }) =>
        a.x >= chartArea.left &&
        a.y >= chartArea.top &&
        a.x + a.w <= chartArea.right &&
        a.y + a.h <= chartArea.bottom;
      const directions = [
        [1, 0],
        [-1, 0],
        [1, -1],
        [1, 1],
        [-1, -1],
        [-1, 1],
        [0, -1],
        [0, 1],
      ];
      const placed: {
        text: string;
        x: number;
        y: number;
        w: number;
        h: number;
        px: number;
        py: number;
        far: boolean;
      }[] = [];
      for (const p of points) {
        if (p.text === undefined) continue;
        const w = Math.ceil(ctx.measureText(p.text).width);
        const h = lineHeight;
        let found: { x: number; y: number; w: number; h: number } | undefined;
        let far = false;
        for (let step = 0; step < 16 && found === undefined; step++) {
          const d = 9 + 14 * step;
          for (const [dx, dy] of directions) {
            // The box's near edge (or centre, on the vertical) sits d px from the point.
            const x = dx > 0 ? p.x + d : dx < 0 ? p.x - d - w : p.x - w / 2;
            const y =
              dy > 0
                ? p.y + d - (dx === 0 ? 0 : h / 2)
                : dy < 0
                  ? p.y - d - (dx === 0 ? h : h / 2)
                  : p.y - h / 2;
            const box = { x: Math.round(x), y: Math.round(y), w, h };
            if (inside(box) && !meets(box)) {
              found = box;
              far = step > 0;
              break;
            }
          }
        }
        if (found === undefined) continue;
        obstacles.push(found);
        placed.push({ text: p.text, ...found, px: p.x, py: p.y, far });
      }
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      for (const l of placed) {
        if (l.far) {
          // Leader from the point to the nearest point of the label's box.
          const tx = Math.min(Math.max(l.px, l.x), l.x + l.w);
          const ty = Math.min(Math.max(l.py, l.y), l.y + l.h);
          ctx.strokeStyle = '#888888';
          ctx.lineWidth = 1;
          ctx.beginPath();
          ctx.moveTo(l.px, l.py);
          ctx.lineTo(tx, ty);
          ctx.stroke();
        }
        ctx.fillStyle = '#222222';
        ctx.fillText(l.text, l.x, l.y + l.h / 2);
      }
      ctx.restore();
      (chart as unknown as Record<string, unknown>).$addersimLabels = placed.map((l) => ({
        text: l.text,
        x: l.x,
        y: l.y,
        w: l.w,
        h: l.h,
      }));
    },
  };
}
