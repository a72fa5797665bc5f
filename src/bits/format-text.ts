import { InputError, show } from '../errors.js';
import { checkFormatParts, FixedFormat } from './format.js';

const AC_FIXED = /^ac_fixed\s*<\s*(-?\d+)\s*,\s*(-?\d+)\s*,\s*(true|false)\s*>$/;
const AC_INT = /^ac_int\s*<\s*(\d+)\s*,\s*(true|false)\s*>$/;
/** Q-style shorthand: s4.4 = signed, 4 integer + 4 fraction bits; u8 = unsigned 8-bit integer. */
const SHORT = /^([su])(\d+)(?:\.(\d+))?$/;

/**
 * Reads a format written as `ac_fixed<W,I,S>` (what `toString` prints), `ac_int<W,S>`, or the
 * shorthand `s<I>.<F>` / `u<I>.<F>` / `s<W>` / `u<W>` (I, F >= 0; W = I + F):
 *
 * | text                | W | I  | S     |
 * |---------------------|---|----|-------|
 * | ac_fixed<8,4,true>  | 8 | 4  | true  |
 * | ac_fixed<8,-2,false>| 8 | -2 | false |
 * | ac_int<8,false>     | 8 | 8  | false |
 * | s4.4                | 8 | 4  | true  |
 * | u0.8                | 8 | 0  | false |
 * | s8                  | 8 | 8  | true  |
 *
 * `field` names the input in messages (a flag such as `--format`, or a file field).
 */
export function parseFormat(text: unknown, field = 'format'): FixedFormat {
  const t = typeof text === 'string' ? text.trim() : '';
  let parts: [number, number, boolean] | undefined;
  let m = AC_FIXED.exec(t);
  if (m) parts = [Number(m[1]), Number(m[2]), m[3] === 'true'];
  else if ((m = AC_INT.exec(t))) parts = [Number(m[1]), Number(m[1]), m[2] === 'true'];
  else if ((m = SHORT.exec(t))) {
    const int = Number(m[2]);
    const frac = m[3] === undefined ? 0 : Number(m[3]);
    parts = [int + frac, int, m[1] === 's'];
  }
  if (!parts) {
    throw new InputError(
      `${field} must be ac_fixed<W,I,S>, ac_int<W,S>, s<I>.<F> or u<I>.<F> (for example s4.4), not ${show(text)}`,
    );
  }
  checkFormatParts(parts[0], parts[1], parts[2], `${field} `);
  return new FixedFormat(parts[0], parts[1], parts[2]);
}

/**
 * The raw range of a format for messages: decimal up to 64 bits (`-128 to 127`), powers of two
 * above (`-2^4095 to 2^4095-1`) so that a message stays one readable line.
 */
export function describeRawRange(format: FixedFormat): string {
  if (format.width <= 64) return `${format.minRaw} to ${format.maxRaw}`;
  const w = format.width;
  return format.signed ? `-2^${w - 1} to 2^${w - 1}-1` : `0 to 2^${w}-1`;
}

/**
 * The real range of a format for messages: decimal when the bounds are ordinary doubles
 * (width <= 53 and |F| <= 60: `-8 to 7.9375`), else powers of two (`-2^3 to 2^3-2^-4`).
 */
export function describeValueRange(format: FixedFormat): string {
  const f = format.fracBits;
  if (format.width <= 53 && Math.abs(f) <= 60) {
    const scale = 2 ** -f;
    return `${Number(format.minRaw) * scale} to ${Number(format.maxRaw) * scale}`;
  }
  const top = format.signed ? format.intBits - 1 : format.intBits;
  const low = format.signed ? `-2^${top}` : '0';
  return `${low} to 2^${top}-2^${-f}`;
}

/** The weight of one LSB for messages: `2^-4`. */
export function describeStep(format: FixedFormat): string {
  return `2^${-format.fracBits}`;
}
