import { crc32 } from 'node:zlib';
import { InputError } from '../../errors.js';
import { ByteCursor } from './byte-cursor.js';

/**
 * A reader of zip archives whose entries are stored (not compressed), as PyTorch writes them
 * (PKWARE APPNOTE.TXT; all fields little-endian):
 *   end of central directory (EOCD), the last 22 + comment bytes:
 *     0 signature 0x06054b50, 4 disk, 6 directory's disk, 8 entries on disk, 10 entries,
 *     12 directory size, 16 directory offset, 20 comment length
 *   zip64 locator, 20 bytes just before the EOCD when a field above is 0xffff / 0xffffffff:
 *     0 signature 0x07064b50, 8 offset of the zip64 EOCD (signature 0x06064b50; entries at 32,
 *     directory size at 40, directory offset at 48)
 *   central directory entry: 0 signature 0x02014b50, 8 flags, 10 method, 16 CRC-32,
 *     20 compressed size, 24 size, 28 name length, 30 extra length, 32 comment length,
 *     34 disk, 42 local header offset, 46 name; zip64 sizes/offset in extra field 0x0001
 *   local header: 0 signature 0x04034b50, 26 name length, 28 extra length (PyTorch pads here
 *     to align data to 64 bytes), 30 name, then the data.
 * Every offset and size is checked against the file, entries may not overlap, every entry's
 * CRC-32 is verified, and compressed or encrypted entries are refused.
 */
export type ZipEntries = Map<string, Uint8Array>;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
  );
}

export function readZip(bytes: Uint8Array, file: string): ZipEntries {
  const fail = (why: string): never => {
    throw new InputError(`${file}: zip ${why}`);
  };
  const cursorAt = (pos: number) =>
    new ByteCursor(bytes, pos, (what, at) =>
      fail(`is truncated: ${what} at byte ${at} runs past the end`),
    );
  const eocd = findEocd(bytes);
  if (eocd < 0) fail('has no end-of-central-directory record (truncated or not a zip)');
  const e = cursorAt(eocd + 4);
  const disk = e.u16('EOCD');
  const cdDisk = e.u16('EOCD');
  e.u16('EOCD');
  let count = e.u16('EOCD');
  let cdSize = e.u32('EOCD');
  let cdOffset = e.u32('EOCD');
  if (disk !== 0 || cdDisk !== 0) fail('spans several disks');
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = cursorAt(eocd - 20);
    if (eocd < 20 || loc.u32('zip64 locator') !== ZIP64_LOCATOR)
      fail('needs a zip64 locator before its EOCD');
    loc.u32('zip64 locator');
    const at = loc.u64('zip64 locator');
    if (at > eocd - 20 - 56) fail(`zip64 EOCD offset ${at} lies outside the file`);
    const z = cursorAt(at);
    if (z.u32('zip64 EOCD') !== ZIP64_EOCD) fail(`has no zip64 EOCD at byte ${at}`);
    z.take(28, 'zip64 EOCD');
    count = z.u64('zip64 EOCD');
    cdSize = z.u64('zip64 EOCD');
    cdOffset = z.u64('zip64 EOCD');
  }
  if (cdOffset + cdSize > eocd) {
    fail(`central directory (${cdSize} bytes at ${cdOffset}) runs past its end record at ${eocd}`);
  }
  if (count > cdSize / CENTRAL_BYTES) fail(`claims ${count} entries in a ${cdSize}-byte directory`);
  const entries: ZipEntries = new Map();
  const located: { name: string; local: number; data: Uint8Array; crc: number }[] = [];
  const c = cursorAt(cdOffset);
  for (let i = 0; i < count; i++) {
    const at = c.pos;
    if (at + CENTRAL_BYTES > cdOffset + cdSize)
      fail(`central directory entry ${i} runs past the directory`);
    if (c.u32('entry') !== CENTRAL)
      fail(`central directory entry ${i} at byte ${at} has a bad signature`);
    c.take(4, 'entry');
    const flags = c.u16('entry');
    const method = c.u16('entry');
    c.take(4, 'entry');
    const crc = c.u32('entry');
    let packed = c.u32('entry');
    let size = c.u32('entry');
    const nameLength = c.u16('entry');
    const extraLength = c.u16('entry');
    const commentLength = c.u16('entry');
    c.take(8, 'entry');
    let local = c.u32('entry');
    const name = utf8(c.take(nameLength, 'entry name'), fail);
    const extra = c.take(extraLength, 'entry extra field');
    c.take(commentLength, 'entry comment');
    if (c.pos > cdOffset + cdSize) fail(`entry ${name} runs past the central directory`);
    [size, packed, local] = zip64Fields(extra, [size, packed, local], name, fail);
    if (flags & 1) fail(`entry ${name} is encrypted`);
    if (method !== 0) {
      fail(`entry ${name} is compressed (method ${method}); PyTorch stores entries uncompressed`);
    }
    if (packed !== size)
      fail(`entry ${name} is stored but its sizes differ (${packed} and ${size})`);
    if (entries.has(name)) fail(`has two entries named ${name}`);
    const data = entryData(cursorAt(local), { name, size, end: cdOffset }, fail);
    located.push({ name, local, data, crc });
    entries.set(name, data);
  }
  // Entries may not share bytes: then every byte is checked at most once, and a small file
  // cannot make the CRC checks (or the reads) repeat over the same region.
  located.sort((x, y) => x.local - y.local);
  located.forEach((e, i) => {
    const previous = located[i - 1];
    if (previous && e.local < previous.data.byteOffset - bytes.byteOffset + previous.data.length) {
      fail(`entries ${previous.name} and ${e.name} overlap`);
    }
  });
  for (const e of located) {
    if (crc32(e.data) !== e.crc) fail(`entry ${e.name} fails its CRC-32 check (damaged file)`);
  }
  return entries;
}

function findEocd(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - EOCD_BYTES - 0xffff);
  for (let at = bytes.length - EOCD_BYTES; at >= lowest; at--) {
    // The comment length must reach exactly to the end of the file.
    if (
      view.getUint32(at, true) === EOCD &&
      at + EOCD_BYTES + view.getUint16(at + 20, true) === bytes.length
    ) {
      return at;
    }
  }
  return -1;
}

/** Replaces 0xffffffff fields by their zip64 extra-field values (in APPNOTE's order). */
function zip64Fields(
  extra: Uint8Array,
  fields: number[],
  name: string,
  fail: (why: string) => never,
): number[] {
  const need = fields.filter((f) => f === 0xffffffff).length;
  if (need === 0) return fields;
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (at + 4 + length > extra.length) break;
    if (id === 1) {
      if (length < 8 * need) break;
      let p = at + 4;
      return fields.map((f) => {
        if (f !== 0xffffffff) return f;
        const v = view.getBigUint64(p, true);
        p += 8;
        return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
      });
    }
    at += 4 + length;
  }
  return fail(`entry ${name} lacks the zip64 extra field its sizes need`);
}

interface EntryInfo {
  readonly name: string;
  readonly size: number;
  /** Data must end before the central directory. */
  readonly end: number;
}

function entryData(l: ByteCursor, e: EntryInfo, fail: (why: string) => never): Uint8Array {
  const at = l.pos;
  if (at + LOCAL_BYTES > e.end || l.u32('local header') !== LOCAL) {
    fail(`entry ${e.name} has no local header at byte ${at}`);
  }
  l.take(22, 'local header');
  const nameLength = l.u16('local header');
  const extraLength = l.u16('local header');
  const name = l.take(nameLength, 'local header');
  if (Buffer.from(name).toString('utf8') !== e.name) {
    fail(`entry ${e.name}: its local header names it differently`);
  }
  l.take(extraLength, 'local header');
  if (l.pos + e.size > e.end) {
    fail(`entry ${e.name} (${e.size} bytes at ${l.pos}) runs into the central directory`);
  }
  return l.take(e.size, 'entry data');
}

function utf8(b: Uint8Array, fail: (why: string) => never): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return fail('has an entry name that is not UTF-8');
  }
}
