import { show } from '../errors.js';

/**
 * A validator for exactly the JSON Schema subset the cost-table schema uses, so that tables are
 * checked on load without a dependency. Supported keywords: `type` (string, number, integer,
 * boolean, object, array), `const`, `enum`, `minimum`, `exclusiveMinimum`, `minLength`,
 * `required`, `properties`, `additionalProperties: false`, `items`, `minItems`, `$ref` to
 * `#/$defs/...`, and `oneOf` with a `discriminator: { propertyName }` whose branches fix that
 * property with `const`. Other keywords are ignored, as JSON Schema ignores unknown keywords.
 *
 * Only the first problem is reported (checking order follows the document), as one line that
 * names the JSON pointer and says what was expected and what was found:
 * `/ops/3/energyPj must be a number >= 0, not -1`.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

export function firstSchemaProblem(value: unknown, schema: JsonSchema): string | undefined {
  return check(value, schema, schema, '');
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let s = schema;
  for (let depth = 0; typeof s.$ref === 'string'; depth++) {
    const ref = s.$ref as string;
    if (depth > 32 || !ref.startsWith('#/')) throw new Error(`schema $ref ${ref} is not supported`);
    let target: unknown = root;
    for (const part of ref.slice(2).split('/'))
      target = (target as Record<string, unknown>)?.[part];
    if (typeof target !== 'object' || target === null)
      throw new Error(`schema $ref ${ref} is broken`);
    s = target as JsonSchema;
  }
  return s;
}

/** "a number >= 0", "one of a, b", "a non-empty string": what a schema accepts, in words. */
export function describeSchema(schema: JsonSchema, root: JsonSchema): string {
  const s = resolve(schema, root);
  if (s.const !== undefined) return show(s.const);
  if (Array.isArray(s.enum)) return `one of ${s.enum.join(', ')}`;
  switch (s.type) {
    case 'number':
    case 'integer': {
      const noun = s.type === 'number' ? 'a number' : 'an integer';
      if (typeof s.exclusiveMinimum === 'number') return `${noun} > ${s.exclusiveMinimum}`;
      if (typeof s.minimum === 'number') return `${noun} >= ${s.minimum}`;
      return noun;
    }
    case 'string':
      return typeof s.minLength === 'number' && s.minLength > 0 ? 'a non-empty string' : 'a string';
    case 'boolean':
      return 'true or false';
    case 'array':
      return typeof s.minItems === 'number' && s.minItems > 0
        ? `an array of at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}`
        : 'an array';
    case 'object':
      return 'an object';
    default:
      if (Array.isArray(s.oneOf)) return 'an object';
      return 'a value';
  }
}

function where(pointer: string): string {
  return pointer === '' ? '/' : pointer;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function check(
  value: unknown,
  schema: JsonSchema,
  root: JsonSchema,
  pointer: string,
): string | undefined {
  const s = resolve(schema, root);
  const fail = () => `${where(pointer)} must be ${describeSchema(s, root)}, not ${show(value)}`;
  if (Array.isArray(s.oneOf)) return checkOneOf(value, s, root, pointer);
  if (s.const !== undefined && value !== s.const) return fail();
  if (Array.isArray(s.enum) && !s.enum.includes(value as never)) return fail();
  switch (s.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail();
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail();
      break;
    case 'string':
      if (typeof value !== 'string') return fail();
      if (typeof s.minLength === 'number' && value.length < s.minLength) return fail();
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return fail();
      break;
    case 'array':
      if (!Array.isArray(value)) return fail();
      if (typeof s.minItems === 'number' && value.length < s.minItems) return fail();
      if (s.items !== undefined) {
        for (let i = 0; i < value.length; i++) {
          const problem = check(value[i], s.items as JsonSchema, root, `${pointer}/${i}`);
          if (problem) return problem;
        }
      }
      break;
    case 'object':
      if (!isObject(value)) return fail();
      return checkObject(value, s, root, pointer);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) return fail();
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) return fail();
  }
  return undefined;
}

function checkObject(
  value: Record<string, unknown>,
  s: JsonSchema,
  root: JsonSchema,
  pointer: string,
): string | undefined {
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  const allowed = Object.keys(properties);
  if (s.additionalProperties === false) {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        return `${where(pointer)} must have only the fields ${allowed.join(', ')}, not ${show(key)}`;
      }
    }
  }
  for (const key of (s.required ?? []) as string[]) {
    if (!(key in value)) {
      const expected = properties[key] ? describeSchema(properties[key], root) : 'present';
      return `${pointer}/${key} must be ${expected}, not nothing`;
    }
  }
  for (const key of Object.keys(value)) {
    if (!properties[key]) continue;
    const problem = check(value[key], properties[key], root, `${pointer}/${key}`);
    if (problem) return problem;
  }
  return undefined;
}

function checkOneOf(
  value: unknown,
  s: JsonSchema,
  root: JsonSchema,
  pointer: string,
): string | undefined {
  const branches = (s.oneOf as JsonSchema[]).map((b) => resolve(b, root));
  const tag = (s.discriminator as { propertyName?: string } | undefined)?.propertyName;
  if (tag === undefined) {
    const problems = branches.map((b) => check(value, b, root, pointer));
    return problems.includes(undefined) ? undefined : problems[0];
  }
  if (!isObject(value)) return `${where(pointer)} must be an object, not ${show(value)}`;
  const tagOf = (b: JsonSchema) =>
    resolve(((b.properties ?? {}) as Record<string, JsonSchema>)[tag] ?? {}, root).const;
  const branch = branches.find((b) => tagOf(b) === value[tag]);
  if (!branch) {
    return `${pointer}/${tag} must be one of ${branches.map(tagOf).join(', ')}, not ${show(value[tag])}`;
  }
  return check(value, branch, root, pointer);
}
