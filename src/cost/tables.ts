import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { InputError, show } from '../errors.js';
import { readInputFile } from '../fsutil.js';
import { fromRoot } from '../paths.js';
import { firstSchemaProblem, type JsonSchema } from './json-schema.js';
import { firstTableProblem, firstValueProblem } from './table-checks.js';
import type { CostTable, TableKind } from './table-types.js';

/**
 * Loading cost tables: the shipped ones in cost-tables/ by name, or a user's file by path. Both
 * go through the same checks (cost-tables/schema.json, then the cross-row checks), and a broken
 * table is an InputError naming the file and the JSON pointer:
 * `cost-tables/x.json: /ops/3/energyPj must be a number >= 0, not -1`.
 */

const TABLE_DIR = 'cost-tables';
const SCHEMA_FILE = 'schema.json';

let schemaCache: JsonSchema | undefined;

function schema(): JsonSchema {
  schemaCache ??= JSON.parse(readFileSync(fromRoot(TABLE_DIR, SCHEMA_FILE), 'utf8')) as JsonSchema;
  return schemaCache;
}

/** Names of the shipped tables, sorted. */
export function tableNames(): string[] {
  return readdirSync(fromRoot(TABLE_DIR))
    .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** The file of a shipped table, or undefined when `name` names none. */
export function shippedTableFile(name: string): string | undefined {
  return tableNames().includes(name) ? fromRoot(TABLE_DIR, `${name}.json`) : undefined;
}

export interface TableSummary {
  readonly name: string;
  readonly kind: TableKind;
  readonly node: string;
  readonly description: string;
  readonly sources: readonly string[];
  /** Where it was read from, relative to the package root for shipped tables. */
  readonly file: string;
}

/** Every shipped table, each validated (a broken shipped table throws). */
export function listTables(): TableSummary[] {
  return tableNames().map((name) => {
    const file = `${TABLE_DIR}/${name}.json`;
    const table = parseTable(readFileSync(fromRoot(file), 'utf8'), file);
    return {
      name: table.name,
      kind: table.kind,
      node: table.node,
      description: table.description,
      sources: table.sources,
      file,
    };
  });
}

/**
 * A shipped table by name (`asic-45nm-horowitz`) or a table file by path. `what` names the
 * input in the error (the CLI passes `--table`).
 */
export function loadTable(nameOrPath: string, what = 'table'): CostTable {
  const names = tableNames();
  if (names.includes(nameOrPath)) {
    const file = `${TABLE_DIR}/${nameOrPath}.json`;
    return parseTable(readFileSync(fromRoot(file), 'utf8'), file);
  }
  if (!existsSync(nameOrPath) || !statSync(nameOrPath).isFile()) {
    throw new InputError(
      `${what} must be one of ${names.join(', ')} or the path of a table file, not ${show(nameOrPath)}`,
    );
  }
  return parseTable(
    readInputFile(nameOrPath, `${what} ${nameOrPath}`).toString('utf8'),
    nameOrPath,
  );
}

/** Parses and checks table text; `file` labels every message. */
export function parseTable(text: string, file: string): CostTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      `${file} must be valid JSON, not text that fails to parse (${(err as Error).message})`,
    );
  }
  const valueProblem = firstValueProblem(data);
  if (valueProblem) throw new InputError(`${file}: ${valueProblem}`);
  const problem = firstSchemaProblem(data, schema());
  if (problem) throw new InputError(`${file}: ${problem}`);
  const table = data as CostTable;
  const crossRow = firstTableProblem(table);
  if (crossRow) throw new InputError(`${file}: ${crossRow}`);
  return table;
}
