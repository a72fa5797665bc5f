import type { ReportResults } from '../../study/results.js';
import { accumulatorChart, accuracyChart } from './accuracy.js';
import { adderChart } from './adders.js';
import { budgetChart } from './budgets.js';
import { energyChart, layerChart, primitiveChart } from './energy.js';
import { renderPng } from './render.js';
import type { ChartSpec } from './spec.js';

export { chartFont } from './render.js';
export type { ChartSpec } from './spec.js';

/** A chart drawn to PNG: its spec without the Chart.js configuration, plus the bytes. */
export interface RenderedChart extends Omit<ChartSpec, 'config'> {
  readonly png: Uint8Array;
}

/**
 * The report's charts in report order. A chart whose section holds no data is left out.
 *
 * | id                   | kind                         | size    |
 * |----------------------|------------------------------|---------|
 * | accuracy-vs-bits     | lines, 3 networks + float    | 900x500 |
 * | energy-per-inference | grouped bars per ASIC table  | 900x500 |
 * | energy-by-primitive  | stacked bars per network     | 900x500 |
 * | energy-by-layer      | grouped bars per layer       | 900x500 |
 * | adders-area-delay    | labelled scatter             | 900x500 |
 * | accumulator-width    | lines, WRAP vs SAT           | 900x500 |
 * | operation-budgets    | bars, log scale              | 900x500 |
 */
export function chartSpecs(results: ReportResults): ChartSpec[] {
  return [
    accuracyChart(results),
    energyChart(results),
    primitiveChart(results),
    layerChart(results),
    adderChart(results),
    accumulatorChart(results),
    budgetChart(results),
  ].filter((c): c is ChartSpec => c !== null);
}

/** Draws every chart (about 30-60 ms each). */
export function renderCharts(results: ReportResults): RenderedChart[] {
  return chartSpecs(results).map(({ config, ...rest }) => ({
    ...rest,
    png: renderPng(config, rest.width, rest.height, rest.title),
  }));
}
