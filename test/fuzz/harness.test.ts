import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputsOf, judge, type Outcome } from '../../bench/fuzz/harness.js';
import { FUZZ_PATHS } from '../../bench/fuzz/registry.js';

/**
 * Every registered input path (bench/fuzz/registry.ts) fed a sample of its mutated inputs in
 * process: each ends with a finite result or a one-line refusal naming the input; a crash or a
 * non-finite result fails the test with the input that caused it. `npm run fuzz` feeds the full
 * count (over 2,000) with a watchdog for hangs.
 */
const SAMPLE = 40;
const SEED = 17;
const scratch = mkdtempSync(join(tmpdir(), 'addersim-fuzz-'));
const table: string[] = [];
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  console.log(`fuzz sample per path (runs: ok, refused)\n${table.join('\n')}`);
});

it('registers every input path, and the full run feeds at least 2,000 inputs', () => {
  expect(FUZZ_PATHS.map((p) => p.name)).toEqual([
    'checkpoint graph metadata',
    'checkpoint safetensors header',
    'checkpoint tensor values',
    'architecture file',
    'cost table',
    'CSV vectors',
    'sweep results file',
    'flags (budget, datapath, tables)',
    'PyTorch .pth import (zip, legacy, code-running pickles)',
    'pickle (the unpickler alone)',
    'safetensors import (PyTorch names)',
    'yosys JSON netlist',
    'Verilog netlist (through yosys)',
    'ONNX model (--model FILE.onnx)',
  ]);
  expect(FUZZ_PATHS.reduce((s, p) => s + p.runs, 0)).toBeGreaterThanOrEqual(2000);
});

describe.each(FUZZ_PATHS)('$name', (path) => {
  const why = path.unavailable?.();
  it.skipIf(why !== undefined)(`keeps the contract on ${SAMPLE} mutated inputs`, async () => {
    const count = Math.min(SAMPLE, path.runs);
    const tally: Record<Outcome, number> = { ok: 0, refused: 0, garbage: 0, crash: 0 };
    for (const input of inputsOf(path, count, SEED)) {
      const v = await judge(path, input, scratch);
      tally[v.outcome]++;
      if (v.outcome === 'garbage' || v.outcome === 'crash') {
        expect.fail(`${v.outcome} on ${JSON.stringify(input)}: ${v.detail}`);
      }
    }
    table.push(`${path.name}: ${count} (${tally.ok}, ${tally.refused})`);
    expect(tally.ok + tally.refused).toBe(count);
  });
});
