import { existsSync } from 'node:fs';
import { InputError } from '../errors.js';
import { readInputFile, writeFileAtomic } from '../fsutil.js';
import { checkTensors } from './check-tensors.js';
import type { ModelGraph } from './graph.js';
import { validateModelGraph } from './graph-schema.js';
import { Model } from './model.js';
import { decodeOnnxFile, looksLikeOnnx, onnxCheckpointParts } from './onnx/read.js';
import { decodeSafetensors, encodeSafetensors } from './safetensors.js';
import type { Tensor } from './tensor.js';

/**
 * Checkpoints: one safetensors file holding the model's parameters and BatchNorm buffers under
 * PyTorch names (`<nodeId>.weight` [out, in, k, k] or [out, in], `.bias`, `.running_mean`,
 * `.running_var`) and, in `__metadata__` (all strings):
 *   format        "addersim-checkpoint/1"
 *   architecture  architecture name (lenet5)        variant  cnn | addernet | bnn
 *   graph         the derived ModelGraph as JSON (what the quantizer and counters read)
 *   dataset, accuracy (test accuracy as a fraction, "" if not measured), seed, epochs,
 *   optimizer (JSON of the SGD settings), and whatever else the trainer records.
 */
export const CHECKPOINT_FORMAT = 'addersim-checkpoint/1';

export interface Checkpoint {
  readonly graph: ModelGraph;
  readonly tensors: Map<string, Tensor>;
  readonly metadata: Record<string, string>;
}

/** Writes the checkpoint atomically (temporary file, then rename). */
export function saveCheckpoint(
  path: string,
  graph: ModelGraph,
  tensors: ReadonlyMap<string, Tensor>,
  metadata: Record<string, string> = {},
): void {
  const meta: Record<string, string> = {
    ...metadata,
    format: CHECKPOINT_FORMAT,
    architecture: graph.name,
    variant: graph.variant,
    graph: JSON.stringify(graph),
  };
  writeFileAtomic(path, encodeSafetensors(tensors, meta));
}

/**
 * Reads a checkpoint file; every problem is an InputError naming the file. The graph passes
 * the graph schema (validateModelGraph) and the tensors the checks of checkTensors before
 * anything is built from them. An ONNX file is read as the checkpoint `import` would write
 * from it (its CNN), so every command that takes a checkpoint takes an ONNX model too.
 */
export function loadCheckpoint(path: string): Checkpoint {
  if (!existsSync(path)) throw new InputError(`checkpoint ${path} does not exist`);
  return decodeCheckpoint(new Uint8Array(readInputFile(path, `checkpoint ${path}`)), path);
}

/**
 * A checkpoint from bytes already read (a queue worker decodes exactly the bytes whose hash it
 * checked); `path` names them in messages.
 */
export function decodeCheckpoint(bytes: Uint8Array, path: string): Checkpoint {
  if (looksLikeOnnx(bytes)) {
    const parts = onnxCheckpointParts(decodeOnnxFile(bytes, path), path);
    new Model(parts.graph).loadState(parts.tensors, path);
    checkTensors(parts.graph, parts.tensors, path);
    return { ...parts, metadata: { ...parts.metadata, format: CHECKPOINT_FORMAT } };
  }
  const { tensors, metadata } = decodeSafetensors(bytes, path);
  if (metadata.format !== CHECKPOINT_FORMAT) {
    throw new InputError(
      `${path}: __metadata__.format must be ${JSON.stringify(CHECKPOINT_FORMAT)}, not ${JSON.stringify(metadata.format ?? null)}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(metadata.graph ?? '');
  } catch {
    throw new InputError(`${path}: __metadata__.graph is not valid JSON`);
  }
  const graph = validateModelGraph(raw, path, '__metadata__.graph: ');
  if (metadata.variant !== undefined && metadata.variant !== graph.variant) {
    throw new InputError(
      `${path}: __metadata__.variant: disagrees with the graph (expected ${JSON.stringify(graph.variant)}, found ${JSON.stringify(metadata.variant)})`,
    );
  }
  // Building the model checks that every tensor is present with its shape and none is extra.
  new Model(graph).loadState(tensors, path);
  checkTensors(graph, tensors, path);
  return { graph, tensors, metadata };
}

/** A ready-to-run model from a checkpoint file. */
export function loadModel(path: string): { model: Model; checkpoint: Checkpoint } {
  const checkpoint = loadCheckpoint(path);
  return { model: modelFromCheckpoint(checkpoint, path), checkpoint };
}

export function modelFromCheckpoint(checkpoint: Checkpoint, source = 'checkpoint'): Model {
  const model = new Model(checkpoint.graph);
  model.loadState(checkpoint.tensors, source);
  return model;
}
