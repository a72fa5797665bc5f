import { InputError, show } from '../errors.js';

/**
 * Flag parsers shared by every command, so that the same flag gets the same checks and the
 * same message everywhere: "--bits must be an integer from 1 to 256, not 0".
 */

export function intFlag(flag: string, value: unknown, min: number, max: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new InputError(`--${flag} must be an integer from ${min} to ${max}, not ${found(value)}`);
  }
  return n;
}

/** Which ends of a `numberFlag` range are open: `{ exclusiveMin: true }` for "above 0". */
export interface NumberBounds {
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
}

/** Decimal notation as users type it: 0.1, -2, 1e-3, .5 (no hex, no Infinity). */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * A decimal number in a range, such as a learning rate: `--lr 0.05`. Closed range by default
 * ("from 0 to 1"); an open end reads "above 0" / "below 1", as in
 * "--lr must be a number above 0 and at most 10, not -1".
 */
export function numberFlag(
  flag: string,
  value: unknown,
  min: number,
  max: number,
  bounds: NumberBounds = {},
): number {
  const n = typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value) : value;
  const inRange =
    typeof n === 'number' &&
    Number.isFinite(n) &&
    (bounds.exclusiveMin ? n > min : n >= min) &&
    (bounds.exclusiveMax ? n < max : n <= max);
  if (!inRange) {
    const range =
      !bounds.exclusiveMin && !bounds.exclusiveMax
        ? `from ${min} to ${max}`
        : `${bounds.exclusiveMin ? 'above' : 'at least'} ${min} and ${bounds.exclusiveMax ? 'below' : 'at most'} ${max}`;
    throw new InputError(`--${flag} must be a number ${range}, not ${found(value)}`);
  }
  return n as number;
}

/**
 * What the user gave, for a message: a flag declared as a string arrives as text, so "40" is
 * shown as 40 (as a number flag would show it) and only non-numbers are quoted ("wide").
 */
function found(value: unknown): string {
  return typeof value === 'string' && DECIMAL.test(value) ? value : show(value);
}

export function choiceFlag<T extends string>(
  flag: string,
  value: unknown,
  choices: readonly T[],
): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new InputError(`--${flag} must be one of ${choices.join(', ')}, not ${show(value)}`);
  }
  return value as T;
}

/** A comma-separated list of integers in a range: `--bits 4,5,6,8`. */
export function intListFlag(flag: string, value: unknown, min: number, max: number): number[] {
  const text = String(value);
  const items = text.split(',').map((s) => s.trim());
  if (items.length === 0 || items.some((s) => s === '')) {
    throw new InputError(
      `--${flag} must be a comma-separated list of integers from ${min} to ${max}, not ${show(value)}`,
    );
  }
  return items.map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InputError(
        `--${flag} must be a comma-separated list of integers from ${min} to ${max}, not ${show(value)}`,
      );
    }
    return n;
  });
}

/** A comma-separated list of names from a closed set: `--arch ripple-carry,kogge-stone`. */
export function choiceListFlag<T extends string>(
  flag: string,
  value: unknown,
  choices: readonly T[],
): T[] {
  const items = String(value)
    .split(',')
    .map((s) => s.trim());
  for (const item of items) {
    if (!(choices as readonly string[]).includes(item)) {
      throw new InputError(
        `--${flag} must be a comma-separated list of ${choices.join(', ')}, not ${show(item)}`,
      );
    }
  }
  return items as T[];
}
