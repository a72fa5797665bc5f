import type { ReportResults } from '../study/results.js';
import type { Block, ChartRef } from './document.js';
import { accumulatorSection, accuracySection } from './sections/accuracy.js';
import { adderSection } from './sections/adders.js';
import { layerSection, primitiveSection } from './sections/breakdown.js';
import { budgetSection } from './sections/budgets.js';
import { areaSection, asicSection, cpuSection, fpgaSection } from './sections/costs.js';
import { memorySection } from './sections/memory.js';
import { methodSection, provenanceSection } from './sections/provenance.js';
import { runSection, verdictSection } from './sections/summary.js';
import type { Verdict } from './verdict.js';

/** The level-2 section headings of every report, in order (each section is always present). */
export const SECTION_TITLES = [
  'Run',
  'Verdict',
  'Accuracy vs bit width',
  'Energy per inference (ASIC)',
  'Energy by primitive',
  'Energy by layer',
  'FPGA: resources, cycles and energy',
  'CPU: cycles per tap and per inference',
  'PE area',
  'Adder architectures: area, delay, energy',
  'Accumulator width vs accuracy',
  'Operation budgets',
  'Cost tables and provenance',
  'Method and caveats',
] as const;

export interface DocumentOptions {
  /** Charts to show (empty when charts were not rendered). */
  readonly charts: readonly ChartRef[];
  /** A sentence about the charts for the caveats (no font, or not rendered), or null. */
  readonly chartNote: string | null;
}

/** The whole report as blocks, sections in SECTION_TITLES order. */
export function buildDocument(
  results: ReportResults,
  verdict: Verdict,
  options: DocumentOptions,
): Block[] {
  const { charts } = options;
  return [
    ...runSection(results),
    ...verdictSection(results, verdict),
    ...accuracySection(results, charts),
    ...asicSection(results, charts),
    ...memorySection(results),
    ...primitiveSection(results, charts),
    ...layerSection(results, charts),
    ...fpgaSection(results),
    ...cpuSection(results),
    ...areaSection(results),
    ...adderSection(results, charts),
    ...accumulatorSection(results, charts),
    ...budgetSection(results, charts),
    ...provenanceSection(results),
    ...methodSection(results, options.chartNote),
  ];
}
