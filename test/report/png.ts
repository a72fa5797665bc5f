/**
 * A PNG reader for tests, written from the PNG specification (W3C, 2nd edition): signature,
 * chunks of length + type + data + CRC-32, IHDR first, IEND last. Enough to check that a file
 * is a well-formed PNG of a given size and to read its first pixel.
 */
import { inflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** CRC-32 (polynomial 0xEDB88320, reflected), bit by bit: slow and obviously right. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  chunkTypes: string[];
  /** The first pixel's channel values (RGB or RGBA). */
  firstPixel: number[];
}

export function readPng(bytes: Uint8Array): PngInfo {
  SIGNATURE.forEach((b, i) => {
    if (bytes[i] !== b) throw new Error(`byte ${i} of the signature is ${bytes[i]}, not ${b}`);
  });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkTypes: string[] = [];
  const idat: Uint8Array[] = [];
  let header: DataView | undefined;
  let at = 8;
  while (at < bytes.length) {
    const length = view.getUint32(at);
    const typeAndData = bytes.subarray(at + 4, at + 8 + length);
    const type = String.fromCharCode(...typeAndData.subarray(0, 4));
    const crc = view.getUint32(at + 8 + length);
    if (crc32(typeAndData) !== crc) throw new Error(`chunk ${type} has a bad CRC`);
    chunkTypes.push(type);
    if (type === 'IHDR') header = new DataView(bytes.buffer, bytes.byteOffset + at + 8, length);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  if (at !== bytes.length) throw new Error('trailing bytes after the last chunk');
  if (chunkTypes[0] !== 'IHDR' || header === undefined)
    throw new Error('IHDR is not the first chunk');
  if (chunkTypes.at(-1) !== 'IEND') throw new Error('IEND is not the last chunk');
  const colorType = header.getUint8(9);
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  const pixels = inflateSync(Buffer.concat(idat));
  // Whatever the first row's filter, its first pixel has no left or upper neighbour, so its
  // bytes are stored as they are (every filter adds a predictor of 0 there).
  const firstPixel = [...pixels.subarray(1, 1 + channels)];
  return {
    width: header.getUint32(0),
    height: header.getUint32(4),
    bitDepth: header.getUint8(8),
    colorType,
    chunkTypes,
    firstPixel,
  };
}
