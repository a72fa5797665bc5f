import { InputError, show } from '../errors.js';

/**
 * Flag parsers shared by every command, so that the same flag gets the same checks and the
 * same message everywhere: "--width must be an integer from 1 to 256, not 0".
 */

export function intFlag(flag: string, value: unknown, min: number, max: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new InputError(`--${flag} must be an integer from ${min} to ${max}, not ${show(value)}`);
  }
  return n;
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
