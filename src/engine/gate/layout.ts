/**
 * Moving bit planes between the simulator's layout ([bit][t·words + w], 32 lanes per word) and
 * the WebAssembly activity kernel's ([group][cycle][bit][4 words], 128 lanes per group).
 * `words` is always 4·groups.
 */
export function planesToLanes(
  planes: readonly Int32Array[],
  words: number,
  cycles: number,
  lane: Int32Array,
  laneBits: number,
  firstBit: number,
): void {
  const groups = words / 4;
  for (let g = 0; g < groups; g++) {
    for (let t = 0; t < cycles; t++) {
      for (let b = 0; b < planes.length; b++) {
        const at = ((g * cycles + t) * laneBits + firstBit + b) * 4;
        const src = planes[b];
        const from = t * words + 4 * g;
        lane[at] = src[from];
        lane[at + 1] = src[from + 1];
        lane[at + 2] = src[from + 2];
        lane[at + 3] = src[from + 3];
      }
    }
  }
}

/** Output bits [firstBit, firstBit + count) of cycle t, as planes of `words` words. */
export function lanesToPlanes(
  out: Int32Array,
  groups: number,
  cycles: number,
  outBits: number,
  t: number,
  firstBit: number,
  count: number,
  planes: Int32Array[],
): void {
  for (let g = 0; g < groups; g++) {
    const at = (g * cycles + t) * outBits * 4;
    for (let b = 0; b < count; b++) {
      const from = at + (firstBit + b) * 4;
      const dst = planes[b];
      dst[4 * g] = out[from];
      dst[4 * g + 1] = out[from + 1];
      dst[4 * g + 2] = out[from + 2];
      dst[4 * g + 3] = out[from + 3];
    }
  }
}
