import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type Plugin, registerables } from 'chart.js';

/** What Chart.js accepts as a drawing target; Skia's context stands in for the DOM's. */
type ChartItem = ConstructorParameters<typeof Chart>[0];

/**
 * Server-side Chart.js: a chart drawn once onto an @napi-rs/canvas (Skia) surface and encoded as
 * PNG. Deterministic by construction: no animation, no responsive resizing, device pixel ratio 1,
 * an opaque white background, and a font chosen from a fixed preference list — so the same
 * configuration on the same machine gives byte-identical PNGs.
 *
 * Fonts: Skia sees the system fonts. Chart.js's default list (Helvetica Neue, Helvetica, Arial)
 * is usually absent on Linux, so the first installed family of FONT_PREFERENCE is used, else any
 * installed family. No font ships with the npm packages installed here, and nothing is
 * downloaded: on a machine with no fonts at all the charts carry no text, and `chartFont()`
 * returns null so the report can say so.
 */
const FONT_PREFERENCE = [
  'DejaVu Sans',
  'Liberation Sans',
  'Noto Sans',
  'Arial',
  'Helvetica',
  'Lato',
  'Open Sans',
];

let setupDone = false;
let fontFamily: string | null = null;

function setup(): void {
  if (setupDone) return;
  Chart.register(...registerables);
  const installed = new Set(GlobalFonts.families.map((f) => f.family));
  fontFamily = FONT_PREFERENCE.find((f) => installed.has(f)) ?? [...installed].sort()[0] ?? null;
  if (fontFamily !== null) Chart.defaults.font.family = fontFamily;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#222222';
  setupDone = true;
}

/** The font family charts are drawn with, or null when the machine has no font installed. */
export function chartFont(): string | null {
  setup();
  return fontFamily;
}

/** Paints the whole canvas white before anything else, so the PNG is opaque. */
const whiteBackground: Plugin = {
  id: 'addersimWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * Draws `config` at `width` x `height` pixels and returns the PNG bytes. `title` goes into the
 * PNG's Title text chunk; `inspect`, when given, sees the drawn chart before it is destroyed
 * (tests read the label layout from it).
 */
export function renderPng(
  config: ChartConfiguration,
  width: number,
  height: number,
  title: string,
  inspect?: (chart: Chart) => void,
): Uint8Array {
  setup();
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const chart = new Chart(
    context as unknown as ChartItem,
    {
      ...config,
      options: {
        ...config.options,
        animation: false,
        responsive: false,
        maintainAspectRatio: false,
        devicePixelRatio: 1,
      },
      plugins: [whiteBackground, ...(config.plugins ?? [])],
    } as ChartConfiguration,
  );
  try {
    inspect?.(chart);
    return new Uint8Array(canvas.toBuffer('image/png', { title }));
  } finally {
    chart.destroy();
  }
}
