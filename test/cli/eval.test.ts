import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchitecture } from '../../src/nn/architectures.js';
import { saveCheckpoint } from '../../src/nn/checkpoint.js';
import { deriveVariant } from '../../src/nn/graph.js';
import { Model } from '../../src/nn/model.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'addersim-cli-eval-'));
const good = join(dir, 'adder.safetensors');
const graph = deriveVariant(loadArchitecture('lenet5'), 'addernet');
const model = new Model(graph);
model.initialise(5);
saveCheckpoint(good, graph, model.stateTensors(), { dataset: 'mnist' });

describe('addersim eval', () => {
  it('reports accuracy on the first N test images as JSON', () => {
    const r = runCli(['eval', '--model', good, '--limit', '200', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['accuracy', 'correct', 'data', 'model', 'total']);
    expect(out.model).toBe(good);
    expect(out.total).toBe(200);
    expect(out.accuracy).toBe(out.correct / 200);
  });

  it('prints one plain line without --json', () => {
    const r = runCli(['eval', '--model', good, '--limit', '50']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`^${good.replace(/[.]/g, '\\.')}: test accuracy \\d+\\.\\d\\d% \\(\\d+/50\\)\\n$`),
    );
  });

  it('rejects a missing file, a corrupt file and a bad --limit with one line, exit 2', () => {
    const corrupt = join(dir, 'corrupt.safetensors');
    writeFileSync(corrupt, Buffer.from([200, 0, 0, 0, 0, 0, 0, 0, 123]));
    const cases: [string[], string][] = [
      [
        ['--model', join(dir, 'none.safetensors')],
        `checkpoint ${join(dir, 'none.safetensors')} does not exist`,
      ],
      [
        ['--model', corrupt],
        `${corrupt}: header length 200 runs past the end of the file (1 bytes after the length field)`,
      ],
      [['--model', good, '--limit', '0'], '--limit must be an integer from 1 to 1000000, not 0'],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['eval', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`addersim: ${message}\n`);
    }
  });
});
