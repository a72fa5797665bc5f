/**
 * Reads little-endian integers, big-endian doubles, byte runs and text lines from a byte
 * array, checking every length against what is left, so that a truncated or lying length field
 * becomes a message instead of a read past the end or a giant allocation.
 */
export class ByteCursor {
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
    /** Throws an InputError saying what ran out (`what`) at this position. */
    private readonly truncated: (what: string, at: number) => never,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  private need(n: number, what: string): number {
    if (n > this.remaining) this.truncated(what, this.pos);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  u8(what: string): number {
    return this.bytes[this.need(1, what)];
  }

  u16(what: string): number {
    return this.view.getUint16(this.need(2, what), true);
  }

  u32(what: string): number {
    return this.view.getUint32(this.need(4, what), true);
  }

  i32(what: string): number {
    return this.view.getInt32(this.need(4, what), true);
  }

  /** An unsigned 64-bit length or count; beyond 2^53 it cannot be real, so it reads as huge. */
  u64(what: string): number {
    const v = this.view.getBigUint64(this.need(8, what), true);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
  }

  i64(what: string): bigint {
    return this.view.getBigInt64(this.need(8, what), true);
  }

  f64be(what: string): number {
    return this.view.getFloat64(this.need(8, what), false);
  }

  take(n: number, what: string): Uint8Array {
    const at = this.need(n, what);
    return this.bytes.subarray(at, at + n);
  }

  /** Bytes up to the next newline (consumed, not returned), as latin-1 text. */
  line(what: string): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0) this.truncated(what, this.pos);
    const text = Buffer.from(this.bytes.subarray(this.pos, end)).toString('latin1');
    this.pos = end + 1;
    return text;
  }
}

/** Two's-complement little-endian integer of any length (pickle LONG1/LONG4). */
export function signedLittleEndian(bytes: Uint8Array): bigint {
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  if (bytes.length > 0 && bytes[bytes.length - 1] & 0x80) v -= 1n << BigInt(8 * bytes.length);
  return v;
}

/** A bigint as a number when exactly representable, else left a bigint. */
export function narrow(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : v;
}
