import { describe, expect, it } from 'vitest';
import { describeSchema, firstSchemaProblem, type JsonSchema } from '../../src/cost/json-schema.js';

const root: JsonSchema = {
  oneOf: [{ $ref: '#/$defs/a' }, { $ref: '#/$defs/b' }],
  discriminator: { propertyName: 'kind' },
  $defs: {
    count: { type: 'integer', minimum: 1 },
    a: {
      type: 'object',
      required: ['kind', 'energyPj'],
      additionalProperties: false,
      properties: {
        kind: { const: 'a' },
        energyPj: { type: 'number', minimum: 0 },
        tags: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      },
    },
    b: {
      type: 'object',
      required: ['kind', 'n'],
      properties: {
        kind: { const: 'b' },
        n: { $ref: '#/$defs/count' },
        rule: { enum: ['x', 'y'] },
        factor: { type: 'number', exclusiveMinimum: 0 },
        flag: { type: 'boolean' },
      },
    },
  },
};

describe('JSON Schema subset validator', () => {
  it('accepts documents that match a branch', () => {
    expect(firstSchemaProblem({ kind: 'a', energyPj: 0, tags: ['t'] }, root)).toBeUndefined();
    expect(
      firstSchemaProblem({ kind: 'b', n: 3, rule: 'y', factor: 0.5, flag: true, extra: 1 }, root),
    ).toBeUndefined();
  });

  it.each([
    [{ kind: 'a', energyPj: -1 }, '/energyPj must be a number >= 0, not -1'],
    [{ kind: 'a', energyPj: '1' }, '/energyPj must be a number >= 0, not "1"'],
    [{ kind: 'a' }, '/energyPj must be a number >= 0, not nothing'],
    [
      { kind: 'a', energy: 1, energyPj: 1 },
      '/ must have only the fields kind, energyPj, tags, not "energy"',
    ],
    [{ kind: 'a', energyPj: 1, tags: [] }, '/tags must be an array of at least 1 item, not []'],
    [{ kind: 'a', energyPj: 1, tags: ['ok', ''] }, '/tags/1 must be a non-empty string, not ""'],
    [{ kind: 'b', n: 0 }, '/n must be an integer >= 1, not 0'],
    [{ kind: 'b', n: 1.5 }, '/n must be an integer >= 1, not 1.5'],
    [{ kind: 'b', n: 1, rule: 'z' }, '/rule must be one of x, y, not "z"'],
    [{ kind: 'b', n: 1, factor: 0 }, '/factor must be a number > 0, not 0'],
    [{ kind: 'b', n: 1, flag: 'yes' }, '/flag must be true or false, not "yes"'],
    [{ kind: 'c' }, '/kind must be one of a, b, not "c"'],
    [{}, '/kind must be one of a, b, not nothing'],
    [[1], '/ must be an object, not [1]'],
  ])('reports %j as %s', (doc, message) => {
    expect(firstSchemaProblem(doc, root)).toBe(message);
  });

  it('describes schemas in words', () => {
    expect(describeSchema({ type: 'number', minimum: 0 }, root)).toBe('a number >= 0');
    expect(describeSchema({ $ref: '#/$defs/count' }, root)).toBe('an integer >= 1');
    expect(describeSchema({ const: 'fpga' }, root)).toBe('"fpga"');
  });

  it('rejects a broken $ref as a schema bug, not a user error', () => {
    expect(() => firstSchemaProblem(1, { $ref: '#/$defs/missing' })).toThrow(
      'schema $ref #/$defs/missing is broken',
    );
  });
});
