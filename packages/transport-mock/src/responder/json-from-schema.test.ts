import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../random/seeded-random.ts';
import { type JsonSchema, jsonFromSchema } from './json-from-schema.ts';

const ajv = new Ajv2020({ strict: false, validateFormats: false });

function expectValid(schema: JsonSchema, value: unknown): void {
  const validate = ajv.compile(schema as object);
  if (!validate(value))
    throw new Error(`${JSON.stringify(value)} breaks ${JSON.stringify(schema)}: ${ajv.errorsText(validate.errors)}`);
}

const range = (maxValue: number) =>
  fc
    .tuple(fc.integer({ min: -maxValue, max: maxValue }), fc.integer({ min: -maxValue, max: maxValue }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

const leaf: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant({ type: 'string' }),
  fc
    .tuple(fc.nat(6), fc.nat(20))
    .map(([a, b]) => ({ type: 'string', minLength: Math.min(a, b), maxLength: Math.max(a, b) })),
  fc.constant({ type: 'boolean' }),
  fc.constant({ type: 'null' }),
  range(1000).map(([minimum, maximum]) => ({ type: 'integer', minimum, maximum })),
  range(50).map(([low, high]) => ({ type: 'integer', exclusiveMinimum: low - 1, exclusiveMaximum: high + 1 })),
  range(1000).map(([minimum, maximum]) => ({ type: 'number', minimum, maximum })),
  range(10).map(([low, high]) => ({ type: 'number', exclusiveMinimum: low, exclusiveMaximum: high + 0.5 })),
  fc
    .tuple(range(100), fc.constantFrom(0.5, 0.25, 2, 5))
    .map(([[minimum, maximum], multipleOf]) => ({ type: 'number', minimum, maximum: maximum + 10, multipleOf })),
  fc
    .uniqueArray(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { minLength: 1, maxLength: 5 })
    .map((values) => ({ enum: values })),
  fc.jsonValue({ maxDepth: 2 }).map((value) => ({ const: value })),
  fc.constant({ type: ['string', 'null'] }),
);

const { node } = fc.letrec<{
  node: Record<string, unknown>;
  object: Record<string, unknown>;
  array: Record<string, unknown>;
}>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    leaf,
    tie('object'),
    tie('array'),
    tie('node').map((inner) => ({ anyOf: [inner, { type: 'null' }] })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((anyOf) => ({ anyOf })),
  ),
  object: fc
    .dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('node'), { maxKeys: 4 })
    .chain((properties) =>
      fc
        .subarray(Object.keys(properties))
        .map((required) => ({ type: 'object', properties, required, additionalProperties: false })),
    ),
  array: fc
    .tuple(tie('node'), fc.nat(3), fc.nat(4))
    .map(([items, a, b]) => ({ type: 'array', items, minItems: Math.min(a, b), maxItems: Math.max(a, b) })),
}));

describe('jsonFromSchema', () => {
  it('produces JSON that the schema accepts (checked by ajv, JSON Schema 2020-12)', () => {
    fc.assert(
      fc.property(node, fc.string(), (schema, seed) => {
        const value = jsonFromSchema(schema, createSeededRandom(seed));
        expectValid(schema, JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 400 },
    );
  });

  it('follows $ref into $defs, also recursively, and ends', () => {
    const schema = {
      $defs: {
        node: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'children'],
          properties: {
            name: { type: 'string', minLength: 1 },
            children: { type: 'array', items: { $ref: '#/$defs/node' }, maxItems: 3 },
          },
        },
      },
      $ref: '#/$defs/node',
    };
    for (let seed = 0; seed < 50; seed += 1) expectValid(schema, jsonFromSchema(schema, createSeededRandom(seed)));
  });

  it('is a pure function of the random sequence', () => {
    fc.assert(
      fc.property(node, fc.integer(), (schema, seed) => {
        const first = jsonFromSchema(schema, createSeededRandom(seed));
        expect(jsonFromSchema(schema, createSeededRandom(seed))).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it('honours uniqueItems, allOf, OpenAPI nullable and prefixItems', () => {
    const schema = {
      type: 'object',
      required: ['tags', 'merged', 'maybe', 'pair'],
      properties: {
        tags: { type: 'array', uniqueItems: true, minItems: 3, maxItems: 3, items: { enum: ['a', 'b', 'c', 'd'] } },
        merged: {
          allOf: [
            { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'] },
            { properties: { y: { type: 'boolean' } }, required: ['y'] },
          ],
        },
        maybe: { type: 'integer', nullable: true, minimum: 3, maximum: 3 },
        pair: {
          type: 'array',
          prefixItems: [{ type: 'string' }, { type: 'integer' }],
          minItems: 2,
          maxItems: 2,
          items: false,
        },
      },
    };
    const seen = new Set<unknown>();
    for (let seed = 0; seed < 40; seed += 1) {
      const value = jsonFromSchema(schema, createSeededRandom(seed)) as Record<string, unknown>;
      const { maybe, ...rest } = value;
      expectValid(
        { ...schema, properties: { ...schema.properties, maybe: { type: ['integer', 'null'] } } },
        { ...rest, maybe },
      );
      seen.add(maybe);
    }
    expect(seen).toEqual(new Set([3, null]));
  });

  it('writes the common string formats', () => {
    const formats = {
      'date-time': /^2026-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
      date: /^2026-\d\d-\d\d$/,
      email: /^[a-z]{6}@example\.com$/,
      uri: /^https:\/\/example\.com\/[a-z]{8}$/,
      uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    };
    for (const [format, pattern] of Object.entries(formats))
      expect(jsonFromSchema({ type: 'string', format }, createSeededRandom(format))).toMatch(pattern);
  });
});
