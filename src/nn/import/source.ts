import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { decodeSafetensors } from '../safetensors.js';
import { isLegacy, readTorchLegacy } from './torch-legacy.js';
import type { SourceTensor } from './torch-tensors.js';
import { readTorchZip } from './torch-zip.js';
import { isZip } from './zip.js';

/**
 * Reads a checkpoint in any format the importer knows, recognised by its first bytes (never
 * by its name):
 *   50 4b 03 04            zip: PyTorch's format since 1.6
 *   80 02 8a 0a            pickle protocol 2 + a 10-byte integer: PyTorch's legacy magic number
 *   <u64 n> 7b ...         safetensors: an 8-byte header length, then a JSON object
 */
export const SOURCE_FORMATS = ['pytorch-zip', 'pytorch-legacy', 'safetensors'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface Source {
  readonly format: SourceFormat;
  /** By the name the file gives, in the file's order. */
  readonly tensors: Map<string, SourceTensor>;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
}

/** Files above this size are refused before reading (2 GiB; ResNet-50 is about 100 MB). */
export const MAX_SOURCE_BYTES = 2 ** 31;

export function readSource(path: string): Source {
  if (!existsSync(path)) throw new InputError(`checkpoint ${path} does not exist`);
  const stat = statSync(path);
  if (!stat.isFile())
    throw new InputError(`checkpoint ${path} must be a file, not a directory or device`);
  if (stat.size > MAX_SOURCE_BYTES) {
    throw new InputError(
      `checkpoint ${path} is ${stat.size} bytes; at most ${MAX_SOURCE_BYTES} are read`,
    );
  }
  const bytes = new Uint8Array(readFileSync(path));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ...decodeSource(bytes, path), sha256 };
}

/** The format and tensors of a checkpoint's bytes; `file` names it in messages. */
export function decodeSource(bytes: Uint8Array, file: string): Omit<Source, 'sha256'> {
  if (isZip(bytes)) return { format: 'pytorch-zip', tensors: readTorchZip(bytes, file) };
  if (isLegacy(bytes)) return { format: 'pytorch-legacy', tensors: readTorchLegacy(bytes, file) };
  if (bytes.length >= 9 && bytes[8] === 0x7b) {
    return { format: 'safetensors', tensors: fromSafetensors(bytes, file) };
  }
  if (bytes.length > 262 && Buffer.from(bytes.subarray(257, 262)).toString('latin1') === 'ustar') {
    throw new InputError(
      `${file}: tar checkpoints (PyTorch before 0.4) are not supported; load and save it again with a newer PyTorch`,
    );
  }
  const head = [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new InputError(
    `${file}: not a PyTorch checkpoint (zip or legacy format) or safetensors file: it starts with bytes ${head || '(none: empty file)'}`,
  );
}

function fromSafetensors(bytes: Uint8Array, file: string): Map<string, SourceTensor> {
  const { tensors, int64 } = decodeSafetensors(bytes, file, { allowInt64: true });
  const out = new Map<string, SourceTensor>();
  // Names sorted: safetensors has no order of its own (writers sort by name or offset).
  const names = [...tensors.keys(), ...int64.keys()].sort();
  for (const name of names) {
    const t = tensors.get(name);
    out.set(
      name,
      t
        ? { dtype: 'float32', shape: t.shape, data: t.data }
        : { dtype: 'int64', shape: int64.get(name)! },
    );
  }
  return out;
}
