/**
 * The study: runs the engine, budget counter, cost models and simulators and gathers every
 * number the report shows into one ReportResults (src/report/results.ts).
 *
 *   runStudy(options) -> ReportResults          the shipped MNIST models unless told otherwise
 *   runStudyWith(options, engine)               the same with another QuantizedEngine
 *   resolveStudyOptions(options)                defaults and bounds (options.ts)
 *   headlineRows(results)                       the numbers the CLI prints after a report
 */
import { loadMnist } from '../nn/data/mnist.js';
import type { ReportResults } from '../report/results.js';
import { integerEngine } from './engine.js';
import type { StudyOptions } from './options.js';
import { runStudy as runStudyWith } from './run.js';

export { headlineRows } from './headline.js';
export type { QuantizedEngine, QuantizedNetwork } from './inference.js';
export * from './options.js';
export { pickImages, runStudy as runStudyWith } from './run.js';

/** The study with the integer engine (calibration on the MNIST training set). */
export function runStudy(options: StudyOptions = {}): Promise<ReportResults> {
  return runStudyWith(options, integerEngine(loadMnist('train'), options.threads));
}
