/**
 * The study: runs the one pipeline (src/pipeline), the budget counter and the simulators, and
 * gathers every number the report shows into one ReportResults (results.ts, the contract the
 * report renders).
 *
 *   runStudy(options) -> ReportResults          the shipped MNIST models unless told otherwise
 *   resolveStudyOptions(options)                defaults and bounds (options.ts)
 *   headlineRows(results)                       the numbers the CLI prints after a report
 */
export * from './options.js';
export * from './results.js';
export { pickImages, runStudy } from './run.js';
