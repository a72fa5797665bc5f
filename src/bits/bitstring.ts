import { InputError, show } from '../errors.js';
import type { FixedFormat } from './format.js';
import { fromPattern, toPattern } from './raw.js';

/**
 * Bit strings of raw values, MSB first, as hardware people write them. Encoders print every
 * bit of the W-bit pattern; the decoder reads either base, allows `_` between digits and
 * omitted leading zeros, and rejects anything wider than W bits. Signed Q4.4 (W = 8):
 *
 * | raw  | toBinary     | toHex |
 * |------|--------------|-------|
 * | -128 | 0b10000000   | 0x80  |
 * |   -1 | 0b11111111   | 0xff  |
 * |   16 | 0b00010000   | 0x10  |
 *
 * A 5-bit format prints two hex digits: -1 in ac_fixed<5,5,true> is `0x1f`.
 */

/** `0b` followed by exactly W binary digits. */
export function toBinary(raw: bigint, format: FixedFormat): string {
  return `0b${toPattern(raw, format).toString(2).padStart(format.width, '0')}`;
}

/** `0x` followed by ceil(W/4) lowercase hex digits. */
export function toHex(raw: bigint, format: FixedFormat): string {
  return `0x${toPattern(raw, format)
    .toString(16)
    .padStart(Math.ceil(format.width / 4), '0')}`;
}

const BIT_STRING = /^0(?:b[01](?:_?[01])*|x[0-9a-fA-F](?:_?[0-9a-fA-F])*)$/;

/** Reads `0b...` or `0x...` back into a raw value of `format` (inverse of both encoders). */
export function fromBitString(text: unknown, format: FixedFormat): bigint {
  if (typeof text !== 'string' || !BIT_STRING.test(text)) {
    throw new InputError(
      `bit string must be 0b followed by binary digits or 0x followed by hex digits, not ${show(text)}`,
    );
  }
  const pattern = BigInt(text.replaceAll('_', ''));
  if (pattern >> BigInt(format.width) !== 0n) {
    throw new InputError(
      `bit string must fit in ${format.width} bits for ${format}, not ${show(text)}`,
    );
  }
  return fromPattern(pattern, format);
}
