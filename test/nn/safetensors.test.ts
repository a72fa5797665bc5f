import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors } from '../../src/nn/safetensors.js';
import type { Tensor } from '../../src/nn/tensor.js';

const F = 'm.safetensors';

/** Builds a file by hand from a header object and a data section (the golden encoder). */
function handMade(
  header: unknown,
  data: Uint8Array,
  headerText = JSON.stringify(header),
): Uint8Array {
  const head = Buffer.from(headerText, 'utf8');
  const out = new Uint8Array(8 + head.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  out.set(data, 8 + head.length);
  return out;
}

function f32(values: number[]): Uint8Array {
  const b = new Uint8Array(values.length * 4);
  const v = new DataView(b.buffer);
  values.forEach((x, i) => v.setFloat32(i * 4, x, true));
  return b;
}

describe('safetensors', () => {
  it('keeps a metadata key named __proto__ as an ordinary entry', () => {
    const metadata = JSON.parse('{"__proto__":"x","b":"y"}') as Record<string, string>;
    const back = decodeSafetensors(encodeSafetensors(new Map(), metadata), F);
    expect(Object.getOwnPropertyNames(back.metadata).sort()).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(back.metadata)).toBe(Object.prototype);
    expect(back.metadata).toEqual(metadata);
  });

  it('round-trips any set of float32 tensors and string metadata', () => {
    const tensorArb = fc
      .array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 })
      .chain((shape) => {
        const n = shape.reduce((a, b) => a * b, 1);
        return fc
          .array(fc.float({ noNaN: true }), { minLength: n, maxLength: n })
          .map((v): Tensor => ({ shape, data: Float32Array.from(v) }));
      });
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_.]{0,8}$/), tensorArb, { maxKeys: 5 }),
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
        (dict, metadata) => {
          const tensors = new Map(Object.entries(dict));
          const bytes = encodeSafetensors(tensors, metadata);
          const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
          expect((8 + headerLength) % 8).toBe(0);
          const back = decodeSafetensors(bytes, F);
          expect([...back.tensors.keys()].sort()).toEqual([...tensors.keys()].sort());
          for (const [name, t] of tensors) {
            expect(back.tensors.get(name)!.shape).toEqual(t.shape);
            expect([...back.tensors.get(name)!.data]).toEqual([...t.data]);
          }
          expect(back.metadata).toEqual(Object.keys(metadata).length ? metadata : {});
        },
      ),
      { numRuns: 100 },
    );
  });

  it('writes the layout other readers expect: LE length, sorted names, packed data', () => {
    const bytes = encodeSafetensors(
      new Map([
        ['b', { shape: [1], data: new Float32Array([1]) }],
        ['a', { shape: [2], data: new Float32Array([-2, 0.5]) }],
      ]),
      { k: 'v' },
    );
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    const header = JSON.parse(Buffer.from(bytes.subarray(8, 8 + n)).toString('utf8'));
    expect(header).toEqual({
      __metadata__: { k: 'v' },
      a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
      b: { dtype: 'F32', shape: [1], data_offsets: [8, 12] },
    });
    expect([...bytes.subarray(8 + n)]).toEqual([...f32([-2, 0.5, 1])]);
  });

  const cases: [string, () => Uint8Array, string][] = [
    [
      'too short',
      () => new Uint8Array(5),
      `${F}: not a safetensors file: 5 bytes, shorter than the 8-byte header length`,
    ],
    [
      'header length beyond the file',
      () => {
        const b = handMade({}, new Uint8Array(0));
        new DataView(b.buffer).setBigUint64(0, 1000n, true);
        return b;
      },
      `${F}: header length 1000 runs past the end of the file (2 bytes after the length field)`,
    ],
    [
      'bad JSON',
      () => handMade(null, new Uint8Array(0), '{"a": '),
      `${F}: header is not valid JSON`,
    ],
    [
      'header not an object',
      () => handMade([1], new Uint8Array(0)),
      `${F}: header must be a JSON object`,
    ],
    [
      'unsupported dtype',
      () => handMade({ w: { dtype: 'F16', shape: [2], data_offsets: [0, 4] } }, new Uint8Array(4)),
      `${F}: tensor w has dtype "F16"; only F32 is supported`,
    ],
    [
      'offsets out of range',
      () => handMade({ w: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }, new Uint8Array(4)),
      `${F}: tensor w data_offsets [0, 8] lie outside the data section (4 bytes)`,
    ],
    [
      'shape and size disagree',
      () => handMade({ w: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, new Uint8Array(8)),
      `${F}: tensor w of shape [3] needs 12 bytes as F32, but data_offsets span 8`,
    ],
    [
      'overlapping tensors',
      () =>
        handMade(
          {
            a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
            b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] },
          },
          new Uint8Array(12),
        ),
      `${F}: tensors a and b overlap in the data section`,
    ],
    [
      'truncated data',
      () => handMade({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, new Uint8Array(8)),
      `${F}: data section is 8 bytes but the tensors cover 4`,
    ],
    [
      'metadata value not a string',
      () => handMade({ __metadata__: { seed: 1 } }, new Uint8Array(0)),
      `${F}: __metadata__.seed must be a string, not number`,
    ],
  ];
  it.each(cases)('rejects a file with %s', (_, make, message) => {
    expect(() => decodeSafetensors(make(), F)).toThrow(message);
    try {
      decodeSafetensors(make(), F);
    } catch (err) {
      expect((err as Error).name).toBe('InputError');
      expect((err as Error).message).toBe(message);
    }
  });

  it('rejects every truncation of a valid file', () => {
    const bytes = encodeSafetensors(
      new Map([['w', { shape: [3], data: new Float32Array([1, 2, 3]) }]]),
    );
    for (let cut = 0; cut < bytes.length; cut++) {
      expect(() => decodeSafetensors(bytes.subarray(0, cut), F)).toThrow(/^m\.safetensors: /);
    }
  });
});
