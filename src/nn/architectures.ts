import { existsSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { readInputFile } from '../fsutil.js';
import { fromRoot } from '../paths.js';
import type { Architecture } from './graph.js';
import { validateArchitecture } from './graph-schema.js';

/** Names of the shipped architecture files in models/arch/, sorted. */
export function architectureNames(): string[] {
  return readdirSync(fromRoot('models', 'arch'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
}

/**
 * Loads a shipped architecture by name (`lenet5`) or a user's file by path, and checks that
 * it passes the graph schema (validateArchitecture). Errors name the file.
 */
export function loadArchitecture(nameOrPath: string): Architecture {
  const shipped = fromRoot('models', 'arch', `${nameOrPath}.json`);
  const path = existsSync(shipped) ? shipped : nameOrPath;
  if (!existsSync(path)) {
    throw new InputError(
      `architecture must be one of ${architectureNames().join(', ')} or an existing file, not ${JSON.stringify(nameOrPath)}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readInputFile(path, `architecture ${path}`).toString('utf8'));
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  return validateArchitecture(raw, path);
}
