import { floorShift } from '../bits/fast-number.js';
import { packInt32, unpackInt32 } from '../sim/bitplane.js';

/**
 * Bit-plane helpers for values wider than 32 bits (up to 53, the exact float64 integers): a
 * value is cut into a low 32-bit slice and a high slice, each packed or unpacked with the
 * simulator's 32x32 transposes.
 */

/** Unpacks `count` values of `width` bits (sign-extended when `signed`) into a Float64Array. */
export function unpackWide(
  planes: readonly Int32Array[],
  width: number,
  count: number,
  signed: boolean,
  planeOffset = 0,
  out = new Float64Array(count),
): Float64Array {
  if (width <= 32) {
    const tmp = unpackInt32(planes.slice(0, width), width, count, signed, undefined, planeOffset);
    if (!signed && width === 32) for (let i = 0; i < count; i++) out[i] = tmp[i] >>> 0;
    else for (let i = 0; i < count; i++) out[i] = tmp[i];
    return out;
  }
  const lo = unpackInt32(planes.slice(0, 32), 32, count, false, undefined, planeOffset);
  const hi = unpackInt32(
    planes.slice(32, width),
    width - 32,
    count,
    signed,
    undefined,
    planeOffset,
  );
  for (let i = 0; i < count; i++) out[i] = hi[i] * 4294967296 + (lo[i] >>> 0);
  return out;
}

/**
 * Packs `values` (integers of at most 53 bits) as their low `width` bits, two's complement,
 * into `width` planes from word 0 (inverse of `unpackWide`).
 */
export function packWide(values: Float64Array, width: number, planes: readonly Int32Array[]): void {
  if (width <= 32) {
    packInt32(values, width, planes);
    return;
  }
  const count = values.length;
  const lo = new Int32Array(count);
  const hi = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const high = floorShift(values[i], 32);
    hi[i] = high;
    lo[i] = values[i] - high * 4294967296;
  }
  packInt32(lo, 32, planes.slice(0, 32));
  packInt32(hi, width - 32, planes.slice(32, width));
}

/** A lane mask for `lanes` active lanes out of `words`·32. */
export function laneMask(words: number, lanes: number): Int32Array {
  const mask = new Int32Array(words);
  for (let w = 0; w < words; w++) {
    const left = lanes - 32 * w;
    mask[w] = left >= 32 ? -1 : left > 0 ? (1 << left) - 1 : 0;
  }
  return mask;
}
