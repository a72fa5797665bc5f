import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { budgetArchitecture } from '../../../src/budget/budget.js';
import { loadArchitecture } from '../../../src/nn/architectures.js';
import { fromRoot } from '../../../src/paths.js';
import type { FuzzPath } from '../harness.js';
import { type Edit, edits, mutateJson } from '../mutate.js';

/** Architecture files (`budget --net FILE`, `import --net FILE`): LeNet-5 and ResNet-20 mutated. */
const BASES = ['lenet5', 'resnet20'].map((n) =>
  readFileSync(fromRoot('models', 'arch', `${n}.json`), 'utf8'),
);

const architecture: FuzzPath<[number, Edit[]]> = {
  name: 'architecture file',
  runs: 300,
  input: fc.tuple(fc.nat(BASES.length - 1), edits),
  feed: ([base, es], scratch) => {
    const arch = JSON.parse(BASES[base]);
    for (const [pick, value, remove] of es) mutateJson(arch, pick, value, remove);
    const file = join(scratch, 'arch.json');
    writeFileSync(file, JSON.stringify(arch));
    return { names: file, call: () => budgetArchitecture(loadArchitecture(file), { bits: 8 }) };
  },
};

export const paths = [architecture] as FuzzPath[];
