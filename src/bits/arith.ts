import { InputError, show } from '../errors.js';
import { type FixedFormat, MAX_WIDTH, resultFormat } from './format.js';
import { checkRaw, type Fixed } from './raw.js';
import {
  absDiffFormat,
  absFormat,
  addFormat,
  mulFormat,
  negFormat,
  subFormat,
} from './result-formats.js';

/**
 * Full-precision arithmetic: every result is exact, in the format `result-formats.ts` gives
 * (wide enough for every pair of operand values, so nothing is ever rounded or wrapped).
 * Operands are checked on entry (raw inside its format: InputError naming operand a or b).
 * Loss happens only in `quantize`. Cost: O(W) bigint work each.
 */

function check(x: Fixed, name: string): Fixed {
  checkRaw(x.raw, x.format, `operand ${name}`);
  return x;
}

/** raw of x re-expressed with `frac` fraction bits (frac >= x's): append zero LSBs. */
function aligned(x: Fixed, frac: number): bigint {
  return x.raw << BigInt(frac - x.format.fracBits);
}

export function add(a: Fixed, b: Fixed): Fixed {
  check(a, 'a');
  check(b, 'b');
  const format = addFormat(a.format, b.format);
  return { raw: aligned(a, format.fracBits) + aligned(b, format.fracBits), format };
}

export function sub(a: Fixed, b: Fixed): Fixed {
  check(a, 'a');
  check(b, 'b');
  const format = subFormat(a.format, b.format);
  return { raw: aligned(a, format.fracBits) - aligned(b, format.fracBits), format };
}

export function neg(a: Fixed): Fixed {
  check(a, 'a');
  return { raw: -a.raw, format: negFormat(a.format) };
}

export function abs(a: Fixed): Fixed {
  check(a, 'a');
  return { raw: a.raw < 0n ? -a.raw : a.raw, format: absFormat(a.format) };
}

/** |a - b|, the AdderNet tap, in the tightest unsigned format (|s8 - s8| fits u8). */
export function absDiff(a: Fixed, b: Fixed): Fixed {
  check(a, 'a');
  check(b, 'b');
  const format = absDiffFormat(a.format, b.format);
  const d = aligned(a, format.fracBits) - aligned(b, format.fracBits);
  return { raw: d < 0n ? -d : d, format };
}

export function mul(a: Fixed, b: Fixed): Fixed {
  check(a, 'a');
  check(b, 'b');
  return { raw: a.raw * b.raw, format: mulFormat(a.format, b.format) };
}

function checkShift(n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new InputError(`shift must be a non-negative integer, not ${show(n)}`);
  }
  return n;
}

/**
 * a * 2^n, exactly: the bits stay, the binary point moves n places left (I + n), as a
 * constant shift in hardware is only wiring. Free in area and energy.
 */
export function shiftLeft(a: Fixed, n: number): Fixed {
  const f = check(a, 'a').format;
  return {
    raw: a.raw,
    format: resultFormat('shiftLeft', f.width, f.intBits + checkShift(n), f.signed),
  };
}

/** a * 2^-n, exactly: the binary point moves n places right (I - n); no bit is dropped. */
export function shiftRight(a: Fixed, n: number): Fixed {
  const f = check(a, 'a').format;
  return {
    raw: a.raw,
    format: resultFormat('shiftRight', f.width, f.intBits - checkShift(n), f.signed),
  };
}

/**
 * The same value in `width` bits with the same fraction bits: sign extension for a signed
 * format, zero extension for an unsigned one (the pattern gains copies of the sign bit, or
 * zeros; the raw value is unchanged).
 */
export function extend(a: Fixed, width: number): Fixed {
  const f = check(a, 'a').format;
  if (
    typeof width !== 'number' ||
    !Number.isInteger(width) ||
    width < f.width ||
    width > MAX_WIDTH
  ) {
    throw new InputError(
      `width must be an integer from ${f.width} to ${MAX_WIDTH}, not ${show(width)}`,
    );
  }
  return {
    raw: a.raw,
    format: resultFormat('extend', width, f.intBits + width - f.width, f.signed),
  };
}

/**
 * The same value in a format that holds every value of a's format (`to.contains(a.format)`):
 * the exact conversion, used to align operands on a common bus.
 */
export function widen(a: Fixed, to: FixedFormat): Fixed {
  check(a, 'a');
  if (!to.contains(a.format)) {
    throw new InputError(`target format must hold every value of ${a.format}, not ${to}`);
  }
  return { raw: aligned(a, to.fracBits), format: to };
}
