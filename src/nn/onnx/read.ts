import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../../errors.js';
import { readInputFile } from '../../fsutil.js';
import { IMPORT_NORMALISATION } from '../data/normalisation.js';
import { deriveVariant, type ModelGraph } from '../graph.js';
import type { Tensor } from '../tensor.js';
import { convertOnnx, type OnnxNetwork } from './convert.js';
import { decodeOnnx } from './proto.js';

/**
 * Reading an ONNX file: size-checked, decoded (proto.ts), converted (convert.ts). Files are
 * recognised by their first bytes, as the other importers' are: a ModelProto starts with the
 * tag of one of its fields (ir_version 0x08, producer_name 0x12, …, graph 0x3a,
 * opset_import 0x42), where a safetensors file has a '{' at byte 8.
 */

/** ONNX files above this size are refused before reading (protobuf's own limit is 2 GiB). */
export const MAX_ONNX_BYTES = 2 ** 31;

const MODEL_TAGS = new Set([0x08, 0x12, 0x1a, 0x22, 0x28, 0x32, 0x3a, 0x42]);

export function looksLikeOnnx(bytes: Uint8Array): boolean {
  return bytes.length > 0 && MODEL_TAGS.has(bytes[0]) && !(bytes.length >= 9 && bytes[8] === 0x7b);
}

/** True when `path` is an existing file whose first bytes are an ONNX model's. */
export function isOnnxFile(path: string): boolean {
  if (!existsSync(path) || !statSync(path).isFile()) return false;
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(9);
    const n = readSync(fd, head, 0, 9, 0);
    return looksLikeOnnx(head.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

export interface OnnxFile extends OnnxNetwork {
  readonly sha256: string;
}

/** Reads and converts an ONNX file; every problem is one InputError naming the file. */
export function readOnnx(path: string): OnnxFile {
  if (!existsSync(path)) throw new InputError(`ONNX model ${path} does not exist`);
  const size = statSync(path).size;
  if (size > MAX_ONNX_BYTES) {
    throw new InputError(
      `${path}: ${size} bytes (expected an ONNX file of at most ${MAX_ONNX_BYTES} bytes)`,
    );
  }
  const bytes = new Uint8Array(readInputFile(path, `ONNX model ${path}`));
  return decodeOnnxFile(bytes, path);
}

export function decodeOnnxFile(bytes: Uint8Array, path: string): OnnxFile {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const name = basename(path).replace(/\.onnx$/i, '') || 'onnx-model';
  return { ...convertOnnx(decodeOnnx(bytes, path), path, name), sha256 };
}

/**
 * The checkpoint an ONNX file stands for: its CNN (the weights are a CNN's), with the metadata
 * `import` writes. `mean`/`std` default to the dataset's usual statistics when it has them.
 */
export function onnxCheckpointParts(
  onnx: OnnxFile,
  path: string,
  norm?: { mean: readonly number[]; std: readonly number[] },
): { graph: ModelGraph; tensors: Map<string, Tensor>; metadata: Record<string, string> } {
  const graph = deriveVariant(onnx.arch, 'cnn');
  const n = norm ?? IMPORT_NORMALISATION[graph.dataset];
  return {
    graph,
    tensors: onnx.tensors,
    metadata: {
      dataset: graph.dataset,
      normalisation: n ? `(byte/255 - ${n.mean.join('/')}) / ${n.std.join('/')}` : '',
      accuracy: '',
      source: basename(path),
      source_format: `onnx (opset ${onnx.opset})`,
      source_sha256: onnx.sha256,
    },
  };
}
