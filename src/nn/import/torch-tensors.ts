import { InputError } from '../../errors.js';
import {
  DTYPE_BYTES,
  type DType,
  kindOf,
  PickleDict,
  type PickleValue,
  type StorageRef,
  TorchTensor,
} from './pickle-values.js';

/**
 * From a checkpoint's unpickled object to named tensors: find the state dict, then read each
 * tensor out of its storage's bytes through its offset and strides (PyTorch's view of a
 * storage: element (i0, i1, ...) sits at offset + Σ ik·stride[k]).
 */
export interface SourceTensor {
  readonly dtype: DType;
  readonly shape: readonly number[];
  /** Row-major values, for float32 tensors only (the rest are checked, not read). */
  readonly data?: Float32Array;
}

/** Largest tensor read (2^26 elements, 256 MB as float32): far above any layer we model. */
export const MAX_TENSOR_ELEMENTS = 2 ** 26;

/** Entries of the top-level object under which training scripts keep the weights. */
const WRAPPER_KEYS = ['state_dict', 'model'];

/** The state dict: the object itself, or its `state_dict`/`model` entry; names in order. */
function findStateDict(value: PickleValue, file: string): Map<string, TorchTensor> {
  let dict = value;
  if (
    dict instanceof PickleDict &&
    ![...dict.entries.values()].some((v) => v instanceof TorchTensor)
  ) {
    const key = WRAPPER_KEYS.find(
      (k) => dict instanceof PickleDict && dict.entries.get(k) instanceof PickleDict,
    );
    if (key !== undefined) dict = (dict as PickleDict).entries.get(key)!;
  }
  if (!(dict instanceof PickleDict)) {
    throw new InputError(
      `${file}: the pickled object must be a state dict (a dict of tensors), not a ${kindOf(value)}`,
    );
  }
  const out = new Map<string, TorchTensor>();
  for (const [k, v] of dict.entries) {
    if (typeof k !== 'string')
      throw new InputError(`${file}: state dict key ${String(k)} is not text`);
    if (!(v instanceof TorchTensor)) {
      throw new InputError(`${file}: state dict entry ${k} must be a tensor, not a ${kindOf(v)}`);
    }
    out.set(k, v);
  }
  if (out.size === 0) throw new InputError(`${file}: the state dict holds no tensors`);
  return out;
}

/**
 * Reads every tensor of the state dict; `storageOf` gives a tensor's storage bytes (checked).
 * Views may share a storage, but the tensors together may hold no more elements than the file
 * has bytes: a small file of many overlapping (or zero-stride) views cannot make the reader
 * allocate and copy without end.
 */
export function readStateDict(
  value: PickleValue,
  file: string,
  fileBytes: number,
  storageOf: (name: string, t: TorchTensor) => Uint8Array,
): Map<string, SourceTensor> {
  const dict = findStateDict(value, file);
  let total = 0;
  for (const t of dict.values()) total += t.size.reduce((a, b) => a * b, 1);
  if (total > fileBytes) {
    throw new InputError(
      `${file}: its tensors hold ${total} elements, more than a ${fileBytes}-byte file can store (overlapping views)`,
    );
  }
  const out = new Map<string, SourceTensor>();
  for (const [name, t] of dict) out.set(name, readTensor(name, t, storageOf(name, t), file));
  return out;
}

/**
 * Reads a tensor. `storage` holds the bytes of the storage `t.storage.key` (all of it; a
 * legacy view is applied here), already checked to be `rootNumel` elements long.
 */
function readTensor(name: string, t: TorchTensor, storage: Uint8Array, file: string): SourceTensor {
  const fail = (why: string): never => {
    throw new InputError(`${file}: tensor ${name} ${why}`);
  };
  const ref: StorageRef = t.storage;
  const count = t.size.reduce((a, b) => a * b, 1);
  if (count > MAX_TENSOR_ELEMENTS) {
    fail(`has ${count} elements, more than the ${MAX_TENSOR_ELEMENTS} an import reads`);
  }
  if (count > 0) {
    const last = t.size.reduce((s, d, k) => s + (d - 1) * t.stride[k], t.offset);
    if (last >= ref.numel) {
      fail(
        `of size [${t.size}], stride [${t.stride}] and offset ${t.offset} reads element ${last} of a ${ref.numel}-element storage`,
      );
    }
  }
  const shape = [...t.size];
  if (ref.dtype !== 'float32') return { dtype: ref.dtype, shape };
  const view = new DataView(storage.buffer, storage.byteOffset, storage.byteLength);
  const data = new Float32Array(count);
  const base = ref.viewOffset + t.offset;
  const bytes = DTYPE_BYTES.float32;
  if (isContiguous(t.size, t.stride)) {
    for (let i = 0; i < count; i++) data[i] = view.getFloat32((base + i) * bytes, true);
    return { dtype: 'float32', shape, data };
  }
  // General strides: walk the index like an odometer, last dimension fastest.
  const index = new Array<number>(shape.length).fill(0);
  let at = base;
  for (let i = 0; i < count; i++) {
    data[i] = view.getFloat32(at * bytes, true);
    for (let k = shape.length - 1; k >= 0; k--) {
      index[k]++;
      at += t.stride[k];
      if (index[k] < shape[k]) break;
      at -= t.stride[k] * shape[k];
      index[k] = 0;
    }
  }
  return { dtype: 'float32', shape, data };
}

function isContiguous(size: readonly number[], stride: readonly number[]): boolean {
  let expected = 1;
  for (let k = size.length - 1; k >= 0; k--) {
    if (size[k] !== 1 && stride[k] !== expected) return false;
    expected *= size[k];
  }
  return true;
}

/** Checks a storage's bytes hold exactly its declared elements. */
export function checkStorageBytes(
  ref: StorageRef,
  bytes: number,
  where: string,
  file: string,
): void {
  const want = ref.rootNumel * DTYPE_BYTES[ref.dtype];
  if (bytes !== want) {
    throw new InputError(
      `${file}: storage ${ref.key} (${where}) must hold ${ref.rootNumel} ${ref.dtype} elements (${want} bytes), not ${bytes} bytes`,
    );
  }
}
