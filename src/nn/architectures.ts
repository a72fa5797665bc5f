import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { fromRoot } from '../paths.js';
import { type Architecture, inferShapes } from './graph.js';

/** Names of the shipped architecture files in models/arch/, sorted. */
export function architectureNames(): string[] {
  return readdirSync(fromRoot('models', 'arch'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
}

/**
 * Loads a shipped architecture by name (`lenet5`) or a user's file by path, and checks that
 * its shapes fit (inferShapes). Errors name the file.
 */
export function loadArchitecture(nameOrPath: string): Architecture {
  const shipped = fromRoot('models', 'arch', `${nameOrPath}.json`);
  const path = existsSync(shipped) ? shipped : nameOrPath;
  if (!existsSync(path)) {
    throw new InputError(
      `architecture must be one of ${architectureNames().join(', ')} or an existing file, not ${JSON.stringify(nameOrPath)}`,
    );
  }
  let arch: Architecture;
  try {
    arch = JSON.parse(readFileSync(path, 'utf8')) as Architecture;
  } catch (err) {
    throw new InputError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof arch?.name !== 'string' || !Array.isArray(arch.nodes) || arch.nodes.length === 0) {
    throw new InputError(`${path}: an architecture needs a name and a non-empty nodes list`);
  }
  if (arch.nodes[0].op !== 'input') {
    throw new InputError(`${path}: the first node must be an input node, not ${arch.nodes[0].op}`);
  }
  try {
    inferShapes(arch);
  } catch (err) {
    throw new InputError(`${path}: ${(err as Error).message}`);
  }
  return arch;
}
