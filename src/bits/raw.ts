import { InputError, show } from '../errors.js';
import type { FixedFormat } from './format.js';
import { describeRawRange } from './format-text.js';

/**
 * A fixed-point value: its raw integer (the signed integer the bits encode, see `FixedFormat`)
 * and its format. Real value = raw * 2^-F.
 */
export interface Fixed {
  readonly raw: bigint;
  readonly format: FixedFormat;
}

/** True when `raw` is a bigint inside the format's raw range. */
export function inRange(raw: bigint, format: FixedFormat): boolean {
  return raw >= format.minRaw && raw <= format.maxRaw;
}

/**
 * Checks that `raw` is a raw value of `format`; `field` names it in the message:
 * `raw value must be a bigint from -128 to 127 for ac_fixed<8,4,true>, not 200n`.
 */
export function checkRaw(raw: unknown, format: FixedFormat, field = 'raw value'): bigint {
  if (typeof raw !== 'bigint' || !inRange(raw, format)) {
    throw new InputError(
      `${field} must be a bigint from ${describeRawRange(format)} for ${format}, not ${show(raw)}`,
    );
  }
  return raw;
}

/** A checked value: `raw` must lie in the format's raw range. */
export function fixed(raw: bigint, format: FixedFormat): Fixed {
  return { raw: checkRaw(raw, format), format };
}

/**
 * Raw value -> bit pattern: the unsigned integer in [0, 2^W) whose bits are the W-bit two's
 * complement encoding (what simulator ports carry). Signed Q4.4: -128n -> 0x80n, -1n -> 0xffn.
 */
export function toPattern(raw: bigint, format: FixedFormat): bigint {
  return wrapBigInt(checkRaw(raw, format), format.width, false);
}

/**
 * What a width-bit register or port keeps of any integer (WRAP): value modulo 2^width, read
 * as two's complement when `signed`, else as the unsigned bit pattern. The bigint twin of
 * `wrapInt`; reading a port's pattern as a signed or unsigned value is the same operation.
 * Not checked (simulators and golden models call it per vector): width >= 1.
 */
export function wrapBigInt(value: bigint, width: number, signed: boolean): bigint {
  return signed ? BigInt.asIntN(width, value) : BigInt.asUintN(width, value);
}

/**
 * Bit pattern -> raw value, the inverse of `toPattern`: reads the top bit as the sign when the
 * format is signed. `pattern must be a bigint from 0 to 255 (8 bits), not 256n`.
 */
export function fromPattern(pattern: unknown, format: FixedFormat): bigint {
  const w = format.width;
  if (typeof pattern !== 'bigint' || pattern < 0n || pattern >> BigInt(w) !== 0n) {
    const top = w <= 64 ? `${(1n << BigInt(w)) - 1n}` : `2^${w}-1`;
    throw new InputError(
      `pattern must be a bigint from 0 to ${top} (${w} bits), not ${show(pattern)}`,
    );
  }
  return format.signed ? wrapBigInt(pattern, w, true) : pattern;
}
