import type { ApproxResults } from '../study/approx.js';
import type { ReportResults } from '../study/results.js';
import { approxPart } from './approx/index.js';
import { printPdf, screenshot } from './browser.js';
import { buildDocument } from './build.js';
import { browserChart } from './charts/browser.js';
import { chartFont, chartSpecs, type RenderedChart, renderCharts } from './charts/index.js';
import { csvFiles } from './csv-tables.js';
import { writeReportFolder } from './folder.js';
import { renderHtml } from './html.js';
import { resultsJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { checkResults } from './validate.js';
import { computeVerdict, type Verdict } from './verdict.js';

export interface WriteReportOptions {
  /** Render the PNG charts (default true; about 0.3 s for all seven). */
  readonly charts?: boolean;
  /** How a refusal names the folder (default "report folder"; the CLI says "--out"). */
  readonly label?: string;
  /**
   * Headless Chromium (its path, from findBrowser) that adds report.pdf and/or first-screen.png
   * to the folder; both are drawn from the report.html written beside them.
   */
  readonly browser?: {
    readonly path: string;
    readonly pdf: boolean;
    readonly screenshot: boolean;
  };
  /** Sweeps over approximate circuits: adds the "Approximate arithmetic" part (approx/). */
  readonly approx?: ApproxResults;
}

export interface WrittenReport {
  /** Every file written, relative to the report folder, sorted. */
  readonly files: readonly string[];
  readonly charts: readonly Omit<RenderedChart, 'png'>[];
  readonly verdict: Verdict;
  /** Font the charts were drawn with; null when charts were off or no font is installed. */
  readonly chartFont: string | null;
}

/** The report's files in memory: path relative to the report folder -> content. */
export interface ReportFiles {
  readonly files: ReadonlyMap<string, string | Uint8Array>;
  readonly charts: readonly RenderedChart[];
  readonly verdict: Verdict;
  readonly chartFont: string | null;
}

/**
 * Renders every file of a report without touching the report folder: report.md, report.html,
 * results.json, one CSV per table, charts/<id>.png, and report.pdf and first-screen.png when a
 * browser is given. `results` is checked first
 * (InputError naming the field on bad values).
 */
export function renderReport(value: ReportResults, options: WriteReportOptions = {}): ReportFiles {
  const results = checkResults(value, 'report results');
  const verdict = computeVerdict(results);
  const drawCharts = options.charts ?? true;
  const charts = drawCharts ? renderCharts(results) : [];
  const font = drawCharts ? chartFont() : null;
  const chartNote = !drawCharts
    ? 'Charts were not rendered for this report; the tables hold every number.'
    : font === null
      ? 'No font was installed on the machine that drew the charts, so they carry no text (titles, axes and legends are missing); the tables hold every number.'
      : null;
  const approx = options.approx === undefined ? undefined : approxPart(options.approx, drawCharts);
  const blocks = [
    ...buildDocument(results, verdict, { charts, chartNote }),
    ...(approx?.blocks ?? []),
  ];
  const allCharts = [...charts, ...(approx?.charts ?? [])];
  const files = new Map<string, string | Uint8Array>();
  files.set('report.md', renderMarkdown(blocks));
  files.set(
    'report.html',
    renderHtml(
      `addersim report: ${results.meta.name}`,
      blocks,
      new Map(
        drawCharts
          ? [...chartSpecs(results), ...(approx?.specs ?? [])].map((s) => [s.id, browserChart(s)])
          : [],
      ),
    ),
  );
  files.set('results.json', resultsJson(results));
  for (const csv of csvFiles(results)) files.set(csv.name, csv.text);
  for (const c of allCharts) files.set(c.file, c.png);
  if (approx) files.set(approx.csv.name, approx.csv.text);
  const html = files.get('report.html') as string;
  if (options.browser?.pdf) files.set('report.pdf', printPdf(options.browser.path, html));
  if (options.browser?.screenshot) {
    files.set('first-screen.png', screenshot(options.browser.path, html));
  }
  return { files, charts, verdict, chartFont: font };
}

/**
 * Writes a complete report into folder `dir`, all or nothing: the files are staged in a
 * sibling folder and swapped in by rename. `dir` may be new, empty or an earlier report.
 */
export function writeReport(
  dir: string,
  results: ReportResults,
  options: WriteReportOptions = {},
): WrittenReport {
  const report = renderReport(results, options);
  writeReportFolder(dir, report.files, options.label);
  return {
    files: [...report.files.keys()].sort(),
    charts: report.charts.map(({ png: _png, ...rest }) => rest),
    verdict: report.verdict,
    chartFont: report.chartFont,
  };
}
