import type { ApproxResults } from '../../study/approx.js';
import { renderPng } from '../charts/render.js';
import type { ChartSpec } from '../charts/spec.js';
import { encodeCsv } from '../csv.js';
import type { Block, ChartRef } from '../document.js';
import { approxChart } from './chart.js';
import { approxSection } from './section.js';

/**
 * The optional "approximate arithmetic" part of a report (`report --approx`), self-contained:
 * its blocks, its chart drawn to PNG when charts are drawn, and its CSV. The report appends it
 * after its own sections.
 */
export interface ApproxPart {
  readonly blocks: readonly Block[];
  readonly charts: readonly (ChartRef & { readonly png: Uint8Array })[];
  readonly csv: { readonly name: string; readonly text: string };
  /** The chart as a spec, for report.html to draw in the browser. */
  readonly specs: readonly ChartSpec[];
}

export function approxPart(approx: ApproxResults, drawCharts: boolean): ApproxPart {
  const specs = drawCharts ? [approxChart(approx)] : [];
  const charts = drawCharts
    ? specs.map(({ config, ...rest }) => ({
        ...rest,
        png: renderPng(config, rest.width, rest.height, rest.title),
      }))
    : [];
  const rows = approx.sides.flatMap((s) =>
    s.points.map((p) => [
      s.slot,
      s.model,
      p.circuit,
      p.correct,
      p.images,
      p.accuracy,
      p.energyPj,
      p.areaUm2,
      p.pareto ? 'yes' : 'no',
    ]),
  );
  return {
    specs,
    blocks: approxSection(approx, charts),
    charts,
    csv: {
      name: 'approx.csv',
      text: encodeCsv(
        [
          'slot',
          'model',
          'circuit',
          'correct',
          'images',
          'accuracy',
          'energy_pj',
          'pe_area_um2',
          'pareto',
        ],
        rows,
      ),
    },
  };
}
