import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';

describe('addersim CLI entry point', () => {
  it('prints the package version', () => {
    const version = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')).version;
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('answers --help with usage', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: addersim <command> [options]');
  });
});
