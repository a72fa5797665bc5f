import { InputError, show } from '../errors.js';

/** Widest format: 4096 bits holds any product or sum the datapaths here produce, with room. */
export const MAX_WIDTH = 4096;
/**
 * Bound on the integer bits |I|. ac_fixed allows any I; a bound keeps every scale factor 2^F
 * (F = W - I, at most 65536 + 4096) a bigint of a few thousand words rather than unbounded.
 */
export const MAX_INT_BITS = 65536;

/**
 * A fixed-point format, modelled on Algorithmic C `ac_fixed<W, I, S>`:
 * W bits in all, I of them left of the binary point, signed (two's complement) when S.
 * F = W - I fraction bits. I may be negative (all bits right of the point, below 2^(I-1)) or
 * exceed W (F < 0: the LSB weighs 2^-F > 1), as in ac_fixed. `FixedFormat.int(W, S)` is ac_int.
 *
 * A value in this format is its raw integer r, the SIGNED integer the bits encode
 * (two's complement when S), standing for the real number r * 2^-F:
 *   signed:   r in [-2^(W-1), 2^(W-1) - 1]
 *   unsigned: r in [0, 2^W - 1]
 * The bit pattern (what a simulator port carries) is r mod 2^W, unsigned; `toPattern` and
 * `fromPattern` convert. Signed Q4.4 = ac_fixed<8,4,true>, rows of pattern -> raw -> value:
 *
 * | pattern | raw  | value   |
 * |---------|------|---------|
 * | 0x00    |    0 |  0.0    |
 * | 0x01    |    1 |  0.0625 |
 * | 0x10    |   16 |  1.0    |
 * | 0x7f    |  127 |  7.9375 |
 * | 0x80    | -128 | -8.0    |
 * | 0xff    |   -1 | -0.0625 |
 *
 * `toString()` prints the ac_fixed spelling, `ac_fixed<8,4,true>`: unambiguous for I < 0 and
 * I > W, and what ac_types users already read. `parseFormat` reads it back.
 */
export class FixedFormat {
  /** W: total bits, 1 to 4096. */
  readonly width: number;
  /** I: bits left of the binary point (may be negative or exceed W). */
  readonly intBits: number;
  /** S: two's complement when true. */
  readonly signed: boolean;
  /** F = W - I: bits right of the binary point; the LSB weighs 2^-F. */
  readonly fracBits: number;
  /** Smallest raw value: -2^(W-1) when signed, else 0. */
  readonly minRaw: bigint;
  /** Largest raw value: 2^(W-1) - 1 when signed, else 2^W - 1. */
  readonly maxRaw: bigint;

  /** ac_fixed<width, intBits, signed>; throws InputError naming the bad part. */
  constructor(width: number, intBits: number, signed = true) {
    checkFormatParts(width, intBits, signed, '');
    this.width = width;
    this.intBits = intBits;
    this.signed = signed;
    this.fracBits = width - intBits;
    const w = BigInt(width);
    this.minRaw = signed ? -(1n << (w - 1n)) : 0n;
    this.maxRaw = signed ? (1n << (w - 1n)) - 1n : (1n << w) - 1n;
    Object.freeze(this);
  }

  /** An integer format (ac_int<width, signed>): I = W, F = 0. */
  static int(width: number, signed = true): FixedFormat {
    return new FixedFormat(width, width, signed);
  }

  /** Same width, integer bits and signedness. */
  equals(other: FixedFormat): boolean {
    return (
      this.width === other.width && this.intBits === other.intBits && this.signed === other.signed
    );
  }

  /**
   * True when every value of `inner` is exactly a value of this format: at least as many
   * fraction bits, and inner's [min, max], aligned to this LSB, inside this [min, max].
   */
  contains(inner: FixedFormat): boolean {
    const shift = this.fracBits - inner.fracBits;
    if (shift < 0) return false;
    const s = BigInt(shift);
    return inner.minRaw << s >= this.minRaw && inner.maxRaw << s <= this.maxRaw;
  }

  /** `ac_fixed<W,I,S>`, e.g. `ac_fixed<8,4,true>` for signed Q4.4. */
  toString(): string {
    return `ac_fixed<${this.width},${this.intBits},${this.signed}>`;
  }
}

/**
 * Validates the three parts of a format. `prefix` is prepended to the field names
 * ("width", "integer bits", "signed") so that a parser can name its own input.
 */
export function checkFormatParts(
  width: unknown,
  intBits: unknown,
  signed: unknown,
  prefix: string,
): void {
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 1 || width > MAX_WIDTH) {
    throw new InputError(
      `${prefix}width must be an integer from 1 to ${MAX_WIDTH}, not ${show(width)}`,
    );
  }
  if (
    typeof intBits !== 'number' ||
    !Number.isInteger(intBits) ||
    Math.abs(intBits) > MAX_INT_BITS
  ) {
    throw new InputError(
      `${prefix}integer bits must be an integer from ${-MAX_INT_BITS} to ${MAX_INT_BITS}, not ${show(intBits)}`,
    );
  }
  if (typeof signed !== 'boolean') {
    throw new InputError(`${prefix}signed must be true or false, not ${show(signed)}`);
  }
}

/**
 * The format of an operation's exact result. Result widths above 4096 or integer bits beyond
 * the bound are the caller's error: the message names the operation.
 */
export function resultFormat(
  op: string,
  width: number,
  intBits: number,
  signed: boolean,
): FixedFormat {
  if (width > MAX_WIDTH) {
    throw new InputError(`${op} result width must be at most ${MAX_WIDTH}, not ${width}`);
  }
  if (Math.abs(intBits) > MAX_INT_BITS) {
    throw new InputError(
      `${op} result integer bits must be from ${-MAX_INT_BITS} to ${MAX_INT_BITS}, not ${intBits}`,
    );
  }
  return new FixedFormat(width, intBits, signed);
}
