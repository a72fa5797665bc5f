import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteEdits, mutateBytes } from '../../../bench/fuzz/mutate.js';
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
      fc.property(byteEdits, (ms) => {
        importOrRefuse(mutateBytes(original, ms));
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
