/**
 * Bit-plane layout of the bit-parallel simulator, and the 32x32 bit-matrix transposes that
 * convert word vectors to planes and back.
 *
 * A plane holds one port bit of many vectors: bit `l` of word `w` is lane `32·w + l`. Packing 32
 * vectors of a port of width b (b <= 32) is one 32x32 transpose: row r = vector r, column c = bit
 * c; after the transpose, row c is the plane word of bit c. Example for a 4-bit port and lanes
 * 0..2 holding 0x1, 0x3, 0x8: plane bit0 = 0b011, bit1 = 0b010, bit2 = 0, bit3 = 0b100.
 *
 * Cost: `transpose32` is 5 stages x 16 swaps of 6 word ops (480 ops per 32 vectors); packing and
 * unpacking dominate end-to-end time for small circuits, which is why the simulator also accepts
 * planes directly.
 */

import { wrapBigInt } from '../bits/raw.js';
import { groupPacker, groupUnpacker } from './pack-codegen.js';

/**
 * Transposes the 32x32 bit matrix `m[offset .. offset+31]` in place, LSB-first on both axes:
 * afterwards bit r of row c is what bit c of row r was. Recursive block swap (Hacker's Delight
 * §7-3) with the masks mirrored for LSB-first bit numbering.
 */
export function transpose32(m: Int32Array, offset = 0): void {
  let j = 16;
  let mask = 0x0000ffff;
  while (j !== 0) {
    for (let k = 0; k < 32; k = (k + j + 1) & ~j) {
      const a = offset + k;
      const b = a + j;
      const t = ((m[a] >>> j) ^ m[b]) & mask;
      m[a] ^= t << j;
      m[b] ^= t;
    }
    j >>>= 1;
    mask ^= mask << j;
  }
}

/** Number of 32-lane words needed for `count` lanes. */
export function wordsFor(count: number): number {
  return Math.ceil(count / 32);
}

/** Fresh zeroed planes: `bits` Int32Arrays of `length` words. */
export function allocPlanes(bits: number, length: number): Int32Array[] {
  return Array.from({ length: bits }, () => new Int32Array(length));
}

/**
 * Packs `values` (one vector per element, the port's low `width` bits, width <= 32) into
 * `width` planes. Vector i goes to lane i: word `planeOffset + (i >>> 5)·stride`, bit i & 31.
 * `stride` lets a caller interleave time steps (the sequential layout t·words + w).
 */
export function packInt32(
  values: ArrayLike<number>,
  width: number,
  planes: readonly Int32Array[],
  planeOffset = 0,
  stride = 1,
): void {
  const block = new Int32Array(32);
  const count = values.length;
  const full = count >>> 5;
  const pack = groupPacker(width);
  for (let g = 0; g < full; g++) pack(values, 32 * g, planes, planeOffset + g * stride);
  for (
    let base = 32 * full, w = planeOffset + full * stride;
    base < count;
    base += 32, w += stride
  ) {
    const n = Math.min(32, count - base);
    for (let r = 0; r < n; r++) block[r] = values[base + r];
    block.fill(0, n);
    transpose32(block);
    for (let c = 0; c < width; c++) planes[c][w] = block[c];
  }
}

/**
 * Unpacks `count` vectors from `width` planes (inverse of `packInt32`). Ports narrower than 32
 * bits come out zero-extended, or sign-extended when `signed`; 32-bit ports as the raw bit
 * pattern (read it through a Uint32Array view for unsigned values).
 */
export function unpackInt32(
  planes: readonly Int32Array[],
  width: number,
  count: number,
  signed: boolean,
  out: Int32Array = new Int32Array(count),
  planeOffset = 0,
  stride = 1,
): Int32Array {
  const block = new Int32Array(32);
  const shift = 32 - width;
  const full = count >>> 5;
  const unpack = groupUnpacker(width, signed);
  for (let g = 0; g < full; g++) unpack(planes, planeOffset + g * stride, out, 32 * g);
  for (
    let base = 32 * full, w = planeOffset + full * stride;
    base < count;
    base += 32, w += stride
  ) {
    for (let c = 0; c < width; c++) block[c] = planes[c][w];
    block.fill(0, width);
    transpose32(block);
    const n = Math.min(32, count - base);
    if (shift === 0) for (let r = 0; r < n; r++) out[base + r] = block[r];
    else if (signed) for (let r = 0; r < n; r++) out[base + r] = (block[r] << shift) >> shift;
    else for (let r = 0; r < n; r++) out[base + r] = block[r];
  }
  return out;
}

/**
 * Splits port values into 32-bit slices: `slices[s][i]` holds bits 32s .. 32s+31 of vector i.
 * An Int32Array (or number array) is one slice already; bigints are cut (negative values are
 * read as two's complement).
 */
export function toSlices(
  values: ArrayLike<number> | readonly bigint[],
  width: number,
): ArrayLike<number>[] {
  const count = values.length;
  if (count === 0 || typeof values[0] !== 'bigint') {
    if (width > 32) throw new Error(`a ${width}-bit port needs bigint values`);
    return [values as ArrayLike<number>];
  }
  const big = values as readonly bigint[];
  const slices: Int32Array[] = [];
  for (let lo = 0; lo < width; lo += 32) {
    const slice = new Int32Array(count);
    const shift = BigInt(lo);
    for (let i = 0; i < count; i++) slice[i] = Number(wrapBigInt(big[i] >> shift, 32, true));
    slices.push(slice);
  }
  return slices;
}

/**
 * Packs values into the sequential plane layout (word `t·words + w` = cycle t of lanes
 * 32w..32w+31): lane `l` at cycle `t` takes `slices[·][index(l, t)]`. Used to lay one stream out
 * in per-lane chunks or many instance streams side by side.
 */
export function packGather(
  slices: readonly ArrayLike<number>[],
  width: number,
  planes: readonly Int32Array[],
  words: number,
  cycles: number,
  index: (lane: number, t: number) => number,
): void {
  const block = new Int32Array(32);
  const where = new Int32Array(32);
  for (let t = 0; t < cycles; t++) {
    for (let w = 0; w < words; w++) {
      for (let r = 0; r < 32; r++) where[r] = index(32 * w + r, t);
      for (let s = 0; s < slices.length; s++) {
        const slice = slices[s];
        for (let r = 0; r < 32; r++) block[r] = slice[where[r]];
        transpose32(block);
        const bits = Math.min(32, width - 32 * s);
        for (let c = 0; c < bits; c++) planes[32 * s + c][t * words + w] = block[c];
      }
    }
  }
}

/**
 * Packs bigint vectors of any width (bit patterns; negative values are read as two's
 * complement) 32 bits at a time.
 */
export function packBigInt(
  values: readonly bigint[],
  width: number,
  planes: readonly Int32Array[],
  planeOffset = 0,
  stride = 1,
): void {
  const chunk = new Int32Array(values.length);
  for (let lo = 0; lo < width; lo += 32) {
    const bits = Math.min(32, width - lo);
    const shift = BigInt(lo);
    for (let i = 0; i < values.length; i++) {
      chunk[i] = Number(wrapBigInt(values[i] >> shift, 32, true));
    }
    packInt32(chunk, bits, planes.slice(lo, lo + bits), planeOffset, stride);
  }
}

/** Unpacks bigint vectors (unsigned bit patterns of `width` bits) from planes. */
export function unpackBigInt(
  planes: readonly Int32Array[],
  width: number,
  count: number,
  planeOffset = 0,
  stride = 1,
): bigint[] {
  const out: bigint[] = new Array(count).fill(0n);
  const chunk = new Int32Array(count);
  for (let lo = 0; lo < width; lo += 32) {
    const bits = Math.min(32, width - lo);
    unpackInt32(planes.slice(lo, lo + bits), bits, count, false, chunk, planeOffset, stride);
    const shift = BigInt(lo);
    for (let i = 0; i < count; i++) out[i] |= BigInt(chunk[i] >>> 0) << shift;
  }
  return out;
}
