import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectValid, schemaArbitrary } from '../__fixtures__/schema-arbitrary.ts';
import { createSeededRandom } from '../random/seeded-random.ts';
import { jsonFromSchema } from './json-from-schema.ts';

describe('jsonFromSchema', () => {
  it('produces JSON that the schema accepts (checked by ajv, JSON Schema 2020-12)', () => {
    fc.assert(
      fc.property(schemaArbitrary, fc.string(), (schema, seed) => {
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
      fc.property(schemaArbitrary, fc.integer(), (schema, seed) => {
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
