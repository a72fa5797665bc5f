import { readFileSync } from 'node:fs';
import { fromRoot } from '../../../src/paths.js';

/** The ONNX fixtures of test/fixtures/onnx (made by make-fixtures.py there). */
export function onnxFixture(name: string): string {
  return fromRoot('test', 'fixtures', 'onnx', name);
}

/** Inputs and PyTorch's outputs stored beside a fixture. */
export interface Expected {
  readonly inputShape: number[];
  readonly inputs: number[];
  readonly logits: number[][];
}

export function expectedOutputs(name: string): Expected {
  return JSON.parse(readFileSync(onnxFixture(name), 'utf8')) as Expected;
}
