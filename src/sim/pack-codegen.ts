import { firstRows, transposeCode } from './transpose-codegen.js';

/**
 * Generated, width-specialised transposes for one group of 32 vectors, compiled once per port
 * width (and signedness) and cached: the pruned straight-line code of transpose-codegen.ts,
 * reading and writing memory directly.
 */

/** Packs `values[base .. base+31]` into `planes[c][word]`, c < width. */
export type GroupPacker = (
  values: ArrayLike<number>,
  base: number,
  planes: readonly Int32Array[],
  word: number,
) => void;

/** Unpacks `planes[c][word]`, c < width, into `out[base .. base+31]` (extended to 32 bits). */
export type GroupUnpacker = (
  planes: readonly Int32Array[],
  word: number,
  out: Int32Array,
  base: number,
) => void;

const packers = new Map<number, GroupPacker>();
const unpackers = new Map<string, GroupUnpacker>();

export function groupPacker(width: number): GroupPacker {
  let fn = packers.get(width);
  if (fn === undefined) {
    const rows = Array.from({ length: 32 }, (_, r) => `v${r}`);
    const t = transposeCode(rows, firstRows(width), 't');
    const body = [
      `const ${rows.map((v, r) => `${v} = values[base + ${r}] | 0`).join(', ')};`,
      ...t.lines,
      ...Array.from({ length: width }, (_, c) => `planes[${c}][word] = ${t.rows[c]};`),
    ].join('\n');
    fn = new Function('values', 'base', 'planes', 'word', body) as GroupPacker;
    packers.set(width, fn);
  }
  return fn;
}

export function groupUnpacker(width: number, signed: boolean): GroupUnpacker {
  const key = `${width}${signed ? 's' : 'u'}`;
  let fn = unpackers.get(key);
  if (fn === undefined) {
    const rows = Array.from({ length: 32 }, (_, c) => (c < width ? `p${c}` : '0'));
    const t = transposeCode(rows, firstRows(32), 't');
    const shift = 32 - width;
    const body = [
      ...Array.from({ length: width }, (_, c) => `const p${c} = planes[${c}][word];`),
      ...t.lines,
      ...t.rows.map((row, r) => {
        const v = signed && shift > 0 ? `(${row} << ${shift}) >> ${shift}` : row;
        return `out[base + ${r}] = ${v};`;
      }),
    ].join('\n');
    fn = new Function('planes', 'word', 'out', 'base', body) as GroupUnpacker;
    unpackers.set(key, fn);
  }
  return fn;
}
