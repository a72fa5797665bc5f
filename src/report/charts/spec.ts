import type { ChartConfiguration } from 'chart.js';

/** Every chart is drawn at this size unless its spec says otherwise (pixels, device ratio 1). */
export const CHART_WIDTH = 900;
export const CHART_HEIGHT = 500;

/** One chart of the report: what to draw, where it goes, and how big it is. */
export interface ChartSpec {
  /** Stable identifier, also the file stem: `accuracy-vs-bits`. */
  readonly id: string;
  /** Path relative to the report folder: `charts/accuracy-vs-bits.png`. */
  readonly file: string;
  readonly title: string;
  /** One-sentence description for the image's alt text. */
  readonly alt: string;
  readonly width: number;
  readonly height: number;
  readonly config: ChartConfiguration;
}

export function chartSpec(
  id: string,
  title: string,
  alt: string,
  config: ChartConfiguration,
  size: { width: number; height: number } = { width: CHART_WIDTH, height: CHART_HEIGHT },
): ChartSpec {
  return { id, file: `charts/${id}.png`, title, alt, ...size, config };
}
