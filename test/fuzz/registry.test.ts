import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';

/**
 * Every input path and the fuzz properties that cover it, in one list: each property's
 * `numRuns` as written in its file, times how many times it runs (`it.each` over fixtures).
 * The test holds the list to the files, so a property removed or shrunk shows here, and the
 * total is the number of mutated inputs a test run feeds the input paths.
 */
const REGISTRY: readonly {
  readonly path: string;
  readonly file: string;
  /** [numRuns, times] per property, in file order. */
  readonly properties: readonly (readonly [number, number])[];
}[] = [
  {
    path: 'checkpoint (graph metadata, safetensors header, tensor values)',
    file: 'test/fuzz/inputs.test.ts',
    properties: [
      [500, 1],
      [300, 1],
      [300, 1],
    ],
  },
  { path: 'architecture file', file: 'test/fuzz/inputs.test.ts', properties: [[250, 2]] },
  { path: 'cost table', file: 'test/fuzz/inputs.test.ts', properties: [[250, 2]] },
  { path: 'CSV vectors', file: 'test/fuzz/inputs.test.ts', properties: [[300, 1]] },
  { path: 'sweep results file', file: 'test/fuzz/inputs.test.ts', properties: [[200, 1]] },
  {
    path: 'PyTorch import (zip, legacy pickle, safetensors; pickle; random bytes)',
    file: 'test/nn/import/fuzz.test.ts',
    properties: [
      [300, 5],
      [1000, 1],
      [1000, 1],
    ],
  },
  {
    path: 'ONNX import (models; random bytes)',
    file: 'test/nn/onnx/fuzz.test.ts',
    properties: [
      [300, 2],
      [500, 1],
    ],
  },
  {
    path: 'CIFAR-10 batch files, checkpoint normalisation metadata',
    file: 'test/nn/cifar10-fuzz.test.ts',
    properties: [
      [200, 1],
      [300, 1],
    ],
  },
  {
    path: 'yosys JSON netlist',
    file: 'test/gen/import/yosys-json.test.ts',
    properties: [[400, 1]],
  },
  {
    path: 'flags (budget, datapath, tables through main)',
    file: 'test/fuzz/flags.test.ts',
    properties: [[200, 1]],
  },
  {
    path: 'CLI (budget files and flags, eval checkpoints)',
    file: 'test/fuzz/cli.test.ts',
    properties: [
      [15, 1],
      [10, 1],
    ],
  },
];

it('the registry matches the properties in the files', () => {
  const byFile = new Map<string, number[]>();
  for (const e of REGISTRY) {
    byFile.set(e.file, [...(byFile.get(e.file) ?? []), ...e.properties.map(([n]) => n)]);
  }
  for (const [file, runs] of byFile) {
    const text = readFileSync(fromRoot(file), 'utf8');
    const written = [...text.matchAll(/numRuns: (\d+)/g)].map((m) => Number(m[1]));
    expect(written, file).toEqual(runs);
  }
});

it('feeds at least 2,000 mutated inputs to the input paths', () => {
  const rows = REGISTRY.map((e) => [e.path, e.properties.reduce((s, [n, k]) => s + n * k, 0)]);
  const total = rows.reduce((s, [, n]) => s + (n as number), 0);
  console.log(rows.map(([p, n]) => `${n}\t${p}`).join('\n'), `\n${total}\ttotal`);
  expect(total).toBe(8325);
});
