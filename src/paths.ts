import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The package root (the folder holding addersim's package.json). Source files run from
 * `src/` under vitest and from `dist/src/` when built, so the depth differs: walk upwards.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === 'addersim') return (cached = dir);
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('addersim package root not found');
    dir = up;
  }
}

/** A path inside the package: `fromRoot('cost-tables', 'asic-45nm-horowitz.json')`. */
export function fromRoot(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string })
    .version;
}
