/**
 * The report: renders a ReportResults value (filled by the study) into report.md, report.html,
 * results.json, CSV tables and PNG charts, with a verdict computed from the numbers.
 */

export { formatCount, formatEnergy } from '../format.js';
export { ENERGY_CATEGORIES, type EnergyCategory } from '../study/categories.js';
export * from '../study/results.js';
export { SECTION_TITLES } from './build.js';
export {
  CHART_HEIGHT,
  CHART_WIDTH,
  chartSpecs,
  type RenderedChart,
  renderCharts,
} from './charts/index.js';
export { encodeCsv } from './csv.js';
export { type CsvFile, csvFiles } from './csv-tables.js';
export { resultsJson } from './json.js';
export { checkResults, parseResults, RESULTS_SCHEMA } from './validate.js';
export {
  computeVerdict,
  type Finding,
  type Outcome,
  VERDICT_TOPICS,
  type Verdict,
} from './verdict.js';
export {
  type ReportFiles,
  renderReport,
  type WriteReportOptions,
  type WrittenReport,
  writeReport,
} from './write.js';
