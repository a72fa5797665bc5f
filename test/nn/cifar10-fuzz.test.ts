import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadArchitecture } from '../../src/nn/architectures.js';
import type { Checkpoint } from '../../src/nn/checkpoint.js';
import { loadCifar10 } from '../../src/nn/data/cifar10.js';
import { deriveVariant } from '../../src/nn/graph.js';
import { checkpointNormalisation } from '../../src/pipeline/datasets.js';

/**
 * Fuzz of the CIFAR-10 input paths: a batch file of random length and bytes either loads (a
 * whole number of 3073-byte records, labels 0..9, the bytes where the format puts them) or is
 * refused with one InputError line; a checkpoint's normalisation text either parses to finite
 * means and positive stds or is refused the same way.
 */
const NORM = { mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] };

function refusedOneLine(f: () => unknown): boolean {
  try {
    f();
    return false;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    expect(err.message).not.toContain('\n');
    return true;
  }
}

describe('CIFAR-10 input fuzz', () => {
  it('a batch file loads exactly or is refused in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'addersim-cifar-fuzz-'));
    const file = join(dir, 'test_batch.bin');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -2, max: 2 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (records, extra, labels, seed) => {
          const size = Math.max(0, records * 3073 + extra);
          const bytes = new Uint8Array(size);
          let s = seed;
          for (let i = 0; i < size; i++) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            bytes[i] = s >>> 24;
          }
          for (let r = 0; r < records && r * 3073 < size; r++) bytes[r * 3073] = labels[r % 3];
          writeFileSync(file, bytes);
          let ds: ReturnType<typeof loadCifar10> | undefined;
          const refused = refusedOneLine(() => {
            ds = loadCifar10(dir, 'test', NORM);
          });
          const whole = size > 0 && size % 3073 === 0;
          const goodLabels = Array.from({ length: size / 3073 }, (_, r) => bytes[r * 3073] <= 9);
          expect(refused).toBe(!(whole && goodLabels.every(Boolean)));
          if (ds) {
            expect(ds.count).toBe(size / 3073);
            for (let r = 0; r < ds.count; r++) {
              expect(ds.labels[r]).toBe(bytes[r * 3073]);
              expect(ds.images[r * 3072 + 3071]).toBe(bytes[r * 3073 + 3072]);
            }
          }
        },
      ),
      { numRuns: 200, seed: 31 },
    );
  });

  it('normalisation metadata parses to finite means and positive stds, or is refused', () => {
    const graph = deriveVariant(loadArchitecture('resnet20'), 'addernet');
    const pieces = fc.constantFrom('0.5', '-1', '0', '1e-3', 'NaN', 'Infinity', '', 'x', '.2');
    fc.assert(
      fc.property(
        fc.array(pieces, { minLength: 0, maxLength: 4 }),
        fc.array(pieces, { minLength: 0, maxLength: 4 }),
        fc.boolean(),
        (mean, std, wellFormed) => {
          const text = wellFormed
            ? `(byte/255 - ${mean.join('/')}) / ${std.join('/')}`
            : `${mean.join('/')}|${std.join('/')}`;
          const ck: Checkpoint = { graph, tensors: new Map(), metadata: { normalisation: text } };
          let got: ReturnType<typeof checkpointNormalisation> = null;
          const refused = refusedOneLine(() => {
            got = checkpointNormalisation(ck, 'm.safetensors');
          });
          if (!refused) {
            const n = got as unknown as { mean: number[]; std: number[] };
            expect(n.mean.length).toBe(n.std.length);
            expect(n.mean.every(Number.isFinite)).toBe(true);
            expect(n.std.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
          }
        },
      ),
      { numRuns: 300, seed: 37 },
    );
  });
});
