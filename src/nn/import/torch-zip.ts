import { InputError } from '../../errors.js';
import { unpickle } from './pickle.js';
import { StorageTable } from './torch-storage.js';
import { checkStorageBytes, readStateDict, type SourceTensor } from './torch-tensors.js';
import { readZip } from './zip.js';

/**
 * PyTorch's zip checkpoint (torch.save since 1.6): entries under one folder NAME —
 * NAME/data.pkl (the object, protocol 2, storages by persistent id), NAME/data/<key> (each
 * storage's raw bytes), NAME/version, and NAME/byteorder when written by PyTorch 1.10+
 * ("little"; older files are little-endian too).
 */
export function readTorchZip(bytes: Uint8Array, file: string): Map<string, SourceTensor> {
  const entries = readZip(bytes, file);
  const pickles = [...entries.keys()].filter((n) => /^[^/]+\/data\.pkl$/.test(n));
  if (pickles.length !== 1) {
    throw new InputError(
      `${file}: a PyTorch zip checkpoint must hold one <folder>/data.pkl entry, not ${pickles.length}`,
    );
  }
  const folder = pickles[0].slice(0, -'/data.pkl'.length);
  const order = entries.get(`${folder}/byteorder`);
  if (order !== undefined && Buffer.from(order).toString('latin1') !== 'little') {
    throw new InputError(
      `${file}: ${folder}/byteorder must be little, not ${JSON.stringify(Buffer.from(order).toString('latin1'))}`,
    );
  }
  const storages = new StorageTable('zip');
  const { value } = unpickle(entries.get(pickles[0])!, 0, { file, persistentLoad: storages.load });
  return readStateDict(value, file, bytes.length, (name, t) => {
    const entry = `${folder}/data/${t.storage.key}`;
    const data = entries.get(entry);
    if (data === undefined) {
      throw new InputError(
        `${file}: tensor ${name} needs storage entry ${entry}, which is missing`,
      );
    }
    checkStorageBytes(t.storage, data.length, entry, file);
    return data;
  });
}
