import { InputError } from '../../errors.js';

/**
 * IDX files (LeCun's MNIST format): 2 zero bytes, a type byte (0x08 = unsigned byte, the only
 * type MNIST uses), a dimension count d, then d big-endian uint32 sizes, then the data,
 * row-major. Example: 00 00 08 03 | 00 00 EA 60 | 00 00 00 1C | 00 00 00 1C = 60000×28×28 bytes.
 */
export interface IdxArray {
  readonly dims: number[];
  readonly data: Uint8Array;
}

export function parseIdx(bytes: Uint8Array, file: string): IdxArray {
  if (bytes.length < 4) {
    throw new InputError(`${file}: IDX header must be at least 4 bytes, not ${bytes.length}`);
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new InputError(
      `${file}: IDX magic must start with two zero bytes, not 0x${hex(bytes[0])} 0x${hex(bytes[1])}`,
    );
  }
  if (bytes[2] !== 0x08) {
    throw new InputError(`${file}: IDX type must be 0x08 (unsigned byte), not 0x${hex(bytes[2])}`);
  }
  const d = bytes[3];
  if (d < 1) throw new InputError(`${file}: IDX dimension count must be at least 1, not 0`);
  const start = 4 + 4 * d;
  if (bytes.length < start) {
    throw new InputError(
      `${file}: IDX header of ${d} dimensions needs ${start} bytes, but the file has ${bytes.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < d; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length - start !== size) {
    throw new InputError(
      `${file}: IDX data must be ${size} bytes for dimensions ${dims.join('x')}, not ${bytes.length - start}`,
    );
  }
  return { dims, data: bytes.subarray(start) };
}

function hex(b: number): string {
  return b.toString(16).padStart(2, '0');
}
