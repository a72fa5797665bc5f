/**
 * `npm run readme:headline`: writes the headline table of reports/sample/results.json into
 * README.md between its headline markers (test/readme-headline.test.ts fails when they differ).
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../src/fsutil.js';
import { fromRoot } from '../src/paths.js';
import { headlineMarkdown, spliceHeadline } from '../src/report/readme-headline.js';
import { parseResults } from '../src/report/validate.js';

const resultsFile = fromRoot('reports', 'sample', 'results.json');
const readmeFile = fromRoot('README.md');
const results = parseResults(readFileSync(resultsFile, 'utf8'), 'reports/sample/results.json');
const readme = readFileSync(readmeFile, 'utf8');
const next = spliceHeadline(readme, headlineMarkdown(results), 'README.md');
if (next === readme) {
  console.log('README.md headline is up to date');
} else {
  writeFileAtomic(readmeFile, next, 'README.md');
  console.log('README.md headline rewritten from reports/sample/results.json');
}
