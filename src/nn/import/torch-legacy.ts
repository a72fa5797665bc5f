import { InputError } from '../../errors.js';
import { ByteCursor } from './byte-cursor.js';
import { unpickle } from './pickle.js';
import { DTYPE_BYTES, kindOf, PickleDict, type PickleValue } from './pickle-values.js';
import { StorageTable } from './torch-storage.js';
import { checkStorageBytes, readStateDict, type SourceTensor } from './torch-tensors.js';

/**
 * PyTorch's legacy checkpoint (torch.save before 1.6, or _use_new_zipfile_serialization=False):
 * pickles in a row — the magic number 0x1950a86a20f9469cfc6c, the protocol version 1001, a
 * sys-info dict ({protocol_version, little_endian, type_sizes}), the object (storages by
 * persistent id), the list of storage keys — then, for each key in that list, an int64
 * element count followed by the storage's raw bytes.
 */
export const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
export const LEGACY_PROTOCOL = 1001;

/** How every legacy file starts: PROTO 2, LONG1 of 10 bytes (the magic number). */
export function isLegacy(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x80 &&
    bytes[1] === 0x02 &&
    bytes[2] === 0x8a &&
    bytes[3] === 0x0a
  );
}

export function readTorchLegacy(bytes: Uint8Array, file: string): Map<string, SourceTensor> {
  const noStorages = {
    file,
    persistentLoad: (_: PickleValue, fail: (why: string) => never) =>
      fail('header refers to a storage'),
  };
  const magic = unpickle(bytes, 0, noStorages);
  if (magic.value !== LEGACY_MAGIC) {
    throw new InputError(
      `${file}: legacy PyTorch file must start with magic number 0x${LEGACY_MAGIC.toString(16)}`,
    );
  }
  const protocol = unpickle(bytes, magic.end, noStorages);
  if (protocol.value !== LEGACY_PROTOCOL) {
    throw new InputError(
      `${file}: legacy protocol version must be ${LEGACY_PROTOCOL}, not ${kindOf(protocol.value)} ${String(protocol.value)}`,
    );
  }
  const info = unpickle(bytes, protocol.end, noStorages);
  const littleEndian =
    info.value instanceof PickleDict ? info.value.entries.get('little_endian') : undefined;
  if (littleEndian !== true) {
    throw new InputError(
      `${file}: legacy sys info must say little_endian True (big-endian files are not supported)`,
    );
  }
  const storages = new StorageTable('legacy');
  const object = unpickle(bytes, info.end, { file, persistentLoad: storages.load });
  const keys = unpickle(bytes, object.end, noStorages);
  if (!Array.isArray(keys.value) || !keys.value.every((k) => typeof k === 'string')) {
    throw new InputError(
      `${file}: legacy storage key list must be a list of text, not a ${kindOf(keys.value)}`,
    );
  }
  const data = new Map<string, Uint8Array>();
  const cur = new ByteCursor(bytes, keys.end, (what, at) => {
    throw new InputError(
      `${file}: legacy file is truncated: ${what} at byte ${at} runs past the end`,
    );
  });
  for (const key of keys.value as string[]) {
    const ref = storages.roots.get(key);
    if (ref === undefined)
      throw new InputError(`${file}: legacy storage ${key} is listed but no tensor uses it`);
    if (data.has(key)) throw new InputError(`${file}: legacy storage ${key} is listed twice`);
    const count = cur.i64(`storage ${key} size`);
    if (count !== BigInt(ref.rootNumel)) {
      throw new InputError(
        `${file}: legacy storage ${key} must hold ${ref.rootNumel} elements, not ${count}`,
      );
    }
    const bytesOf = ref.rootNumel * DTYPE_BYTES[ref.dtype];
    data.set(key, cur.take(bytesOf, `storage ${key} data`));
  }
  if (cur.remaining > 0) {
    throw new InputError(`${file}: legacy file has ${cur.remaining} bytes after its last storage`);
  }
  return readStateDict(object.value, file, bytes.length, (name, t) => {
    const storage = data.get(t.storage.key);
    if (storage === undefined) {
      throw new InputError(
        `${file}: tensor ${name} uses storage ${t.storage.key}, which has no data`,
      );
    }
    checkStorageBytes(t.storage, storage.length, 'legacy record', file);
    return storage;
  });
}
