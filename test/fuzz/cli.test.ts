import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { edits, mutateJson } from '../../bench/fuzz/mutate.js';
import { decodeSafetensors, encodeSafetensors } from '../../src/nn/safetensors.js';
import { fromRoot } from '../../src/paths.js';

/**
 * A sample of the fuzzed inputs through the built CLI, as a user runs it: mutated
 * checkpoints (`eval`), architecture files and tables (`budget`) and flag values. Each run is
 * bounded (a child killed after 60 s is a hang); the contract is exit 0, or exit 2 with one
 * line on stderr — never exit 1 ("internal error"), a signal or a stack trace.
 */
const dir = mkdtempSync(join(tmpdir(), 'addersim-cli-fuzz-'));
const counts = { runs: 0, ok: 0, refused: 0 };
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(`cli fuzz: ${counts.runs} runs (${counts.ok} exit 0, ${counts.refused} exit 2)`);
});

function expectContract(args: string[]): void {
  const r = spawnSync(process.execPath, [fromRoot('dist', 'src', 'cli', 'bin.js'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  counts.runs++;
  const detail = `${args.join(' ')} -> ${r.status} ${r.signal ?? ''} ${r.stderr}`;
  if (r.status === 0) {
    counts.ok++;
    expect(r.stdout.includes('NaN') || r.stdout.includes('Infinity'), detail).toBe(false);
    return;
  }
  expect(r.status, detail).toBe(2);
  expect(r.stderr.split('\n').filter(Boolean).length, detail).toBe(1);
  counts.refused++;
}

const value = fc.constantFrom('0', '-1', '1e9', 'NaN', 'abc', '', '8', '16', '3.5', '999999');

it('budget: mutated architecture files, tables and flag values', () => {
  const arch = readFileSync(fromRoot('models', 'arch', 'lenet5.json'), 'utf8');
  const table = readFileSync(fromRoot('cost-tables', 'asic-45nm-horowitz.json'), 'utf8');
  fc.assert(
    fc.property(edits, edits, value, fc.boolean(), (ea, et, bits, withTable) => {
      const a = JSON.parse(arch);
      for (const [pick, v, remove] of ea) mutateJson(a, pick, v, remove);
      const t = JSON.parse(table);
      for (const [pick, v, remove] of et) mutateJson(t, pick, v, remove);
      writeFileSync(join(dir, 'a.json'), JSON.stringify(a));
      writeFileSync(join(dir, 't.json'), JSON.stringify(t));
      const args = ['budget', '--net', join(dir, 'a.json'), '--bits', bits, '--json'];
      expectContract(withTable ? [...args, '--table', join(dir, 't.json')] : args);
    }),
    { numRuns: 15, seed: 43 },
  );
});

it('eval: mutated checkpoint graphs and tensor values', () => {
  const base = decodeSafetensors(
    new Uint8Array(readFileSync(fromRoot('models', 'lenet5-bn-cnn.safetensors'))),
    'base',
  );
  const poison = fc.constantFrom(Number.NaN, Infinity, -1, 3e38);
  fc.assert(
    fc.property(edits, fc.nat(), poison, fc.boolean(), (es, at, v, graphOnly) => {
      const graph = JSON.parse(base.metadata.graph);
      const tensors = new Map(base.tensors);
      if (graphOnly) for (const [pick, x, remove] of es) mutateJson(graph, pick, x, remove);
      else {
        const w = base.tensors.get('bn2.running_var')!;
        const data = w.data.slice();
        data[at % data.length] = v;
        tensors.set('bn2.running_var', { shape: w.shape, data });
      }
      const file = join(dir, 'm.safetensors');
      writeFileSync(
        file,
        encodeSafetensors(tensors, { ...base.metadata, graph: JSON.stringify(graph) }),
      );
      expectContract(['eval', '--model', file, '--limit', '20']);
    }),
    { numRuns: 10, seed: 47 },
  );
});

it('every sampled run kept the contract', () => {
  expect(counts.runs).toBe(25);
});
