import { InputError, show } from '../errors.js';
import type { ReportResults, TableKind } from '../study/results.js';
import { conform } from '../study/results-check.js';
import { RESULTS_SCHEMA } from '../study/results-schema.js';

/**
 * Checks a results value (from the study, or read back from a results.json) and returns it with
 * keys in canonical order. Beyond the shapes: every cited table exists and has the right kind,
 * no row is listed twice, correct counts do not exceed the images counted, and every cost has
 * provenance. `origin` names the value in messages (a file name, or `report results`).
 */
export function checkResults(value: unknown, origin: string): ReportResults {
  const results = conform(RESULTS_SCHEMA, value, origin) as ReportResults;
  const fail = (path: string, expected: string, found: unknown): never => {
    throw new InputError(`${origin}: ${path} must be ${expected}, not ${show(found)}`);
  };
  const kinds = new Map<string, TableKind>();
  results.tables.forEach((t, i) => {
    if (kinds.has(t.id)) fail(`tables[${i}].id`, 'unique', t.id);
    kinds.set(t.id, t.kind);
  });
  const cite = (path: string, id: string, allowed: readonly TableKind[]) => {
    const kind = kinds.get(id);
    if (kind === undefined) fail(path, 'the id of a table listed in tables', id);
    if (!allowed.includes(kind as TableKind)) {
      fail(path, `a table of kind ${allowed.join(' or ')}`, `${id} (kind ${kind})`);
    }
  };
  const costRows: [
    string,
    readonly { network: string; table: string; provenance?: readonly string[] }[],
    TableKind[],
  ][] = [
    ['energy', results.energy, ['asic-op']],
    ['fpga', results.fpga, ['fpga']],
    ['cpu', results.cpu, ['cpu']],
    ['area', results.area, ['asic-op', 'asic-cell']],
    ['breakdown', results.breakdown, ['asic-op']],
  ];
  for (const [name, rows, allowed] of costRows) {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      cite(`${name}[${i}].table`, row.table, allowed);
      const key = `${row.network}/${row.table}`;
      if (seen.has(key)) fail(`${name}[${i}]`, 'the only row for its network and table', key);
      seen.add(key);
      if (row.provenance !== undefined && row.provenance.length === 0) {
        fail(`${name}[${i}].provenance`, 'a non-empty list of table rows and scaling steps', []);
      }
    });
  }
  cite('adders.table', results.adders.table, ['asic-cell']);
  results.adders.architectures.forEach((a, i) => {
    if (a.provenance.length === 0) {
      fail(`adders.architectures[${i}].provenance`, 'a non-empty list of table rows', []);
    }
  });
  if (results.verdictInputs.breakdownTable !== null) {
    cite('verdictInputs.breakdownTable', results.verdictInputs.breakdownTable, ['asic-op']);
  }
  const images = results.accuracy.testImages;
  results.accuracy.networks.forEach((n, i) => {
    if (n.floatCorrect > images) {
      fail(
        `accuracy.networks[${i}].floatCorrect`,
        `at most testImages (${images})`,
        n.floatCorrect,
      );
    }
    n.points.forEach((p, j) => {
      if (p.correct > images) {
        fail(
          `accuracy.networks[${i}].points[${j}].correct`,
          `at most testImages (${images})`,
          p.correct,
        );
      }
    });
  });
  const accImages = results.accumulator.testImages;
  results.accumulator.curves.forEach((c, i) => {
    c.points.forEach((p, j) => {
      const worst = Math.max(p.wrapCorrect, p.satCorrect);
      if (worst > accImages) {
        fail(
          `accumulator.curves[${i}].points[${j}]`,
          `correct counts of at most testImages (${accImages})`,
          worst,
        );
      }
    });
  });
  return results;
}

/** Parses and checks the text of a results.json; `file` names it in messages. */
export function parseResults(text: string, file: string): ReportResults {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      `${file} must be JSON, not text that fails to parse (${(err as Error).message})`,
    );
  }
  return checkResults(value, file);
}
