import type { ReportResults } from '../study/results.js';
import { checkResults } from './validate.js';

/**
 * results.json: the results with keys in schema order (meta first, then each section in report
 * order), two-space indentation, one trailing newline. The same value always gives the same
 * bytes, whatever order the study built its objects in; numbers are JavaScript's exact
 * shortest round-trip form.
 */
export function resultsJson(results: ReportResults): string {
  return `${JSON.stringify(checkResults(results, 'report results'), null, 2)}\n`;
}
