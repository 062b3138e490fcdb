import { describe, expect, it } from 'vitest';
import { dropOptionalNulls, toStrictJsonSchema } from './strict-json-schema.ts';

const original = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-z]+$' },
    note: { type: 'string' },
    score: { type: ['number', 'null'] },
    tags: { type: 'array', items: { $ref: '#/definitions/tag' } },
    pick: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  },
  required: ['id', 'tags', 'pick'],
  definitions: { tag: { type: 'object', properties: { label: { type: 'string' } } } },
};

describe('toStrictJsonSchema', () => {
  it('closes every object, requires every property, makes optional ones nullable and rewrites unsupported forms', () => {
    expect(toStrictJsonSchema(original)).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string', pattern: '^[a-z]+$' },
        note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        score: { anyOf: [{ type: 'number' }, { type: 'null' }] },
        tags: { type: 'array', items: { $ref: '#/$defs/tag' } },
        pick: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
      },
      required: ['id', 'note', 'score', 'tags', 'pick'],
      additionalProperties: false,
      $defs: {
        tag: {
          type: 'object',
          properties: { label: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
          required: ['label'],
          additionalProperties: false,
        },
      },
    });
  });

  it('leaves out the string keywords Qwen models reject, and never modifies its input', () => {
    const copy = structuredClone(original);
    const strict = toStrictJsonSchema(original, { model: 'qwen-3.8-27b' }) as { properties: { id: unknown } };
    expect(strict.properties.id).toEqual({ type: 'string' });
    expect(original).toEqual(copy);
  });
});

describe('dropOptionalNulls', () => {
  it('drops nulls only where the original property was optional and did not allow null', () => {
    const value = { id: 'a', note: null, score: null, tags: [{ label: null }], pick: 1 };
    expect(dropOptionalNulls(value, original)).toEqual({ id: 'a', score: null, tags: [{}], pick: 1 });
  });
});
