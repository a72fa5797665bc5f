import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../src/paths.js';

/**
 * The published package is what is tested: `npm pack` of this checkout (dist/ built by the
 * test command's pretest step), installed into an empty project, then imported by name. The
 * README's library example runs there exactly as written and prints the lines the README shows.
 */
const project = mkdtempSync(join(tmpdir(), 'addersim-library-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', project], {
  cwd: fromRoot(),
  stdio: ['ignore', 'ignore', 'inherit'],
});
const tarball = readdirSync(project).find((f) => f.endsWith('.tgz')) as string;
writeFileSync(
  join(project, 'package.json'),
  '{ "name": "try-addersim", "private": true, "type": "module" }\n',
);
execFileSync(
  npm,
  ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `./${tarball}`],
  { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] },
);

function readmeExample(): { code: string; output: string[] } {
  const readme = readFileSync(fromRoot('README.md'), 'utf8');
  const m = /## Use as a library[\s\S]*?```js\n([\s\S]*?)```\s*```text\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README has no library example followed by its output');
  return { code: m[1], output: m[2].trimEnd().split('\n') };
}

describe('addersim as an installed package', () => {
  it('imports by name and exposes the documented entry points', () => {
    const script = "import('addersim').then((m) => console.log(Object.keys(m).sort().join(',')))";
    const r = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const names = r.stdout.trim().split(',');
    for (const name of [
      'buildDatapath',
      'compile',
      'ReferenceSimulator',
      'simulateActivity',
      'inferCheckpoint',
      'measureNetwork',
      'priceInference',
      'budgetArchitecture',
      'loadTable',
      'runSweep',
      'runStudy',
      'writeReport',
      'InputError',
      'quantize',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('runs the README example exactly as written', () => {
    const { code, output } = readmeExample();
    writeFileSync(join(project, 'example.mjs'), code);
    const r = spawnSync(process.execPath, ['example.mjs'], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(output);
  });

  it('refuses bad input with the InputError the CLI would print', () => {
    const script =
      "import('addersim').then((m) => { try { m.buildDatapath({ op: 'add', bits: 0 }) } catch (e) { console.log(e.name + ': ' + e.message) } })";
    const r = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('InputError: --bits must be an integer from 1 to 256, not 0');
  });
});
