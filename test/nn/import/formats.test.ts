import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { unpickle } from '../../../src/nn/import/pickle.js';
import { StorageRef } from '../../../src/nn/import/pickle-values.js';
import { decodeSource } from '../../../src/nn/import/source.js';
import { readZip } from '../../../src/nn/import/zip.js';
import { expected, fixtureBytes } from './fixtures.js';

/**
 * Every format against what PyTorch wrote: each tensor's shape, dtype and the SHA-256 of its
 * contiguous little-endian bytes (`t.contiguous().numpy().tobytes()` in make-fixtures.py).
 * The LeNet files hold a transposed tensor (strides [1, 120]) and two slices of one storage
 * (offsets 200 and 10), so strides and offsets are exercised in both PyTorch formats.
 */
function sha256(data: Float32Array): string {
  const bytes = Buffer.alloc(data.length * 4);
  data.forEach((v, i) => bytes.writeFloatLE(v, i * 4));
  return createHash('sha256').update(bytes).digest('hex');
}

const CASES = [
  ['lenet5-bn.zip.pth.gz', 'lenet5-bn', 'pytorch-zip'],
  ['lenet5-bn.legacy.pth.gz', 'lenet5-bn', 'pytorch-legacy'],
  ['resnet-tiny.zip.pth', 'resnet-tiny', 'pytorch-zip'],
  ['resnet-tiny.legacy.pth', 'resnet-tiny', 'pytorch-legacy'],
  ['resnet-tiny.safetensors', 'resnet-tiny', 'safetensors'],
] as const;

describe('reading PyTorch checkpoints', () => {
  it.each(CASES)('%s: every tensor as PyTorch stored it', (file, name, format) => {
    const source = decodeSource(fixtureBytes(file), file);
    expect(source.format).toBe(format);
    const want = expected(name).tensors;
    const names = Object.keys(want);
    // safetensors has no order of its own; the PyTorch formats keep the state dict's order.
    expect([...source.tensors.keys()]).toEqual(
      format === 'safetensors' ? [...names].sort() : names,
    );
    for (const [tensorName, w] of Object.entries(want)) {
      const t = source.tensors.get(tensorName)!;
      expect({ name: tensorName, shape: t.shape, dtype: t.dtype }).toEqual({
        name: tensorName,
        shape: w.shape,
        dtype: w.dtype,
      });
      if (w.dtype === 'float32') {
        expect({ name: tensorName, sha256: sha256(t.data!) }).toEqual({
          name: tensorName,
          sha256: w.sha256,
        });
        expect([...t.data!.subarray(0, 4)]).toEqual(w.first);
      } else {
        expect(t.data).toBeUndefined();
      }
    }
  });

  it('finds the central directory through the zip64 end record PyTorch also writes', () => {
    // PyTorch writes a zip64 end record and locator before the classic one; mark the classic
    // record's count, size and offset as "see zip64" (0xffff / 0xffffffff) and read again.
    const bytes = fixtureBytes('resnet-tiny.zip.pth').slice();
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const eocd = bytes.length - 22;
    expect(view.getUint32(eocd, true)).toBe(0x06054b50);
    view.setUint16(eocd + 8, 0xffff, true);
    view.setUint16(eocd + 10, 0xffff, true);
    view.setUint32(eocd + 12, 0xffffffff, true);
    view.setUint32(eocd + 16, 0xffffffff, true);
    const plain = decodeSource(fixtureBytes('resnet-tiny.zip.pth'), 'F').tensors;
    const via64 = decodeSource(bytes, 'F').tensors;
    expect([...via64.keys()]).toEqual([...plain.keys()]);
    expect(via64.get('module.fc.weight')).toEqual(plain.get('module.fc.weight'));
  });

  it('reads zip entries with their sizes (the storages of resnet-tiny: 4 bytes per float)', () => {
    const entries = readZip(fixtureBytes('resnet-tiny.zip.pth'), 'F');
    expect(entries.has('archive/data.pkl')).toBe(true);
    expect(new TextDecoder().decode(entries.get('archive/version'))).toBe('3\n');
    // Storage keys are numbered from 0 in state dict order; the first is conv1.weight [4,3,3,3].
    expect(entries.get('archive/data/0')!.length).toBe(4 * 3 * 3 * 3 * 4);
  });
});

describe('damaged and unsupported files: one line naming the file', () => {
  const cases: [string, string][] = [
    ['truncated-zip.pth', 'F: zip has no end-of-central-directory record (truncated or not a zip)'],
    ['corrupt-crc.zip.pth', 'F: zip entry archive/data/0 fails its CRC-32 check (damaged file)'],
    [
      'deflated.zip.pth',
      'F: zip entry archive/data.pkl is compressed (method 8); PyTorch stores entries uncompressed',
    ],
  ];
  it('truncated-legacy.pth', () => {
    // The storage key is a memory address of the run that wrote the file.
    expect(() => decodeSource(fixtureBytes('truncated-legacy.pth'), 'F')).toThrow(
      /^F: legacy file is truncated: storage \d+ size at byte \d+ runs past the end$/,
    );
  });

  it('views-bomb.zip.pth: more elements than the file has bytes', () => {
    const bytes = fixtureBytes('views-bomb.zip.pth');
    expect(() => decodeSource(bytes, 'F')).toThrow(
      `F: its tensors hold 100000 elements, more than a ${bytes.length}-byte file can store (overlapping views)`,
    );
  });

  it('refuses zip entries that overlap', () => {
    // Grow archive/data/0 (432 bytes) in the central directory so that it runs over the local
    // header of the next entry, archive/data/1.
    const bytes = fixtureBytes('resnet-tiny.zip.pth').slice();
    const text = Buffer.from(bytes).toString('latin1');
    const at = text.indexOf('PK\x01\x02', text.indexOf('PK\x01\x02') + 1);
    expect(text.slice(at + 46, at + 46 + 14)).toBe('archive/data/0');
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(at + 24, true)).toBe(432);
    view.setUint32(at + 20, 432 + 200, true);
    view.setUint32(at + 24, 432 + 200, true);
    expect(() => decodeSource(bytes, 'F')).toThrow(
      'F: zip entries archive/data/0 and archive/data/1 overlap',
    );
  });

  it.each(cases)('%s', (file, message) => {
    const read = () => decodeSource(fixtureBytes(file), 'F');
    expect(read).toThrow(InputError);
    expect(read).toThrow(message);
  });

  it('refuses bytes of no known format, and says what they start with', () => {
    expect(() => decodeSource(new TextEncoder().encode('<html>'), 'F')).toThrow(
      'F: not a PyTorch checkpoint (zip or legacy format) or safetensors file: it starts with bytes 3c 68 74 6d',
    );
    expect(() => decodeSource(new Uint8Array(0), 'F')).toThrow(
      'F: not a PyTorch checkpoint (zip or legacy format) or safetensors file: it starts with bytes (none: empty file)',
    );
  });

  it('refuses bytes after the last legacy storage', () => {
    const bytes = fixtureBytes('resnet-tiny.legacy.pth');
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expect(() => decodeSource(longer, 'F')).toThrow(
      'F: legacy file has 3 bytes after its last storage',
    );
  });

  it('refuses a legacy storage whose size field disagrees with its persistent id', () => {
    // Skip the five pickles (magic, protocol, sys info, object, key list) to the first count.
    const bytes = fixtureBytes('resnet-tiny.legacy.pth').slice();
    const anyStorage = { file: 'F', persistentLoad: () => new StorageRef('k', 'uint8', 1, 0, 1) };
    let at = 0;
    for (let i = 0; i < 5; i++) at = unpickle(bytes, at, anyStorage).end;
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const count = view.getBigInt64(at, true);
    view.setBigInt64(at, count + 1n, true);
    expect(() => decodeSource(bytes, 'F')).toThrow(
      new RegExp(`^F: legacy storage \\d+ must hold ${count} elements, not ${count + 1n}$`),
    );
  });
});
