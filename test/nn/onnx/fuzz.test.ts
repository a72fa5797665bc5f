import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetArchitecture } from '../../../src/budget/budget.js';
import { InputError } from '../../../src/errors.js';
import { deriveVariant } from '../../../src/nn/graph.js';
import { Model } from '../../../src/nn/model.js';
import { decodeOnnxFile } from '../../../src/nn/onnx/read.js';
import { onnxFixture } from './fixtures.js';

/**
 * Damaged ONNX files: truncated, bytes flipped, 32-bit fields set to extremes, random bytes.
 * Whatever the bytes, the importer returns a graph that builds, loads its tensors and counts,
 * or throws a one-line InputError — never another exception.
 */
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

function importOrRefuse(bytes: Uint8Array): void {
  try {
    const onnx = decodeOnnxFile(bytes, 'F');
    new Model(deriveVariant(onnx.arch, 'cnn')).loadState(onnx.tensors, 'F');
    budgetArchitecture(onnx.arch);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    expect(err.message.includes('\n')).toBe(false);
  }
}

describe('fuzzed ONNX files give a usable graph or an InputError', () => {
  it.each(['dwsep.onnx', 'ops.onnx'])('%s', (file) => {
    const original = new Uint8Array(readFileSync(onnxFixture(file)));
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        importOrRefuse(mutate(original, ms));
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => importOrRefuse(bytes)),
      { numRuns: 500, seed: 15 },
    );
  });
});
