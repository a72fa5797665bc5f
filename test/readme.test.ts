import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../src/paths.js';
import { runCli } from './helpers/cli.js';

/**
 * Every `npx addersim ...` line in a ```sh block of the README runs here, exactly as written
 * (through the built CLI) except that `/tmp/` stands for a fresh folder of this run (so files
 * left by an earlier run or another version are never resumed), and must exit 0. When a ```text block follows, its lines must appear
 * in the command's output in the same order (a `...` line stands for lines left out), so the
 * README never shows output the tool no longer prints. `npm` lines (set-up) are run by CI itself.
 */
interface Example {
  readonly command: string;
  readonly expected?: readonly string[];
}

function readmeExamples(): Example[] {
  const text = readFileSync(fromRoot('README.md'), 'utf8');
  const blocks = [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({
    lang: m[1],
    body: m[2],
    end: (m.index ?? 0) + m[0].length,
  }));
  const examples: Example[] = [];
  blocks.forEach((block, i) => {
    if (block.lang !== 'sh') return;
    const next = blocks[i + 1];
    const between = next
      ? text.slice(block.end, text.indexOf(`\`\`\`${next.lang}`, block.end))
      : '';
    const expected =
      next?.lang === 'text' && between.trim() === '' ? next.body.split('\n') : undefined;
    for (const line of block.body.split('\n')) {
      if (line.startsWith('npx addersim ')) examples.push({ command: line, expected });
    }
  });
  return examples;
}

const scratch = mkdtempSync(join(tmpdir(), 'addersim-readme-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const inScratch = (text: string) => text.replaceAll('/tmp/', `${scratch}/`);

function splitArgs(command: string): string[] {
  return inScratch(command)
    .replace(/^npx addersim /, '')
    .split(/\s+/)
    .filter(Boolean);
}

const examples = readmeExamples();

describe('README commands', () => {
  it('shows commands to run', () => {
    expect(examples.length).toBeGreaterThan(5);
  });

  it.each(examples)('$command', ({ command, expected }) => {
    const r = runCli(splitArgs(command));
    expect(r.stderr.split('\n').filter((l) => l.startsWith('addersim:'))).toEqual([]);
    expect(r.code).toBe(0);
    if (expected === undefined) return;
    const out = r.stdout.split('\n').map((l) => l.trimEnd());
    let at = 0;
    for (const line of expected.map((l) => inScratch(l).trimEnd())) {
      if (line === '' || line === '...') continue;
      const found = out.indexOf(line, at);
      expect(found, `README line not in the output of ${command}: ${line}`).toBeGreaterThanOrEqual(
        0,
      );
      at = found + 1;
    }
  });
});
