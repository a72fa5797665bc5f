import type { ReportResults } from '../study/results.js';
import { type Block, type ChartRef, heading } from './document.js';
import { collectReferences } from './references.js';
import { SECTIONS } from './sections/index.js';
import type { Verdict } from './verdict.js';

/** The level-2 section headings of every report, in order (each section is always present). */
export const SECTION_TITLES: readonly string[] = SECTIONS.map((s) => s.title);

export interface DocumentOptions {
  /** Charts to show (empty when charts were not rendered). */
  readonly charts: readonly ChartRef[];
  /** A sentence about the charts for the notes (no font, or not rendered), or null. */
  readonly chartNote: string | null;
}

/** The whole report as blocks: the title, then each section of SECTIONS under its heading. */
export function buildDocument(
  results: ReportResults,
  verdict: Verdict,
  options: DocumentOptions,
): Block[] {
  const ctx = {
    results,
    verdict,
    charts: options.charts,
    chartNote: options.chartNote,
    refs: collectReferences(results),
  };
  return [
    heading(1, `addersim report: ${results.meta.name}`),
    ...SECTIONS.flatMap((s) => [heading(2, s.title), ...s.render(ctx)]),
  ];
}
