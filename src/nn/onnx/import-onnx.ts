import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { checkTensors } from '../check-tensors.js';
import { saveCheckpoint } from '../checkpoint.js';
import { checkOut } from '../import/import-checkpoint.js';
import { Model } from '../model.js';
import { onnxCheckpointParts, readOnnx } from './read.js';

/**
 * `addersim import model.onnx --out OUT.safetensors`: the ONNX network as an addersim CNN
 * checkpoint (checkpoint.ts), with the metadata `import` writes for PyTorch files (dataset,
 * normalisation, source, source_format "onnx (opset N)", source_sha256). The weights are a
 * CNN's: AdderNet and BNN variants of an imported network are priced (budget), not run.
 */
export interface OnnxImportOptions {
  readonly file: string;
  readonly out: string;
  /** Per input channel; default the dataset's usual statistics (mnist, cifar10). */
  readonly mean?: readonly number[];
  readonly std?: readonly number[];
}

export interface OnnxImportResult {
  readonly file: string;
  readonly format: string;
  readonly sha256: string;
  readonly net: string;
  readonly variant: 'cnn';
  readonly dataset: string;
  readonly nodes: number;
  readonly tensors: number;
  readonly parameters: number;
  readonly normalisation: string;
  readonly out: string;
  readonly outSha256: string;
}

export function importOnnx(o: OnnxImportOptions): OnnxImportResult {
  checkOut(o.out, o.file);
  const onnx = readOnnx(o.file);
  const input = onnx.arch.nodes[0];
  const channels = input.op === 'input' ? input.shape[0] : 0;
  if ((o.mean === undefined) !== (o.std === undefined)) {
    throw new InputError('--mean and --std must be given together');
  }
  for (const [flag, values] of [
    ['mean', o.mean],
    ['std', o.std],
  ] as const) {
    if (values !== undefined && values.length !== channels) {
      throw new InputError(
        `--${flag} must have ${channels} value${channels === 1 ? '' : 's'} (one per input channel of ${onnx.arch.name}), not ${values.length}`,
      );
    }
  }
  const norm = o.mean && o.std ? { mean: o.mean, std: o.std } : undefined;
  const parts = onnxCheckpointParts(onnx, o.file, norm);
  // The checks a checkpoint load applies, so no file is written that cannot be read.
  new Model(parts.graph).loadState(parts.tensors, o.file);
  checkTensors(parts.graph, parts.tensors, o.file);
  saveCheckpoint(o.out, parts.graph, parts.tensors, parts.metadata);
  let parameters = 0;
  for (const t of parts.tensors.values()) parameters += t.data.length;
  return {
    file: o.file,
    format: parts.metadata.source_format,
    sha256: onnx.sha256,
    net: parts.graph.name,
    variant: 'cnn',
    dataset: parts.graph.dataset,
    nodes: parts.graph.nodes.length,
    tensors: parts.tensors.size,
    parameters,
    normalisation: parts.metadata.normalisation,
    out: o.out,
    outSha256: createHash('sha256').update(readFileSync(o.out)).digest('hex'),
  };
}
