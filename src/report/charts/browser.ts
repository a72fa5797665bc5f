import type { ChartSpec } from './spec.js';

/**
 * A chart as report.html draws it in the browser: the spec's Chart.js configuration as plain
 * JSON. Functions cannot cross into the page as data, so what they did is restored there by
 * rule: a logarithmic axis labels powers of ten only, and points carrying a `label` get the
 * label-placement plugin (its source is inlined) and show the label in their tooltip.
 */
export interface BrowserChart {
  readonly id: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
  readonly config: unknown;
}

export function browserChart(spec: ChartSpec): BrowserChart {
  const { plugins: _plugins, ...config } = spec.config;
  return {
    id: spec.id,
    alt: spec.alt,
    width: spec.width,
    height: spec.height,
    config: JSON.parse(JSON.stringify(config)),
  };
}
