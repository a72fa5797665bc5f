import type { ReportResults } from '../../study/results.js';
import type { Block, ChartRef } from '../document.js';
import type { References } from '../references.js';
import type { Verdict } from '../verdict.js';

/** Everything a section renderer may read: the results and what the report derived from them. */
export interface SectionContext {
  readonly results: ReportResults;
  readonly verdict: Verdict;
  /** Charts to show (empty when charts were not rendered). */
  readonly charts: readonly ChartRef[];
  /** Numbered sources; rows cite a cost table as `refs.titled(id)`. */
  readonly refs: References;
  /** A sentence about the charts for the notes (no font, or not rendered), or null. */
  readonly chartNote: string | null;
}

/**
 * One level-2 section of the report. `render` gives the blocks under the heading (the builder
 * writes the heading); a section with no data says so rather than disappearing, so every report
 * has the same headings.
 */
export interface Section {
  readonly title: string;
  render(ctx: SectionContext): Block[];
}
