import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
 * Damaged files: truncated, bytes flipped, length fields set to extremes. Whatever the bytes,
 * the importer returns tensors or throws an InputError — never another exception, and never
 * runs long (every opcode and every record consumes input, so time is linear in the file).
 */
const graph = deriveVariant(loadArchitecture(fixturePath('resnet-tiny.json')), 'addernet');

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'u32'; at: number; value: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    mask: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('u32' as const),
    at: fc.nat(),
    value: fc.constantFrom(0, 1, 0x7fffffff, 0xffffffff, 0xffff, 8, 64),
  }),
);

function mutate(original: Uint8Array, ms: readonly Mutation[]): Uint8Array {
  let bytes = original.slice();
  for (const m of ms) {
    if (bytes.length === 0) break;
    const at = m.at % bytes.length;
    if (m.kind === 'truncate') bytes = bytes.slice(0, at);
    else if (m.kind === 'flip') bytes[at] ^= m.mask;
    else if (at + 4 <= bytes.length) new DataView(bytes.buffer).setUint32(at, m.value, true);
  }
  return bytes;
}

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
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        onlyInputErrors(() => {
          const source = decodeSource(mutate(original, ms), 'F');
          mapTensors(source.tensors, graph, [], 'F');
        });
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('the pickle inside the zip (no CRC to stop damage first)', () => {
    const pickle = readZip(fixtureBytes('resnet-tiny.zip.pth'), 'F').get('archive/data.pkl')!;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        onlyInputErrors(() => {
          unpickle(mutate(pickle, ms), 0, {
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
