import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fromRoot } from '../../../src/paths.js';

/**
 * The PyTorch fixtures of test/fixtures/pytorch (written by its make-fixtures.py with
 * PyTorch): raw bytes (gunzipped for .gz) and the expectations PyTorch wrote beside them.
 */
export function fixturePath(name: string): string {
  return fromRoot('test', 'fixtures', 'pytorch', name);
}

export function fixtureBytes(name: string): Uint8Array {
  const raw = readFileSync(fixturePath(name));
  return new Uint8Array(name.endsWith('.gz') ? gunzipSync(raw) : raw);
}

export interface ExpectedTensor {
  readonly shape: number[];
  readonly dtype: string;
  readonly sha256: string;
  readonly first?: number[];
  readonly sum?: number;
  readonly addersim?: string;
}

export interface Expected {
  readonly variant: string;
  readonly tensors: Record<string, ExpectedTensor>;
  readonly logits: number[][];
}

export function expected(name: 'lenet5-bn' | 'resnet-tiny'): Expected {
  return JSON.parse(readFileSync(fixturePath(`${name}.expected.json`), 'utf8')) as Expected;
}

/** The script's fixed input: x[i] = ((i * 37 + 11) % 101) / 50 − 1, row-major. */
export function fixedInput(count: number): Float32Array {
  const x = new Float32Array(count);
  for (let i = 0; i < count; i++) x[i] = ((i * 37 + 11) % 101) / 50 - 1;
  return x;
}
