import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadModel } from '../../../src/nn/checkpoint.js';
import { importCheckpoint } from '../../../src/nn/import/import-checkpoint.js';
import { unpickle } from '../../../src/nn/import/pickle.js';
import { StorageTable } from '../../../src/nn/import/torch-storage.js';
import { readZip } from '../../../src/nn/import/zip.js';
import { tensor } from '../../../src/nn/tensor.js';
import { fromRoot } from '../../../src/paths.js';
import type { Fed, FuzzPath } from '../harness.js';
import { byteEdits, mutateBytes } from '../mutate.js';

/**
 * `addersim import` of damaged PyTorch files: the tiny ResNet fixtures (written by PyTorch, see
 * test/fixtures/pytorch/make-fixtures.py) as a zip `.pth`, a legacy `.pth` and safetensors with
 * PyTorch names, plus files built to run code (`os.system`, `eval`), truncated, bit-flipped and
 * with length fields set to extremes. An accepted import must write a checkpoint that loads and
 * gives finite logits. The pickle inside the zip is fuzzed on its own too (the zip's CRC would
 * stop most damage before the unpickler sees it).
 */
const fixture = (name: string) => fromRoot('test', 'fixtures', 'pytorch', name);
const RESNET = fixture('resnet-tiny.json');
const bytesOf = (name: string) => new Uint8Array(readFileSync(fixture(name)));

function feedImport(bytes: Uint8Array, name: string, scratch: string): Fed {
  const file = join(scratch, name);
  writeFileSync(file, bytes);
  const out = join(scratch, 'imported.safetensors');
  return {
    names: file,
    call: () => {
      const r = importCheckpoint({ file, net: RESNET, variant: 'addernet', out });
      const { model, checkpoint } = loadModel(out);
      const input = checkpoint.graph.nodes[0];
      const x = tensor([1, ...(input.op === 'input' ? input.shape : [])]);
      for (let i = 0; i < x.data.length; i++) x.data[i] = ((i * 37 + 11) % 101) / 50 - 1;
      return { adderWeights: r.adderWeights, logits: model.forward(x).data };
    },
  };
}

function importPath(name: string, files: readonly string[], runs: number): FuzzPath {
  const originals = files.map(bytesOf);
  const path: FuzzPath<[number, Parameters<typeof mutateBytes>[1]]> = {
    name,
    runs,
    input: fc.tuple(fc.nat(files.length - 1), byteEdits),
    feed: ([f, es], scratch) =>
      feedImport(mutateBytes(originals[f], es), files[f].replace(/^.*?\./, 'm.'), scratch),
  };
  return path as FuzzPath;
}

const PICKLE = readZip(bytesOf('resnet-tiny.zip.pth'), 'F').get('archive/data.pkl')!;

const pickle: FuzzPath<Parameters<typeof mutateBytes>[1]> = {
  name: 'pickle (the unpickler alone)',
  runs: 300,
  input: byteEdits,
  feed: (es) => {
    const bytes = mutateBytes(PICKLE, es);
    return {
      names: 'data.pkl',
      // The values a pickle holds are judged by the import path above; here: no crash, no hang.
      call: () => {
        unpickle(bytes, 0, { file: 'data.pkl', persistentLoad: new StorageTable('zip').load });
        return undefined;
      },
    };
  },
};

export const paths = [
  importPath(
    'PyTorch .pth import (zip, legacy, code-running pickles)',
    [
      'resnet-tiny.zip.pth',
      'resnet-tiny.legacy.pth',
      'evil-os-system.legacy.pth',
      'evil-eval.zip.pth',
      'evil-popen.legacy.pth',
    ],
    400,
  ),
  pickle,
  importPath('safetensors import (PyTorch names)', ['resnet-tiny.safetensors'], 250),
] as FuzzPath[];
