import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteEdits, mutateBytes } from '../../../bench/fuzz/mutate.js';
import { InputError } from '../../../src/errors.js';
import { loadArchitecture } from '../../../src/nn/architectures.js';
import { deriveVariant } from '../../../src/nn/graph.js';
import { mapTensors } from '../../../src/nn/import/key-map.js';
import { unpickle } from '../../../src/nn/import/pickle.js';
import { decodeSource } from '../../../src/nn/import/source.js';
import { StorageTable } from '../../../src/nn/import/torch-storage.js';
import { readZip } from '../../../src/nn/import/zip.js';
import { fixtureBytes, fixturePath } from './fixtures.js';

/**
 * Damaged files: truncated, bytes flipped, length fields set to extremes (the fuzz harness's
 * byte edits, bench/fuzz/mutate.ts). Whatever the bytes,
 * the importer returns tensors or throws an InputError — never another exception, and never
 * runs long (every opcode and every record consumes input, so time is linear in the file).
 */
const graph = deriveVariant(loadArchitecture(fixturePath('resnet-tiny.json')), 'addernet');

/** Runs `read`; a non-InputError exception fails the property with the error itself. */
function onlyInputErrors(read: () => void): void {
  try {
    read();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    expect(err.message.includes('\n')).toBe(false);
  }
}

const FILES = [
  'resnet-tiny.zip.pth',
  'resnet-tiny.legacy.pth',
  'resnet-tiny.safetensors',
  'evil-os-system.legacy.pth',
  'evil-eval.zip.pth',
];

describe('fuzzed checkpoints give tensors or an InputError', () => {
  it.each(FILES)('%s', (file) => {
    const original = fixtureBytes(file);
    fc.assert(
      fc.property(byteEdits, (ms) => {
        onlyInputErrors(() => {
          const source = decodeSource(mutateBytes(original, ms), 'F');
          mapTensors(source.tensors, graph, [], 'F');
        });
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('the pickle inside the zip (no CRC to stop damage first)', () => {
    const pickle = readZip(fixtureBytes('resnet-tiny.zip.pth'), 'F').get('archive/data.pkl')!;
    fc.assert(
      fc.property(byteEdits, (ms) => {
        onlyInputErrors(() => {
          unpickle(mutateBytes(pickle, ms), 0, {
            file: 'F',
            persistentLoad: new StorageTable('zip').load,
          });
        });
      }),
      { numRuns: 1000, seed: 11 },
    );
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        onlyInputErrors(() => decodeSource(bytes, 'F'));
        onlyInputErrors(() =>
          unpickle(bytes, 0, { file: 'F', persistentLoad: new StorageTable('legacy').load }),
        );
      }),
      { numRuns: 1000, seed: 3 },
    );
  });
});
