import { InputError, show } from '../errors.js';

/**
 * A small structural schema for JSON values: enough to check a results file where it enters
 * and to rewrite it with keys in one canonical order (the order the schema lists them), so that
 * equal values always serialise to equal bytes.
 */
export type Schema =
  | { readonly kind: 'string' }
  | {
      readonly kind: 'number';
      readonly integer: boolean;
      /** Inclusive lower bound. */
      readonly min?: number;
      /** Exclusive lower bound. */
      readonly above?: number;
    }
  | { readonly kind: 'literal'; readonly value: string | number }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'array'; readonly of: Schema }
  | { readonly kind: 'nullable'; readonly of: Schema }
  | {
      readonly kind: 'object';
      readonly fields: Readonly<Record<string, Schema>>;
      readonly optional: readonly string[];
    };

export const str: Schema = { kind: 'string' };
/** A safe integer >= 0 (counts, widths). */
export const count: Schema = { kind: 'number', integer: true, min: 0 };
/** A safe integer >= 1. */
export const positiveInt: Schema = { kind: 'number', integer: true, min: 1 };
/** A finite number >= 0. */
export const nonNegative: Schema = { kind: 'number', integer: false, min: 0 };
/** A finite number > 0 (costs never default to zero). */
export const positive: Schema = { kind: 'number', integer: false, above: 0 };
export const literal = (value: string | number): Schema => ({ kind: 'literal', value });
export const oneOf = (values: readonly string[]): Schema => ({ kind: 'enum', values });
export const arrayOf = (of: Schema): Schema => ({ kind: 'array', of });
export const nullable = (of: Schema): Schema => ({ kind: 'nullable', of });

/**
 * An object schema whose field list must name every key of `T` (checked at compile time), so
 * the schema and the TypeScript interface cannot drift apart silently.
 */
export function objectOf<T>(
  fields: { readonly [K in keyof T & string]-?: Schema },
  optional: readonly (keyof T & string)[] = [],
): Schema {
  return { kind: 'object', fields, optional };
}

function describe(schema: Schema): string {
  switch (schema.kind) {
    case 'string':
      return 'a string';
    case 'number': {
      const what = schema.integer ? 'an integer' : 'a finite number';
      if (schema.above !== undefined) return `${what} > ${schema.above}`;
      if (schema.min !== undefined) return `${what} >= ${schema.min}`;
      return what;
    }
    case 'literal':
      return show(schema.value);
    case 'enum':
      return `one of ${schema.values.join(', ')}`;
    case 'array':
      return 'an array';
    case 'nullable':
      return `${describe(schema.of)} or null`;
    case 'object':
      return 'an object';
  }
}

function fits(schema: Schema, value: unknown): boolean {
  switch (schema.kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (!schema.integer || Number.isSafeInteger(value)) &&
        (schema.min === undefined || value >= schema.min) &&
        (schema.above === undefined || value > schema.above)
      );
    case 'literal':
      return value === schema.value;
    case 'enum':
      return typeof value === 'string' && schema.values.includes(value);
    case 'array':
      return Array.isArray(value);
    case 'nullable':
      return value === null || fits(schema.of, value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

/**
 * Checks `value` against `schema` and returns a copy with object keys in schema order.
 * Throws an InputError naming `origin` and the field path, e.g.
 * `results.json: energy[2].energyPj must be a finite number > 0, not -1`.
 */
export function conform(schema: Schema, value: unknown, origin: string, path = ''): unknown {
  const where = path === '' ? 'the value' : path;
  if (!fits(schema, value)) {
    throw new InputError(`${origin}: ${where} must be ${describe(schema)}, not ${show(value)}`);
  }
  if (schema.kind === 'nullable') {
    return value === null ? null : conform(schema.of, value, origin, path);
  }
  if (schema.kind === 'array') {
    return (value as unknown[]).map((item, i) => conform(schema.of, item, origin, `${path}[${i}]`));
  }
  if (schema.kind !== 'object') return value;
  const record = value as Record<string, unknown>;
  const prefix = path === '' ? '' : `${path}.`;
  for (const key of Object.keys(record)) {
    if (!(key in schema.fields)) {
      throw new InputError(
        `${origin}: ${where} must have only the fields ${Object.keys(schema.fields).join(', ')}, not ${show(key)}`,
      );
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.fields)) {
    if (!(key in record) || record[key] === undefined) {
      if (schema.optional.includes(key)) continue;
      throw new InputError(`${origin}: ${prefix}${key} must be ${describe(field)}, not nothing`);
    }
    out[key] = conform(field, record[key], origin, `${prefix}${key}`);
  }
  return out;
}
