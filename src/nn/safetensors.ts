import { InputError, show } from '../errors.js';
import { sizeOf, type Tensor } from './tensor.js';

/**
 * safetensors (Hugging Face) for float32 tensors:
 *   bytes 0..7   N, the header length, unsigned 64-bit little-endian
 *   bytes 8..8+N JSON: { "<name>": { "dtype": "F32", "shape": [...], "data_offsets": [b, e] },
 *                        "__metadata__": { "<key>": "<string>" } }, padded with spaces so that
 *                8 + N is a multiple of 8
 *   then         the data section: raw little-endian tensors, data_offsets relative to its start
 * Writing sorts tensors by name and packs them without gaps, so equal inputs give equal bytes.
 * Reading checks everything a damaged file can get wrong and names the file and the tensor.
 */
export interface SafetensorsContent {
  readonly tensors: Map<string, Tensor>;
  readonly metadata: Record<string, string>;
  /** Shapes of the I64 tensors, read (checked, not decoded) only with `allowInt64`. */
  readonly int64: Map<string, number[]>;
}

export interface DecodeOptions {
  /** Accept I64 tensors (PyTorch's num_batches_tracked) besides F32. */
  readonly allowInt64?: boolean;
}

const F32_BYTES = 4;
const DTYPE_BYTES: Readonly<Record<string, number>> = { F32: F32_BYTES, I64: 8 };

export function encodeSafetensors(
  tensors: ReadonlyMap<string, Tensor>,
  metadata: Record<string, string> = {},
): Uint8Array {
  const names = [...tensors.keys()].sort();
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let offset = 0;
  for (const name of names) {
    const t = tensors.get(name)!;
    const bytes = t.data.length * F32_BYTES;
    setOwn(header, name, {
      dtype: 'F32',
      shape: [...t.shape],
      data_offsets: [offset, offset + bytes],
    });
    offset += bytes;
  }
  let json = JSON.stringify(header);
  const jsonBytes = Buffer.byteLength(json, 'utf8');
  json += ' '.repeat((8 - ((8 + jsonBytes) % 8)) % 8);
  const head = Buffer.from(json, 'utf8');
  const out = new Uint8Array(8 + head.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const name of names) {
    const d = tensors.get(name)!.data;
    for (let i = 0; i < d.length; i++, at += F32_BYTES) view.setFloat32(at, d[i], true);
  }
  return out;
}

interface Entry {
  readonly name: string;
  readonly dtype: string;
  readonly shape: number[];
  readonly begin: number;
  readonly end: number;
}

export function decodeSafetensors(
  bytes: Uint8Array,
  file: string,
  options: DecodeOptions = {},
): SafetensorsContent {
  const fail = (why: string): never => {
    throw new InputError(`${file}: ${why}`);
  };
  if (bytes.length < 8) {
    fail(`not a safetensors file: ${bytes.length} bytes, shorter than the 8-byte header length`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getBigUint64(0, true);
  if (headerLength > BigInt(bytes.length - 8)) {
    fail(
      `header length ${headerLength} runs past the end of the file (${bytes.length - 8} bytes after the length field)`,
    );
  }
  const n = Number(headerLength);
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(bytes.subarray(8, 8 + n)).toString('utf8'));
  } catch {
    fail('header is not valid JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    fail('header must be a JSON object');
  }
  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;
  const metadata: Record<string, string> = {};
  const entries: Entry[] = [];
  for (const [name, value] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail('__metadata__ must be an object of strings');
      }
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v !== 'string') fail(`__metadata__.${k} must be a string, not ${typeof v}`);
        setOwn(metadata, k, v as string);
      }
      continue;
    }
    entries.push(parseEntry(name, value, dataLength, options, fail));
  }
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (i > 0 && e.begin < sorted[i - 1].end) {
      fail(`tensors ${sorted[i - 1].name} and ${e.name} overlap in the data section`);
    }
    if (e.begin !== covered) fail(`data section has a gap before tensor ${e.name}`);
    covered = e.end;
  }
  if (covered !== dataLength) {
    fail(`data section is ${dataLength} bytes but the tensors cover ${covered}`);
  }
  const tensors = new Map<string, Tensor>();
  const int64 = new Map<string, number[]>();
  for (const e of entries) {
    if (e.dtype === 'I64') {
      int64.set(e.name, e.shape);
      continue;
    }
    const data = new Float32Array((e.end - e.begin) / F32_BYTES);
    const base = dataStart + e.begin;
    for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(base + i * F32_BYTES, true);
    tensors.set(e.name, { shape: e.shape, data });
  }
  return { tensors, metadata, int64 };
}

function parseEntry(
  name: string,
  value: unknown,
  dataLength: number,
  options: DecodeOptions,
  fail: (why: string) => never,
): Entry {
  if (typeof value !== 'object' || value === null) fail(`tensor ${name} must be an object`);
  const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;
  if (dtype !== 'F32' && !(dtype === 'I64' && options.allowInt64)) {
    fail(
      `tensor ${name} has dtype ${show(dtype)}; only F32 is supported${options.allowInt64 ? ' (and I64)' : ''}`,
    );
  }
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    fail(
      `tensor ${name} shape must be a list of non-negative integers, not ${JSON.stringify(shape)}`,
    );
  }
  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every((d) => Number.isSafeInteger(d) && d >= 0)
  ) {
    fail(
      `tensor ${name} data_offsets must be two non-negative integers, not ${JSON.stringify(offsets)}`,
    );
  }
  const [begin, end] = offsets as number[];
  if (begin > end || end > dataLength) {
    fail(
      `tensor ${name} data_offsets [${begin}, ${end}] lie outside the data section (${dataLength} bytes)`,
    );
  }
  const dims = shape as number[];
  const want = sizeOf(dims) * DTYPE_BYTES[dtype as string];
  if (end - begin !== want) {
    fail(
      `tensor ${name} of shape [${dims}] needs ${want} bytes as ${dtype}, but data_offsets span ${end - begin}`,
    );
  }
  return { name, dtype: dtype as string, shape: dims, begin, end };
}

/**
 * Sets an own property even for keys such as `__proto__`, which a plain assignment would turn
 * into a prototype change (and so silently drop a metadata entry or tensor name).
 */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
